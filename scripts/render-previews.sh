#!/usr/bin/env bash
# Renders the page images shown in the README (docs/*.png) from a sample note:
# builds both profiles, converts them to PDF with LibreOffice, rasterises chosen pages.
set -euo pipefail
cd "$(dirname "$0")/.."
note=samples/q4-marketing-kickoff.zh-Hans.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FONTCONFIG_FILE="$PWD/scripts/fontconfig/fonts.conf"

.venv/bin/minutes build "$note" -o "$work/business" >/dev/null
.venv/bin/minutes build "$note" -o "$work/gbt9704" --profile gbt9704 >/dev/null
for profile in business gbt9704; do
  soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf \
    --outdir "$work/$profile" "$work/$profile"/*.docx >/dev/null 2>&1
  ls "$work/$profile"/*.pdf >/dev/null  # soffice exits 0 even when it failed
done

page() {  # page PDF PAGE OUTPUT-NAME
  local pages
  pages=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
  local n=$2
  [ "$n" = last ] && n=$pages
  pdftoppm -png -r 80 -f "$n" -l "$n" -singlefile "$1" "docs/$3"
}
stem=$(basename "$note" .md)
page "$work/business/$stem.minutes.pdf" 1 business-minutes
page "$work/business/$stem.minutes.pdf" 3 business-actions
page "$work/gbt9704/$stem.minutes.pdf" 1 gbt9704-minutes
page "$work/gbt9704/$stem.minutes.pdf" last gbt9704-attendance
page "$work/business/$stem.tasks.pdf" 1 tasks
page "$work/business/$stem.tasks.pdf" 2 tasks-card

# Taiwan's 會議紀錄 from the Traditional sample written for it
tw_note=samples/community-committee.zh-Hant.md
.venv/bin/minutes build "$tw_note" -o "$work/tw" --profile tw >/dev/null
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf \
  --outdir "$work/tw" "$work/tw"/*.docx >/dev/null 2>&1
page "$work/tw/$(basename "$tw_note" .md).minutes.pdf" 1 tw-minutes
ls -l docs/*.png
