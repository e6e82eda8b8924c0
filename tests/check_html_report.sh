#!/bin/sh
# The HTML reports in a real browser (Debian's chromium, headless): the
# comparison of the corpus and a corpus index load without a console
# message, keep their legend, and the heatmap's colours darken as the
# counts grow (read from the page's own style, as the browser applies it);
# a screenshot of each is taken.  `make screenshots` writes the README's.
set -eu
B=${BUILD:-build}
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium is missing (tools/install-deps.sh installs it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=${1:-$tmp}
"$B/plan" compare -q --html="$tmp/compare.html" corpus/*.txt
"$B/plan" corpus -q -o "$tmp/corpus" corpus/*.txt corpus/wild >/dev/null
shoot() { # page png
  HOME=$tmp timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
    --enable-logging=stderr --v=0 --window-size=1280,1400 --screenshot="$2" "file://$1" \
    >"$tmp/log" 2>&1 || { cat "$tmp/log"; echo "chromium failed on $1"; exit 1; }
  if grep -q 'CONSOLE' "$tmp/log"; then grep 'CONSOLE' "$tmp/log"; echo "console messages on $1"; exit 1; fi
  [ "$(wc -c <"$2")" -gt 20000 ] || { echo "empty screenshot of $1"; exit 1; }
  HOME=$tmp timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --dump-dom "file://$1" \
    >"$tmp/dom.html" 2>/dev/null
}
shoot "$tmp/compare.html" "$out/compare-report.png"
python3 - "$tmp/dom.html" <<'PY'
import html.parser, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
css = dict(re.findall(r"\.(h\d)\{background:#([0-9a-f]{6})", dom))
assert len(css) == 6, f"heatmap palette: {css}"
def luminance(hexcolour):
    r, g, b = (int(hexcolour[i:i + 2], 16) / 255 for i in (0, 2, 4))
    lin = lambda c: c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
class Cells(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells, self.legend, self.heatmap = [], False, False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and a.get("class") == "legend":
            self.legend = True
        if tag == "table" and a.get("class") == "heatmap":
            self.heatmap = True
        if tag == "td" and "data-count" in a:
            level = re.search(r"\bh\d\b", a["class"]).group(0)
            self.cells.append((int(a["data-count"]), level))
p = Cells()
p.feed(dom)
assert p.legend and p.heatmap, "legend or heatmap missing"
assert len(p.cells) > 50, "too few heatmap cells"
cells = sorted(p.cells)
for (n1, c1), (n2, c2) in zip(cells, cells[1:]):
    assert luminance(css[c2]) <= luminance(css[c1]), f"{n2} duties lighter than {n1}"
assert len({c for _, c in cells}) >= 4, "the counts use too few colours"
links = re.findall(r'href="#([^"]+)"', dom)
ids = set(re.findall(r'id="([^"]+)"', dom))
assert links and all(l in ids for l in links), "a heatmap link leads nowhere"
print(f"html: compare report in chromium: legend, {len(cells)} cells darkening with their counts, {len(links)} links that land")
PY
shoot "$tmp/corpus/index.html" "$out/corpus-index.png"
grep -q 'Plans grouped by the national document' "$tmp/dom.html" || { echo "the corpus index did not load"; exit 1; }
echo "html: corpus index in chromium: loaded, no console message"
