#!/usr/bin/env bash
# Installs what the tests need outside Python: LibreOffice (to open the .docx
# files as a user's office suite would and turn them into PDF), poppler (PDF to
# PNG) and CJK fonts. Does nothing when they are already there.
set -euo pipefail

have_cjk_font() { fc-list :lang=zh 2>/dev/null | grep -q .; }

missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
have_cjk_font || missing+=(fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing system packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "error: need root (or sudo) to install ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
