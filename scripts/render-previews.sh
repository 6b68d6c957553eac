#!/usr/bin/env bash
# Renders the page images shown in the README (docs/*.png) from sample notes:
# builds every profile, converts the documents to PDF with LibreOffice, rasterises
# chosen pages. PREVIEW_DIR=DIR writes the images elsewhere (to look at them first).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${PREVIEW_DIR:-docs}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FONTCONFIG_FILE="$PWD/scripts/fontconfig/fonts.conf"

# The Simplified sample, with the 纪要's own fields added after its status line
# (number, 签发, 审核, 分送, 抄送, 印发, 密级), so the pages show where they go.
note="$work/q4-marketing-kickoff.zh-Hans.md"
awk '{ print } /^- 状态：/ {
  print "- 编号：〔2023〕15号"
  print "- 签发：总经理办公室 孙总"
  print "- 审核：市场部 张经理"
  print "- 分送：市场部、销售部、产品部、设计部"
  print "- 抄送：财务部、总经理办公室"
  print "- 印发机关：市场部"
  print "- 印发日期：2023年10月26日"
  print "- 密级：内部"
}' samples/q4-marketing-kickoff.zh-Hans.md >"$note"

convert() {  # convert FOLDER: every .docx in it to PDF
  soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf \
    --outdir "$1" "$1"/*.docx >/dev/null 2>&1
  ls "$1"/*.pdf >/dev/null  # soffice exits 0 even when it failed
}
for profile in business gbt9704; do
  .venv/bin/minutes build "$note" -o "$work/$profile" --profile "$profile" >/dev/null
  convert "$work/$profile"
done

page() {  # page PDF PAGE OUTPUT-NAME   (PAGE: a number, last, or /TEXT/ for the first page holding TEXT)
  local n=$2
  if [ "$n" = last ]; then
    n=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
  elif [ "${n#/}" != "$n" ]; then
    local text=${n#/}
    text=${text%/}
    n=$(pdftotext "$1" - | awk -v RS='\f' -v t="$text" '!n && index($0, t) { n = NR } END { if (n) print n }')
    [ -n "$n" ] || { echo "no page of $1 holds $text" >&2; exit 1; }
  fi
  pdftoppm -png -r 80 -f "$n" -l "$n" -singlefile "$1" "$out/$3"
}
stem=$(basename "$note" .md)
page "$work/business/$stem.minutes.pdf" 1 business-minutes
page "$work/business/$stem.minutes.pdf" "/行动项跟踪表/" business-actions
page "$work/gbt9704/$stem.minutes.pdf" 1 gbt9704-minutes
page "$work/gbt9704/$stem.minutes.pdf" "/出席：/" gbt9704-attendance
page "$work/gbt9704/$stem.minutes.pdf" last gbt9704-imprint
page "$work/business/$stem.tasks.pdf" 1 tasks
page "$work/business/$stem.tasks.pdf" "/任务 3/" tasks-card

# Taiwan's 會議紀錄 from the Traditional sample written for it
if [ -d word_templates/tw ]; then
  tw_note=samples/community-committee.zh-Hant.md
  .venv/bin/minutes build "$tw_note" -o "$work/tw" --profile tw >/dev/null
  convert "$work/tw"
  tw_stem=$(basename "$tw_note" .md)
  page "$work/tw/$tw_stem.minutes.pdf" 1 tw-minutes
  page "$work/tw/$tw_stem.tasks.pdf" last tw-tasks
fi
ls -l "$out"/*.png
