#!/usr/bin/env bash
# Installs what the tests need outside Python: LibreOffice (to open the .docx
# files as a user's office suite would and turn them into PDF), poppler (PDF to
# PNG, pdfinfo, pdffonts) and free stand-ins for the fonts the documents name
# (宋体/黑体 → Noto CJK, 楷体 → AR PL UKai, 仿宋 → cwTeX FangSong, Times New
# Roman → Liberation Serif; see scripts/fontconfig/fonts.conf for the aliases).
# Does nothing when they are already there.
set -euo pipefail

have_font() { fc-list : family 2>/dev/null | grep -i "$1" >/dev/null; }

missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
have_font "Noto Serif CJK" || missing+=(fonts-noto-cjk)
have_font "UKai" || missing+=(fonts-arphic-ukai)
have_font "UMing" || missing+=(fonts-arphic-uming)
have_font "cwTeXFangSong" || missing+=(fonts-cwtex-fs)
have_font "Liberation Serif" || missing+=(fonts-liberation2)

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
