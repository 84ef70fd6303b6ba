#!/usr/bin/env bash
# Install Debian's chromium for the browser tests of the HTML report (tests/explain_*browser*).
# Idempotent: does nothing when /usr/bin/chromium is already there. CI runs as root.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core
