#!/usr/bin/env python3
"""Metamorphic checks: changes of layout that must not change the parse.

    tools/metamorph.py [--plan build/plan] [--show N] [--require] FILE|DIR...

Each document is parsed as it is and after each transformation:

  wrap50, wrap72, wrap100  every line longer than the width is cut at the
                           last space before it, markup left open across
                           the cut, as PDF and web copies do;
  header-table             the header (issuer, motto, number, place and
                           date) moved into a markdown pipe table;
  furniture                a web portal's menus, metadata table and notices
                           put before the document;
  portal-page              the start of a real portal page (notices wrapped
                           in bold, the metadata table as cells) put before
                           it.

The parses are compared as `plan parse --format=json`'s metadata, outline,
agency items with their duties and references, minus positions (line,
start, end, offset, column).
Prints a line per transformation with how many documents kept their parse;
with --show N, the first N differences; with --require, exits 1 unless
every document kept its parse under every transformation; with --floor,
exits 1 when fewer documents than given keep it (tests/check_metamorphic.sh
holds the figures reached, so that none falls back).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

from documents import document_files

POSITION_KEYS = {"line", "start", "end", "offset", "column", "source"}
DOC_TYPES = ("KẾ HOẠCH", "QUYẾT ĐỊNH", "CÔNG VĂN", "CHỈ THỊ", "THÔNG BÁO", "QUY CHẾ", "QUY ĐỊNH",
             "NGHỊ QUYẾT", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "HƯỚNG DẪN", "TỜ TRÌNH", "BÁO CÁO")
MARKUP = re.compile(r"[*_#]+")

FURNITURE = """Trang chủ | Văn bản pháp luật | Tra cứu | Hỏi đáp | Đăng nhập

Bản dịch này thuộc quyền sở hữu của **THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép
không được sự đồng ý là vi phạm pháp luật.

- Văn bản liên quan
- Lược đồ
- Tải về

**Số hiệu:**
|
%(number)s
|
**Loại văn bản:**
|
Văn bản
|
**Ngày ban hành:**
|
Đang cập nhật
|

Đang tải văn bản...

"""


def wrap(text, width):
    out = []
    for line in text.split("\n"):
        while len(line) > width:
            cut = line.rfind(" ", 0, width)
            if cut <= 0:
                break
            out.append(line[:cut])
            line = line[cut + 1:]
        out.append(line)
    return "\n".join(out)


def plain(line):
    return MARKUP.sub("", line).strip()


def header_table(text):
    """The lines before the document type become a two-column pipe table:
    issuer | motto, number | place and date.  None when no header is seen."""
    lines = text.split("\n")
    end = None
    for i, line in enumerate(lines[:80]):
        p = plain(line).rstrip(":").upper()
        if p in DOC_TYPES and plain(line) == plain(line).upper():
            end = i
            break
    if end is None:
        return None
    head = [plain(l) for l in lines[:end]]
    head = [l for l in head if l and not re.fullmatch(r"[|\-_= ]+", l)]
    # a portal's furniture before the issuer stays where it is: the header
    # starts at the run of upper-case lines before the motto
    before = []
    motto_at = next((i for i, l in enumerate(head) if l.startswith("CỘNG HÒA")), None)
    if motto_at is not None:
        k = motto_at
        while k > 0 and head[k - 1] == head[k - 1].upper():
            k -= 1
        furniture_lines = head[:k]
        if furniture_lines:
            # the original lines up to the issuer's first line, kept as they are
            first = head[k]
            cut = next(i for i, l in enumerate(lines[:end]) if plain(l) == first)
            before = lines[:cut]
            head = head[k:]
    joined = " ".join(head)
    m = re.search(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s*Độc lập - Tự do - Hạnh phúc", joined)
    n = re.search(r"Số:?\s*\S*", joined)
    d = re.search(r"([^\s,][^,]*?),\s*ngày\b.*?năm\s*\d{4}", joined)
    if not (n and d):
        return None
    issuer = joined[: m.start()].strip() if m else joined[: n.start()].strip()
    motto = m.group(0) if m else ""
    number = n.group(0)
    date = joined[d.start(): d.end()].strip()
    # the place starts after the number
    if d.start() < n.end():
        date = joined[n.end(): d.end()].strip()
    rows = ["| %s | %s |" % (issuer, motto), "|---|---|", "| %s | *%s* |" % (number, date), ""]
    return "\n".join(before + rows + lines[end:])


# The start of a real portal page (thuvienphapluat.vn, 2025), as the scrape
# gives it: notices wrapped inside bold, the metadata table as cells.
PORTAL_PAGE = """|
|
Bản dịch này thuộc quyền sở hữu của **
THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép, đăng tải lại mà không có sự đồng ý của **
THƯ VIỆN PHÁP LUẬT** là vi phạm pháp luật về Sở hữu trí tuệ.
X
**
CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI, HƯỚNG DẪN
**
Các nội dung của VB này được VB khác thay đổi, hướng dẫn sẽ được làm nổi bật bằng
các màu sắc:
: Sửa đổi, thay thế,
hủy bỏ
Click vào phần bôi vàng để xem chi tiết.
|
|
Đang tải văn bản...
#
**Số hiệu:**
|
%(number)s
|
|
**Loại văn bản:**
|
Quyết định
|
**Nơi ban hành:**
|
Tỉnh Phú Thọ
|
|
**Người ký:**
|
Nguyễn Huy Ngọc
|
**Ngày ban hành:**
|
18/11/2025
|
|
**
Ngày hiệu lực:**
|
Đã biết
|
**Ngày công báo:**
|
Đang cập nhật
|
|
**Tình trạng:**
|
Đã biết
|
|
"""


def furniture(text):
    n = re.search(r"Số:?\s*([0-9][^\s|*]*)", text)
    return FURNITURE % {"number": n.group(1) if n else ""} + text


def portal_page(text):
    n = re.search(r"Số:?\s*([0-9][^\s|*]*)", text)
    return PORTAL_PAGE % {"number": n.group(1) if n else ""} + text


TRANSFORMS = [
    ("wrap50", lambda t: wrap(t, 50)),
    ("wrap72", lambda t: wrap(t, 72)),
    ("wrap100", lambda t: wrap(t, 100)),
    ("header-table", header_table),
    ("furniture", furniture),
    ("portal-page", portal_page),
]


# What a layout must not change: the metadata, the outline, the agency
# items with their duties, the references.  (The frame's paragraphs, the
# input kind and the diagnostics describe the layout itself.)
COMPARED = ("meta", "sections", "assignments", "references", "implements")


def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k not in POSITION_KEYS}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v


def parse(plan, path):
    p = subprocess.run([plan, "parse", "--format=json", "-q", path], capture_output=True)
    if p.returncode != 0:
        return {"exit": p.returncode}
    doc = json.loads(p.stdout.decode("utf-8"))
    return strip({k: doc.get(k) for k in COMPARED})


def first_difference(a, b, path=""):
    if type(a) != type(b):
        return path, a, b
    if isinstance(a, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if a.get(k) != b.get(k):
                return first_difference(a.get(k), b.get(k), f"{path}.{k}")
    elif isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return first_difference(x, y, f"{path}[{i}]")
        if len(a) != len(b):
            return f"{path} (length)", len(a), len(b)
    return path, a, b


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--plan", default="build/plan")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--require", action="store_true")
    ap.add_argument("--floor", default="",
                    help="NAME=N,...: fail when fewer than N documents keep their parse under NAME")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    files = document_files(args.paths, (".md", ".txt"))
    kept = {name: [0, 0] for name, _ in TRANSFORMS}
    shown = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            base = parse(args.plan, path)
            for name, fn in TRANSFORMS:
                t = fn(text)
                if t is None:
                    continue
                out = os.path.join(tmp, name + "-" + os.path.basename(path))
                with open(out, "w", encoding="utf-8") as f:
                    f.write(t)
                got = parse(args.plan, out)
                kept[name][1] += 1
                if got == base:
                    kept[name][0] += 1
                elif shown < args.show:
                    shown += 1
                    where, a, b = first_difference(base, got)
                    print(f"differs: {path} under {name} at {where}:\n  was {str(a)[:160]}\n  now {str(b)[:160]}")
    ok = True
    floor = dict(x.split("=") for x in args.floor.split(",") if x)
    below = False
    for name, (k, n) in kept.items():
        low = name in floor and k < int(floor[name])
        below |= low
        print(f"  {name:13} {k:4} of {n:4} documents keep their parse"
              + (f"  (fewer than {floor[name]}: a regression)" if low else ""))
        ok &= k == n
    return 1 if below or (args.require and not ok) else 0


if __name__ == "__main__":
    sys.exit(main())
