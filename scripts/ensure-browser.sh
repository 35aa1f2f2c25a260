#!/bin/sh
# Makes sure Debian's Chromium is installed for the browser tests. On Debian/Ubuntu as root it installs
# the package (never a browser download); elsewhere it says what to install.
set -eu
if [ -n "${CHROME_PATH:-}" ] && [ -x "$CHROME_PATH" ]; then exit 0; fi
if [ -x /usr/lib/chromium/chromium ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Chromium from Debian's packages (apt-get install chromium)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium. Install it (Debian/Ubuntu: sudo apt-get install chromium)" >&2
echo "or point CHROME_PATH at a Chromium or Chrome binary, then run npm test again." >&2
exit 1
