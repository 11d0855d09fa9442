#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine: a Chromium for Playwright (Debian's
# package, since Playwright cannot download its own browser here) and the npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && ! ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  else
    echo "No Chromium found and no apt-get: install Chromium, or run 'npx playwright install chromium'." >&2
    exit 1
  fi
fi

npm ci --no-audit --no-fund
