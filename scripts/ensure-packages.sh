#!/bin/sh
# Makes sure what the tests run against is installed: Chromium, Firefox ESR and WebKit (WebKitGTK's
# MiniBrowser and WebKitWebDriver, run under Xvfb) for the browser tests, libfaketime (package faketime), which moves
# WebKit's clock to the suite's in the end-to-end tests, and redis-server for the shared limits, from Debian's
# packages (never a download). On Debian/Ubuntu as root it installs what is missing; elsewhere it says what to install.
set -eu
missing=""
[ -x "${CHROME_PATH:-/usr/lib/chromium/chromium}" ] || missing="$missing chromium"
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || missing="$missing firefox-esr"
[ -x "${WEBKIT_PATH:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}" ] && command -v WebKitWebDriver >/dev/null 2>&1 ||
  missing="$missing webkit2gtk-driver"
command -v Xvfb >/dev/null 2>&1 || missing="$missing xvfb"
command -v redis-server >/dev/null 2>&1 || missing="$missing redis-server"
[ -e "${LIBFAKETIME:-/usr/lib/$(uname -m)-linux-gnu/faketime/libfaketime.so.1}" ] || missing="$missing faketime"
[ -z "$missing" ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing from Debian's packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  exit 0
fi
echo "The tests need:$missing." >&2
echo "Install them (Debian/Ubuntu: sudo apt-get install$missing; macOS: brew install redis), or point" >&2
echo "CHROME_PATH, FIREFOX_PATH and WEBKIT_PATH at Chromium/Chrome, Firefox and WebKitGTK MiniBrowser binaries" >&2
echo "(WebKitWebDriver and Xvfb on the PATH) and LIBFAKETIME at libfaketime.so.1, then run npm test again." >&2
exit 1
