#!/usr/bin/env bash
# Installs what Duebook needs on a Debian bookworm machine, only what is missing, then fetches the pinned
# third-party sources and the pinned npm test tools. Safe to run again: it then does nothing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(cmake g++ make ninja-build git xz-utils ca-certificates python3 nodejs npm
          emscripten libglfw3-dev libgl-dev nlohmann-json3-dev doctest-dev
          fonts-dejavu-core fonts-material-design-icons-iconfont python3-fonttools
          chromium xvfb xauth x11-utils imagemagick clang-format
          clang libclang-rt-14-dev
          hledger ledger beancount python3-beancount
          poppler-utils zbar-tools  # the PDF documents' tests: pdftotext, pdftoppm, pdfinfo; zbarimg
          brotli)  # the web build's precompressed copies (web/precompress.py)

missing=()
for p in "${packages[@]}"; do
  # A tool that is on PATH from elsewhere (node, python3) counts as present.
  case $p in
    nodejs) command -v node >/dev/null && continue ;;
    npm) command -v npm >/dev/null && continue ;;
    python3) command -v python3 >/dev/null && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

"$root/scripts/fetch-deps.sh" "$root/build/cache"

# Browser test driver, pinned by tests/e2e/package-lock.json (uses Debian's chromium, never downloads one).
if [ ! -f "$root/tests/e2e/node_modules/.package-lock.json" ] ||
   ! cmp -s "$root/tests/e2e/package-lock.json" "$root/tests/e2e/node_modules/.lock-copy"; then
  (cd "$root/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error >&2 &&
   cp package-lock.json node_modules/.lock-copy)
fi
