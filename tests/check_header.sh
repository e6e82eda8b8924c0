#!/bin/sh
# plan.h compiles alone as C11 and as C++, warning-free, with gcc and clang.
set -eu
for cc in gcc clang; do
  command -v $cc >/dev/null || continue
  printf '#include "plan.h"\nint main(void){return plan_version()==PLAN_VERSION?0:1;}\n' |
    $cc -std=c11 -Wall -Wextra -Wpedantic -Werror -Iinclude -fsyntax-only -x c -
done
for cxx in g++ clang++; do
  command -v $cxx >/dev/null || continue
  printf '#include "plan.h"\nint main(){return plan_version()==PLAN_VERSION?0:1;}\n' |
    $cxx -Wall -Wextra -Werror -Iinclude -fsyntax-only -x c++ -
done
