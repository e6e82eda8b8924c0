#!/bin/sh
# Writes docs/API.md from include/plan.h: every public declaration with the
# comment that documents it, section by section, each section and
# subsection opening with its example program from docs/examples/ (named
# by the section's first word: "Lexicon: ..." -> lexicon.c, "groups of
# plans" -> groups.c), which tests/check_examples.sh compiles and runs.  `make docs` runs it;
# tests/check_gen.sh fails when docs/API.md is out of date.
set -eu
awk '
BEGIN {
  print "# libplan API reference"
  print ""
  print "Generated from `include/plan.h` by `tools/gen_api_doc.sh`; the header is the source."
  print "Conventions (ownership, errors, threads) are in the header'"'"'s first comment and in"
  print "`docs/ARCHITECTURE.md`."
}
/^\/\* -------/ { banner = 1; next }
function example(title,   name, path, line) {
  name = tolower(title); sub(/[^a-z].*/, "", name)
  path = "docs/examples/" name ".c"
  if ((getline line < path) <= 0) return
  printf "\nExample (`%s`):\n\n```c\n%s\n", path, line
  while ((getline line < path) > 0) print line
  close(path)
  print "```"
}
banner && /^\/\* [A-Z]/ { sub(/^\/\* /, ""); sub(/ +\*\/$/, ""); printf "\n## %s\n", $0; example($0); banner = 0; next }
/^\/\* ---- .* -+ \*\/$/ { t = $0; sub(/^\/\* ---- /, "", t); sub(/ -+ \*\/$/, "", t); printf "\n### %s\n", t; example(t); next }
/^\/\*\*/ { doc = ""; incomment = 1 }
incomment {
  line = $0
  sub(/^\/\*\* ?/, "", line); sub(/^ *\* ?/, "", line); sub(/ *\*\/$/, "", line)
  doc = doc (doc == "" ? "" : " ") line
  if ($0 ~ /\*\//) { incomment = 0; pending = doc }
  next
}
/^PLAN_API/ || /^typedef/ || /^#define PLAN_/ {
  decl = $0
  while (decl !~ /[;)]$/ && decl !~ /\{$/ && decl !~ /^#define/ && (getline nxt) > 0) decl = decl "\n" nxt
  if (decl ~ /^PLAN_API/) {
    sub(/^PLAN_API /, "", decl)
    printf "\n```c\n%s\n```\n", decl
    if (pending != "") printf "%s\n", pending
  } else if (pending != "" && decl !~ /PLAN_H$/) {
    split(decl, first, "\n")
    printf "\n`%s`: %s\n", first[1], pending
  }
  pending = ""
  next
}
/^ *[a-zA-Z_].*;.*\/\*\*</ { next }
{ if ($0 !~ /^ *$/ && $0 !~ /^ *\*/) pending = "" }
' include/plan.h > "${1:-docs/API.md}"
