#!/usr/bin/env bash
# Regenerates the PDF test fixtures in fixtures/pdf/ (run once; the output is
# committed, so neither the runtime nor `npm test` needs any of these tools).
#
# Needs (Debian 12):
#   apt-get update
#   apt-get install -y --no-install-recommends \
#     libreoffice-writer-nogui fonts-noto-cjk fonts-wqy-microhei qpdf
# Optional, only for the comparison printed at the end: poppler-utils (pdftotext).
#
# Produces:
#   fixtures/pdf/zhanhe-excerpt.pdf        3-page A4 document made from
#       fixtures/000_5e002ab9d4a7d847.txt: lines 1-60 (prose, one source line
#       per PDF line, headings in Noto Serif CJK SC = CFF/CIDFontType0, body in
#       WenQuanYi Micro Hei = TrueType/CIDFontType2, both embedded as subsets)
#       followed by 表 1 (lines 341-383) as a real bordered table; footers
#       "— N —".
#   test/fixtures/pdf/zhanhe-encrypted.pdf      page 1 of the above, AES-256 with
#       user password "secret" (cannot be opened without it).
#   test/fixtures/pdf/zhanhe-owner-only.pdf     page 1, AES-256 with only an owner
#       password (opens without a password; printing/copying restricted).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SRC="$ROOT/fixtures/000_5e002ab9d4a7d847.txt"
OUT="$ROOT/fixtures/pdf"
BAD="$ROOT/test/fixtures/pdf"   # inputs meant to fail or warn stay out of the default build
NAME=zhanhe-excerpt
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# installed here when missing, like the other fixture scripts (fontconfig gives fc-list)
bash "$ROOT/scripts/ensure-apt.sh" libreoffice-writer-nogui fonts-noto-cjk fonts-wqy-microhei qpdf fontconfig
for tool in soffice qpdf fc-list; do
  command -v "$tool" >/dev/null || { echo "missing $tool (see header of $0)" >&2; exit 1; }
done
for fam in "WenQuanYi Micro Hei" "Noto Serif CJK SC"; do
  [[ -n $(fc-list ":family=$fam" family) ]] || { echo "missing font $fam (see header of $0)" >&2; exit 1; }
done
mkdir -p "$OUT"

xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }

# ---- prose: non-empty lines 1-60, trimmed, one paragraph per source line ----
# A line "第…章 …" is a chapter heading; its next line is the wrapped rest of
# the chapter title; "序 言" and "第…节 …" are headings too.
body_xml() {
  sed -n '1,60p' "$SRC" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' | grep -v '^$' | xml_escape |
    awk '
      BEGIN { cont = 0 }
      {
        if (cont) { printf "<text:p text:style-name=\"H1\">%s</text:p>\n", $0; cont = 0; next }
        if ($0 ~ /^序 言$/ || $0 ~ /^第[一二三四五六七八九十]+章 /) {
          printf "<text:p text:style-name=\"H1\">%s</text:p>\n", $0
          if ($0 ~ /章 /) cont = 1
          next
        }
        if ($0 ~ /^第[一二三四五六七八九十]+节 /) { printf "<text:p text:style-name=\"H2\">%s</text:p>\n", $0; next }
        printf "<text:p text:style-name=\"Body\">%s</text:p>\n", $0
      }'
}

# ---- 表 1, transcribed from lines 341-383 (tab-separated; one field = section row) ----
TABLE_TSV=$(cat <<'EOF'
序号	指标名称	2015 年|基数	2020 年|目标	年均增速|（%）	2020 年|完成值	指标属性
一、经济增长和综合实力
1	生产总值（亿元）	108.8	154.9	7.5 左右	221.29	预期性
2	公共预算收入（亿元）	6.36	8.5	6	7.19	预期性
3	固定资产投资（亿元）	40.9	75.4	13 以上	49.60	预期性
4	社会消费品零售总额（亿元）	50.1	88	12 以上	83.11	预期性
5	外贸进出口总值（万美元）	1798	2890	10	3047	预期性
二、创新驱动和转型升级
6	第三产业增加值比重（%）	46	50.3	—	58.87	预期性
7	常住人口城镇化率（%）	76.71	85	—	80	预期性
8	高新技术产业增加值占规上工业比重（%）	43.1	40 以上	—	35	预期性
EOF
)

table_xml() {
  echo '<text:p text:style-name="Caption">表 1 “十三五”经济社会发展主要指标完成情况</text:p>'
  echo '<table:table table:name="T1" table:style-name="T1">'
  for c in A B C D E F G; do echo "<table:table-column table:style-name=\"T1.$c\"/>"; done
  local first=1
  printf '%s\n' "$TABLE_TSV" | xml_escape | while IFS= read -r line; do
    if [[ $first == 1 ]]; then echo '<table:table-header-rows>'; fi
    echo '<table:table-row>'
    if [[ $line != *$'\t'* ]]; then
      echo "<table:table-cell table:style-name=\"T1.Cell\" table:number-columns-spanned=\"7\" office:value-type=\"string\"><text:p text:style-name=\"CellLeft\">$line</text:p></table:table-cell>"
      for _ in 1 2 3 4 5 6; do echo '<table:covered-table-cell/>'; done
    else
      IFS=$'\t' read -r -a cells <<<"$line"
      for cell in "${cells[@]}"; do
        cell=${cell//|/<text:line-break/>}
        echo "<table:table-cell table:style-name=\"T1.Cell\" office:value-type=\"string\"><text:p text:style-name=\"Cell\">$cell</text:p></table:table-cell>"
      done
    fi
    echo '</table:table-row>'
    if [[ $first == 1 ]]; then echo '</table:table-header-rows>'; first=0; fi
  done
  echo '</table:table>'
}

# the document element and its namespaces, shared with the other fixture scripts
cp "$ROOT/scripts/fodt-document-open.xml" "$TMP/$NAME.fodt"
cat >>"$TMP/$NAME.fodt" <<EOF
<office:meta><dc:title>湛河区“十四五”规划纲要（节选，测试样本）</dc:title></office:meta>
<office:font-face-decls>
 <style:font-face style:name="WenQuanYi Micro Hei" svg:font-family="'WenQuanYi Micro Hei'"/>
 <style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:line-height="150%"/>
  <style:text-properties style:font-name="WenQuanYi Micro Hei" style:font-name-asian="WenQuanYi Micro Hei" style:font-name-complex="WenQuanYi Micro Hei"
   fo:font-size="14pt" style:font-size-asian="14pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph"/>
 <style:style style:name="H1" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-top="0.3cm" fo:margin-bottom="0.1cm"/>
  <style:text-properties style:font-name="Noto Serif CJK SC" style:font-name-asian="Noto Serif CJK SC" fo:font-size="16pt" style:font-size-asian="16pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="H2" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm"/>
  <style:text-properties style:font-name="Noto Serif CJK SC" style:font-name-asian="Noto Serif CJK SC" fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Caption" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"/>
  <style:text-properties style:font-name="Noto Serif CJK SC" style:font-name-asian="Noto Serif CJK SC" fo:font-size="12pt" style:font-size-asian="12pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Cell" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:line-height="120%"/>
  <style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/>
 </style:style>
 <style:style style:name="CellLeft" style:family="paragraph" style:parent-style-name="Cell">
  <style:paragraph-properties fo:text-align="start"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.6cm" fo:margin-right="2.6cm"/>
  <style:footer-style><style:header-footer-properties fo:min-height="1cm" fo:margin-top="0.5cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="T1" style:family="table"><style:table-properties style:width="15.8cm" table:align="center"/></style:style>
 <style:style style:name="T1.A" style:family="table-column"><style:table-column-properties style:column-width="1.2cm"/></style:style>
 <style:style style:name="T1.B" style:family="table-column"><style:table-column-properties style:column-width="5.1cm"/></style:style>
 <style:style style:name="T1.C" style:family="table-column"><style:table-column-properties style:column-width="1.9cm"/></style:style>
 <style:style style:name="T1.D" style:family="table-column"><style:table-column-properties style:column-width="1.9cm"/></style:style>
 <style:style style:name="T1.E" style:family="table-column"><style:table-column-properties style:column-width="2.0cm"/></style:style>
 <style:style style:name="T1.F" style:family="table-column"><style:table-column-properties style:column-width="1.9cm"/></style:style>
 <style:style style:name="T1.G" style:family="table-column"><style:table-column-properties style:column-width="1.8cm"/></style:style>
 <style:style style:name="T1.Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm" style:vertical-align="middle"/></style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:footer><text:p text:style-name="Footer">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
$(body_xml)
$(table_xml)
</office:text></office:body>
</office:document>
EOF

# Private profile dir so a user's LibreOffice settings cannot change the output.
soffice -env:UserInstallation="file://$TMP/lo-profile" --headless --norestore \
  --convert-to pdf --outdir "$TMP" "$TMP/$NAME.fodt" >/dev/null
cp "$TMP/$NAME.pdf" "$OUT/$NAME.pdf"

qpdf "$OUT/$NAME.pdf" --pages . 1 -- --encrypt secret owner-secret 256 -- "$BAD/zhanhe-encrypted.pdf"
qpdf "$OUT/$NAME.pdf" --pages . 1 -- --encrypt "" owner-secret 256 --print=none --extract=n -- "$BAD/zhanhe-owner-only.pdf"

ls -l "$OUT"
if command -v pdftotext >/dev/null; then
  echo "--- pdftotext $NAME.pdf (for comparison) ---"
  pdftotext "$OUT/$NAME.pdf" - | head -80
fi
