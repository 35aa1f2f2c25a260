#!/bin/sh
# Makes sure the browsers of the browser tests are installed: Chromium and Firefox ESR from Debian's
# packages (never a browser download). On Debian/Ubuntu as root it installs what is missing; elsewhere
# it says what to install.
set -eu
missing=""
[ -x "${CHROME_PATH:-/usr/lib/chromium/chromium}" ] || missing="$missing chromium"
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || missing="$missing firefox-esr"
[ -z "$missing" ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing from Debian's packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  exit 0
fi
echo "The browser tests need:$missing." >&2
echo "Install them (Debian/Ubuntu: sudo apt-get install$missing), or point CHROME_PATH and FIREFOX_PATH" >&2
echo "at Chromium/Chrome and Firefox binaries, then run npm test again." >&2
exit 1
