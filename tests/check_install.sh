#!/bin/sh
# Installs into a temporary prefix and builds a program against it with
# nothing but pkg-config; runs it with the installed shared library.
set -eu
# An instrumented build cannot link a plain program: nothing to check there.
[ -n "${PLAN_SKIP_INSTALL:-}" ] && { echo "install check skipped (PLAN_SKIP_INSTALL)"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s install PREFIX="$tmp/prefix" >/dev/null
cat > "$tmp/hello.c" <<'C'
#include <plan.h>
#include <stdio.h>
#include <string.h>
int main(void) {
  const char *in = "UB\xe1\xbb\xb6 ban: hoa\xcc\x80";   /* UBỶ ban: ho + combining grave + a */
  char *out;
  plan_error err;
  if (plan_normalize_string(in, strlen(in), NULL, &out, NULL, &err) != PLAN_OK) {
    fprintf(stderr, "%s\n", err.message);
    return 1;
  }
  fputs(out, stdout);
  plan_free(out);
  return plan_version() == PLAN_VERSION ? 0 : 2;
}
C
export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
# users get the header's folder and the library, nothing of the dependencies
[ "$(pkg-config --cflags libplan | sed "s/ *$//")" = "-I$tmp/prefix/include" ] || { echo "pkg-config --cflags leaks: $(pkg-config --cflags libplan)"; exit 1; }
[ "$(pkg-config --libs libplan | sed "s/ *$//")" = "-L$tmp/prefix/lib -lplan" ] || { echo "pkg-config --libs: $(pkg-config --libs libplan)"; exit 1; }
pkg-config --libs --static libplan | grep -q -- '-lxml2' || { echo "no static dependencies in libplan.pc"; exit 1; }
# a prefix the loader does not search: the rpath the README gives, no LD_LIBRARY_PATH
cc -o "$tmp/hello" "$tmp/hello.c" $(pkg-config --cflags --libs libplan) -Wl,-rpath,"$(pkg-config --variable=libdir libplan)"
out=$("$tmp/hello")
[ "$out" = "UBỶ ban: hòa" ] || { echo "unexpected output: $out"; exit 1; }
# the shared library really was the one used
LD_LIBRARY_PATH="$tmp/prefix/lib" ldd "$tmp/hello" | grep -q "$tmp/prefix/lib/libplan.so.1" || { echo "not linked against the installed libplan.so"; exit 1; }
[ "$("$tmp/prefix/bin/plan" --version)" = "plan $(pkg-config --modversion libplan) (libplan $(pkg-config --modversion libplan))" ] || { echo "version mismatch"; exit 1; }
# static linking works too
cc -o "$tmp/hello-static" "$tmp/hello.c" $(pkg-config --cflags libplan) "$tmp/prefix/lib/libplan.a" $(pkg-config --libs --static libplan | sed 's/-lplan//')
"$tmp/hello-static" >/dev/null
# the man page, readable by man
[ -f "$tmp/prefix/share/man/man1/plan.1" ] || { echo "no man page installed"; exit 1; }
if command -v man >/dev/null 2>&1; then
  MANPAGER=cat MANWIDTH=80 man -l "$tmp/prefix/share/man/man1/plan.1" 2>/dev/null | grep -q 'plan compare' ||
    { echo "the man page does not render"; exit 1; }
fi
# the Python package, found by the system Python with the library beside it
if command -v python3 >/dev/null 2>&1; then
  pydir=$(find "$tmp/prefix" -type d -name libplan -path '*python*' | head -1)
  [ -n "$pydir" ] || { echo "the Python package was not installed"; exit 1; }
  [ "$(cd / && PYTHONPATH="$(dirname "$pydir")" python3 -c 'import libplan; print(libplan.normalize("hoà"), end="")')" = "hòa" ] ||
    { echo "the installed Python package does not work"; exit 1; }
fi
make -s uninstall PREFIX="$tmp/prefix" >/dev/null
left=$(find "$tmp/prefix" -type f -o -type l)
[ -z "$left" ] || { echo "uninstall left: $left"; exit 1; }
echo "install, pkg-config build, run and uninstall: ok"
