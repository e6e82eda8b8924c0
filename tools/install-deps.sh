#!/bin/sh
# Installs, on Debian 12, the packages libplan needs to build, test and
# benchmark, when any is missing.  Uses apt-get (through sudo when not root).
set -eu
pkgs="build-essential pkg-config libxml2-dev libpcre2-dev libutf8proc-dev libcmocka-dev libjansson-dev libxxhash-dev libzip-dev icu-devtools libicu-dev cmark libcmark-dev python3 python3-jsonschema python3-venv python3-pip python3-setuptools chromium fonts-dejavu-core python3-dask python3-distributed clang libclang-rt-14-dev valgrind"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing$missing" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
