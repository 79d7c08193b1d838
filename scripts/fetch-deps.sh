#!/usr/bin/env bash
# Fetches the third-party sources both builds compile, pinned and SHA-256-checked, into a cache folder:
#   Dear ImGui 1.86 (Debian's source package "imgui"), the SQLite amalgamation (npm better-sqlite3), and for the
#   PDF documents libharu 2.3.0, qrencode 4.1.1 and zlib 1.2.13 (Debian bookworm's source packages "libharu",
#   "qrencode", "zlib": the same C sources compiled by both builds, see cmake/ThirdParty.cmake).
# Usage: scripts/fetch-deps.sh [CACHE_DIR]   (default: build/cache). A second run downloads nothing.
# Never edits the system's apt configuration: a private sources file and lists folder live in the cache.
set -euo pipefail

IMGUI_SRC_VERSION="1.86+ds-1"
IMGUI_ORIG="imgui_1.86+ds.orig.tar.xz"
IMGUI_ORIG_SHA256="0dace0e8e57d298eb6e93af12dc19420cb96330832f6495c733b90aeeef11f64"
LIBHARU_SRC_VERSION="2.3.0+dfsg-1"
LIBHARU_ORIG="libharu_2.3.0+dfsg.orig.tar.xz"
LIBHARU_ORIG_SHA256="87e8269d4b1b333a6e44168b4209bc6442ae3a11557cc8dc386fed65400bd34e"
QRENCODE_SRC_VERSION="4.1.1-1"
QRENCODE_ORIG="qrencode_4.1.1.orig.tar.bz2"
QRENCODE_ORIG_SHA256="e455d9732f8041cf5b9c388e345a641fd15707860f928e94507b1961256a6923"
ZLIB_SRC_VERSION="1:1.2.13.dfsg-1"
ZLIB_ORIG="zlib_1.2.13.dfsg.orig.tar.bz2"
ZLIB_ORIG_SHA256="71feb7947e3c00ef125f83b79a4e529bde31171e5babe48b391f06758d1ab0a1"
SQLITE_NPM="better-sqlite3@12.11.1"
SQLITE_TGZ="better-sqlite3-12.11.1.tgz"
SQLITE_TGZ_SHA256="ebf0ed75a7a59dbcb3b24bbd014ef49d9f15bc328e4adcbf516f2a8fadfa2835"
SQLITE_C_SHA256="60d2f39a3726cd6b9021da6f4e868608d66fbb6528a9f513dc8ffcc640493422"

root=$(cd "$(dirname "$0")/.." && pwd)
cache=${1:-$root/build/cache}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)

say() { printf 'fetch-deps: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
check_sha() { # file expected
  local got; got=$(sha256sum "$1" | cut -d' ' -f1)
  [ "$got" = "$2" ] || die "$1: SHA-256 is $got, expected $2 (remove it to download again)"
}

# The machine's own Debian mirrors, as deb-src, in a private sources folder (no host name is kept in the repo).
private_sources() {
  local out=$1; mkdir -p "$(dirname "$out")"; : > "$out"
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v RS= -v ORS='\n\n' '/(^|\n)Suites:[^\n]*(^| )bookworm( |\n|$)/ && /(^|\n)Types:[^\n]*deb/ {
        sub(/Types:[^\n]*/, "Types: deb-src"); print }' "$f" >> "$out"
  done
  if [ -f /etc/apt/sources.list ]; then
    awk '$1=="deb" && $0 ~ / bookworm / { $1="Types: deb-src\nURIs:"; u=$2; s=$3; $0="";
        printf "Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\n\n", u, s }' /etc/apt/sources.list >> "$out"
  fi
  grep -q 'deb-src' "$out" || die "no Debian bookworm source found in /etc/apt to derive a deb-src entry from"
}

# Downloads one Debian source package's original tarball into the cache (once) and checks its SHA-256.
apt_source() { # package=version tarball sha256
  local work=$cache/apt-src
  mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/parts"
  if [ ! -f "$work/$2" ]; then
    private_sources "$work/parts/debian-src.sources"
    local opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$work/parts"
                -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::Archives=$work/archives"
                -o "APT::Sandbox::User=root")
    if ! apt-cache -q "${opts[@]}" showsrc "${1%%=*}" 2>/dev/null | grep -q "^Version: ${1#*=}$"; then
      say "apt-get update (private deb-src list)"
      apt-get -q "${opts[@]}" update >&2
    fi
    say "apt-get source $1"
    # Only the original tarball is compiled (Debian's packaging folder is not needed); a mirror that lacks the
    # .debian.tar.xz fails the command after the tarball is in, which the SHA-256 check below settles.
    (cd "$work" && apt-get -q "${opts[@]}" source --download-only "$1" >&2) || [ -f "$work/$2" ] ||
      die "apt-get source $1 failed"
  fi
  check_sha "$work/$2" "$3"
}

# Unpacks a checked tarball into DIR (atomically, once); REQUIRED files must be there.
unpack() { # dir tarball required...
  local dir=$1 tarball=$cache/apt-src/$2; shift 2
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
  tar -xf "$tarball" -C "$dir.tmp" --strip-components=1
  local f
  for f in "$@"; do [ -f "$dir.tmp/$f" ] || die "$(basename "$dir") source is incomplete: no $f"; done
  rm -rf "$dir" && mv "$dir.tmp" "$dir" && touch "$dir/.complete"
  say "$(basename "$dir") ready in $dir"
}

fetch_imgui() {
  local dir=$cache/imgui-1.86
  if [ -f "$dir/.complete" ]; then return; fi
  apt_source "imgui=$IMGUI_SRC_VERSION" "$IMGUI_ORIG" "$IMGUI_ORIG_SHA256"
  unpack "$dir" "$IMGUI_ORIG" imgui.cpp backends/imgui_impl_opengl3.cpp
}

fetch_pdf_libraries() {
  if [ ! -f "$cache/libharu-2.3.0/.complete" ]; then
    apt_source "libharu=$LIBHARU_SRC_VERSION" "$LIBHARU_ORIG" "$LIBHARU_ORIG_SHA256"
    unpack "$cache/libharu-2.3.0" "$LIBHARU_ORIG" src/hpdf_doc.c include/hpdf.h
  fi
  if [ ! -f "$cache/qrencode-4.1.1/.complete" ]; then
    apt_source "qrencode=$QRENCODE_SRC_VERSION" "$QRENCODE_ORIG" "$QRENCODE_ORIG_SHA256"
    unpack "$cache/qrencode-4.1.1" "$QRENCODE_ORIG" qrencode.c qrencode.h
  fi
  if [ ! -f "$cache/zlib-1.2.13/.complete" ]; then
    apt_source "zlib=$ZLIB_SRC_VERSION" "$ZLIB_ORIG" "$ZLIB_ORIG_SHA256"
    unpack "$cache/zlib-1.2.13" "$ZLIB_ORIG" deflate.c zlib.h
  fi
}

fetch_sqlite() {
  local dir=$cache/sqlite-3.53.2
  if [ -f "$dir/.complete" ]; then return; fi
  local work=$cache/npm
  mkdir -p "$work"
  if [ ! -f "$work/$SQLITE_TGZ" ]; then
    say "npm pack $SQLITE_NPM"
    (cd "$work" && npm pack --silent "$SQLITE_NPM" >/dev/null)
  fi
  check_sha "$work/$SQLITE_TGZ" "$SQLITE_TGZ_SHA256"
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
  tar -xzf "$work/$SQLITE_TGZ" -C "$dir.tmp" --strip-components=3 \
      package/deps/sqlite3/sqlite3.c package/deps/sqlite3/sqlite3.h
  check_sha "$dir.tmp/sqlite3.c" "$SQLITE_C_SHA256"
  grep -q '#define SQLITE_VERSION  *"3.53.2"' "$dir.tmp/sqlite3.h" || die "sqlite3.h is not version 3.53.2"
  rm -rf "$dir" && mv "$dir.tmp" "$dir" && touch "$dir/.complete"
  say "sqlite 3.53.2 ready in $dir"
}

fetch_imgui
fetch_sqlite
fetch_pdf_libraries
