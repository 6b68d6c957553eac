#!/usr/bin/env bash
# Renders the task ledger's picture in the README (docs/ledger-terminal.png) from made-up
# notes of three meetings: the listing of minutes ledger, colours included, printed as a
# page by LibreOffice Writer and rasterised by pdftoppm.
# PREVIEW_DIR=DIR writes the image elsewhere (to look at it first).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${PREVIEW_DIR:-docs}
mkdir -p "$out"
work=$(mktemp -d)
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
export FONTCONFIG_FILE="$root/scripts/fontconfig/fonts.conf"
export XDG_CACHE_HOME="$work/cache"
notes="$work/周会"
mkdir -p "$notes"

cat >"$notes/2024-06-12.md" <<'EOF'
# 产品周会
会议日期：2024年6月12日
参会人员：研发部：张三、李四；市场部：王芳；测试部：赵六

## 行动项
- [ ] 完成接口文档；负责人：研发部 张三；截止：2024年7月1日；完成标准：评审通过
- [ ] #Q3-7 准备发布说明；负责人：市场部 王芳；截止：2024年6月20日；完成标准：经市场总监审核
- [ ] 完成回归测试；负责人：测试部 赵六；截止：2024年6月28日；完成标准：无P1缺陷
- [ ] 整理客户反馈清单；负责人：研发部 李四；截止：2024年6月26日；完成标准：按优先级排序
EOF

cat >"$notes/2024-06-19.md" <<'EOF'
# 产品周会
会议日期：2024年6月19日
参会人员：研发部：张三、李四；市场部：王芳

## 上次行动项跟进
- [x] #Q3-7 已发布
- 2024-06-12-1：进行中，延期到7月10日
- #2024-06-12-4 取消（并入客服月报）

## 行动项
- [ ] 预订发布会场地；负责人：行政部 周七；截止：2024年7月8日；完成标准：合同签订
- [ ] 输出上线检查表；负责人：研发部 张三；截止：2024年7月3日；完成标准：测试部确认
EOF

cat >"$notes/2024-06-26.md" <<'EOF'
# 产品周会
会议日期：2024年6月26日
参会人员：研发部：张三；测试部：赵六；行政部：周七

## 上次行动项跟进
- 2024-06-12-3：进行中，发现2个P1缺陷
- #2024-06-19-9 已完成
EOF

# the listing as a terminal shows it, and the problems on standard error after it
(cd "$work" && FORCE_COLOR=1 "$root/.venv/bin/minutes" ledger 周会 --as-of 2024-07-02 >listing.txt 2>problems.txt || true)
.venv/bin/python - "$work/listing.txt" "$work/problems.txt" "$work/ledger-terminal.html" <<'PY'
import html
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
problems = open(sys.argv[2], encoding="utf-8").read()
colours = {"31": "#c62828", "33": "#b26a00", "32": "#2e7d32", "36": "#00838f", "2": "#6b7280"}
out, depth = [], 0
for part in re.split(r"(\x1b\[[0-9;]*m)", text):
    match = re.fullmatch(r"\x1b\[([0-9;]*)m", part)
    if not match:
        out.append(html.escape(part))
        continue
    codes = [c for c in match.group(1).split(";") if c]
    if not codes or codes == ["0"]:
        out.append("</span>" * depth)
        depth = 0
        continue
    style = ";".join("font-weight:bold" if c == "1" else f"color:{colours[c]}" for c in codes if c in colours or c == "1")
    out.append(f'<span style="{style}">')
    depth += 1
out.append("</span>" * depth)
page = (
    '<html><head><meta charset="utf-8"></head><body>'
    '<pre style="font-family:\'Noto Sans Mono CJK SC\',\'DejaVu Sans Mono\',monospace;'
    'font-size:10pt;color:#1f2328">'
    '&#160;\n'  # Writer drops a pre's first line
    '<span style="color:#2e7d32">$</span> minutes ledger 周会/ --as-of 2024-07-02\n'
    + "".join(out)
    + '<span style="color:#6b7280">' + html.escape(problems) + "</span>"
    + "</pre></body></html>"
)
open(sys.argv[3], "w", encoding="utf-8").write(page)
PY
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf:writer_web_pdf_Export \
  --outdir "$work" "$work/ledger-terminal.html" >/dev/null 2>&1
ls "$work/ledger-terminal.pdf" >/dev/null  # soffice exits 0 even when it failed
# Writer may put an empty page first: the page that holds the listing
pages=$(pdfinfo "$work/ledger-terminal.pdf" | awk '/^Pages:/ {print $2}')
n=1
while [ "$n" -le "$pages" ] && ! pdftotext -f "$n" -l "$n" "$work/ledger-terminal.pdf" - | grep -q "共 "; do
  n=$((n + 1))
done
pdftoppm -png -r 110 -f "$n" -l "$n" -singlefile -x 60 -y 36 -W 820 -H 414 \
  "$work/ledger-terminal.pdf" "$out/ledger-terminal"
ls -l "$out"/ledger-terminal.png
