#!/usr/bin/env bash
# Installs the system packages the full test suite needs: Chromium (browser tests), LibreOffice Writer
# and poppler (document tests), PostgreSQL (team server tests), xmllint. Debian/Ubuntu only; elsewhere
# it prints what to install.
set -euo pipefail
packages=(chromium libreoffice-writer-nogui poppler-utils postgresql libxml2-utils fonts-dejavu-core)
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system. Install: Chromium or Chrome (set CHROMIUM_PATH), LibreOffice (soffice on PATH),"
  echo "poppler (pdftoppm), PostgreSQL 13+ (set PG_BIN to the folder with initdb and pg_ctl). Then: npm ci && npm run test:all"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# Ubuntu ships chromium as a snap stub; Debian as a real package. Either gives a chromium binary.
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}"
