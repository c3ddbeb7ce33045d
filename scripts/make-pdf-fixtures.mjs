#!/usr/bin/env node
// Render text fixtures as PDFs laid out like published plans, to test the PDF reader against the
// records the text fixtures give. Each fixture is built with this project's pipeline (compile first:
// `npm run build`), and its content — cover lines, table of contents, styled headings, paragraphs,
// 专栏 as framed boxes, indicator tables as ruled tables (two-level headers with merged group cells,
// merged value cells, a narrow name column whose names wrap, the header row repeated on every page
// the table crosses) and notes — is written as flat ODF (.fodt) with a `— N —` page footer, then
// converted with LibreOffice headless. The PDFs are committed: tests need no LibreOffice.
//
// Usage: node scripts/make-pdf-fixtures.mjs [outDir] [pdfName...]   (default fixtures/pdf, every PDF of FIXTURES;
// name PDFs to render only those: a LibreOffice of another version may lay out the others differently)
// Needs Debian libreoffice-writer-nogui and fonts-noto-cjk (installed by scripts/ensure-apt.sh).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPipeline } from '../dist/pipeline/document.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.argv[2] ?? join(root, 'fixtures', 'pdf');
/**
 * fixture file → PDF name; rendered whole (every chapter, box and table) unless `tablesOnly`: only its
 * indicator tables (caption, table, notes). `threeLine`: tables ruled 三线表-style (horizontal rules
 * only); `rowsBreak`: a body row may break across pages (LibreOffice's default), so a row at the foot
 * of a page is cut in two, its name's first lines on one page and the rest on the next.
 */
const FIXTURES = [
  ['000_5e002ab9d4a7d847.txt', 'rendered-000.pdf', {}],
  ['003_0b1e8b9a0c3e043b.txt', 'rendered-003.pdf', {}],
  ['004_28dd4271f70e694a.txt', 'rendered-004.pdf', {}],
  ['004_28dd4271f70e694a.txt', 'rendered-004-three-line.pdf', { threeLine: true }],
  ['003_0b1e8b9a0c3e043b.txt', 'rendered-003-rows-break.pdf', { tablesOnly: true, rowsBreak: true }],
];
/** the PDFs to render: those named after the output folder, else all (a committed fixture is only re-rendered on purpose) */
const only = process.argv.slice(3);

execFileSync('bash', [join(root, 'scripts', 'ensure-apt.sh'), 'libreoffice-writer-nogui', 'fonts-noto-cjk'], { stdio: 'inherit' });

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const p = (style, text) => `<text:p text:style-name="${style}">${esc(text)}</text:p>`;
/** A paragraph printed over several lines (a chapter title with its motto on the next line). */
const pLines = (style, lines) => `<text:p text:style-name="${style}">${lines.map(esc).join('<text:line-break/>')}</text:p>`;
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

const HEADING_STYLE = { part: 'H1', chapter: 'H2', section: 'H3', preface: 'H2' };

function headingText(s) {
  if (s.kind === 'preface') return s.title;
  // 第一章 标题 (a space after 篇/章/节 markers); 一、标题 and （一）标题 run on
  return /^第/.test(s.marker) ? `${s.marker} ${s.title}` : `${s.marker}${s.title}`;
}

/** A 专栏 as a one-cell table with a frame: its marker line (as printed in the text), then one paragraph per item. */
function boxXml(box, rawLines, n) {
  const marker = rawLines[box.source.line - 1].trim();
  const items = box.text.split('\n').map((t) => p('BoxItem', t)).join('');
  return `<table:table table:name="Box${n}" table:style-name="BoxTable"><table:table-column table:style-name="BoxCol"/>
<table:table-row table:style-name="Row"><table:table-cell table:style-name="Frame" office:value-type="string">${p('BoxTitle', marker)}${items}</table:table-cell></table:table-row></table:table>`;
}

/** Printed name cell: the name, with its unit in parentheses unless the table has a unit column. */
function nameText(ind, unitColumn) {
  if (unitColumn || ind.unit === null) return ind.name;
  return `${ind.name}（${ind.unit}${ind.unitNote ? `，${ind.unitNote}` : ''}）`;
}

const cell = (text, { cols = 1, rows = 1, style = 'Cell', para = 'CellText' } = {}) =>
  `<table:table-cell table:style-name="${style}" office:value-type="string"${cols > 1 ? ` table:number-columns-spanned="${cols}"` : ''}${rows > 1 ? ` table:number-rows-spanned="${rows}"` : ''}>${text === '' ? '<text:p/>' : p(para, text)}</table:table-cell>`;
const covered = '<table:covered-table-cell/>';

/**
 * An indicator table as a ruled table: 序号 | 指标名称 | the table's columns (unit, values, attribute).
 * Two-level headers: a group label spans its leaves; single-level labels span both header rows.
 * A value repeated by a merge (merged: true) is printed once, spanning the cells it covers.
 */
function tableXml(t, n, { threeLine = false, rowsBreak = false } = {}) {
  const bodyRow = rowsBreak ? 'RowBreak' : 'Row';
  // 三线表: a rule above the header, one under it, one under the last row; else every cell ruled
  const headStyle = (first, last) => (threeLine ? (first && last ? 'TLHead' : first ? 'TLTop' : 'TLBottom') : 'Cell');
  const bodyStyle = (last) => (threeLine ? (last ? 'TLLast' : 'TLNone') : 'Cell');
  const cols = t.columns;
  const unitColumn = cols.some((c) => c.role === 'unit');
  const levels = cols.map((c) => c.header.split(' / '));
  const two = levels.some((l) => l.length > 1);
  const width = 2 + cols.length;
  const colXml =
    `<table:table-column table:style-name="ColSeq"/><table:table-column table:style-name="ColName"/>` +
    cols.map(() => `<table:table-column table:style-name="ColVal"/>`).join('');
  // header rows
  const spanning = headStyle(true, true);
  const head1 = [cell('序号', { rows: two ? 2 : 1, para: 'HeadText', style: spanning }), cell('指标名称', { rows: two ? 2 : 1, para: 'HeadText', style: spanning })];
  const head2 = [covered, covered];
  for (let j = 0; j < cols.length; ) {
    const l = levels[j];
    if (!two || l.length === 1) {
      head1.push(cell(l[0], { rows: two ? 2 : 1, para: 'HeadText', style: spanning }));
      head2.push(covered);
      j++;
      continue;
    }
    let k = j + 1;
    while (k < cols.length && levels[k].length > 1 && levels[k][0] === l[0]) k++;
    head1.push(cell(l[0], { cols: k - j, para: 'HeadText', style: headStyle(true, false) }));
    for (let m = j + 1; m < k; m++) head1.push(covered);
    for (let m = j; m < k; m++) head2.push(cell(levels[m][1], { para: 'HeadText', style: headStyle(false, true) }));
    j = k;
  }
  const headerRows = `<table:table-header-rows><table:table-row table:style-name="Row">${head1.join('')}</table:table-row>${two ? `<table:table-row table:style-name="Row">${head2.join('')}</table:table-row>` : ''}</table:table-header-rows>`;
  // body: category rows, parent rows, indicator rows; value cells as a grid first, then spans
  const body = [];
  let category = null;
  let cats = 0;
  let parent = null;
  for (const ind of t.indicators) {
    if (ind.category !== null && ind.category !== category) {
      category = ind.category;
      body.push({ span: `${CN[++cats]}、${category}` });
    }
    if (ind.parent !== null && ind.parent !== parent) {
      body.push({ cells: [ind.seq.split('.')[0], ind.parent, ...cols.map(() => '')], merged: cols.map(() => false) });
    }
    parent = ind.parent;
    const values = cols.map((c) => (c.role === 'unit' ? (ind.unit ?? '') : c.role === 'attribute' ? (ind.attributeText ?? '') : (ind.values[c.key]?.raw ?? '')));
    const merged = cols.map((c) => ind.values[c.key]?.merged === true);
    body.push({ cells: [ind.parent !== null ? '' : ind.seq, nameText(ind, unitColumn), ...values], merged });
  }
  // spans: a merged value continues the cell to its left (same row) or above (same column)
  const rowsXml = body.map((r, i) => {
    const last = i === body.length - 1;
    if (r.span) return `<table:table-row table:style-name="${bodyRow}">${cell(r.span, { cols: width, para: 'CellLeft', style: bodyStyle(last) })}${covered.repeat(width - 1)}</table:table-row>`;
    const out = [];
    for (let j = 0; j < width; j++) {
      const k = j - 2;
      if (k >= 0 && r.merged[k]) {
        out.push(covered);
        continue;
      }
      let spanCols = 1;
      while (k >= 0 && k + spanCols < cols.length && r.merged[k + spanCols] && r.cells[j + spanCols] === r.cells[j] && !isMergedFromAbove(body, i, k + spanCols)) spanCols++;
      let spanRows = 1;
      while (k >= 0 && body[i + spanRows]?.merged?.[k] && body[i + spanRows].cells[j] === r.cells[j] && spanCols === 1) spanRows++;
      out.push(cell(r.cells[j], { cols: spanCols, rows: spanRows, para: j === 1 ? 'CellLeft' : 'CellText', style: bodyStyle(last || i + spanRows === body.length) }));
    }
    return `<table:table-row table:style-name="${bodyRow}">${out.join('')}</table:table-row>`;
  });
  return `<table:table table:name="Table${n}" table:style-name="RuledTable">${colXml}${headerRows}${rowsXml.join('')}</table:table>`;
}

/** Is column k of row i merged from the row above (and not from its left)? */
function isMergedFromAbove(body, i, k) {
  const above = body[i - 1];
  return above?.cells !== undefined && above.cells[k + 2] === body[i].cells[k + 2] && !(k > 0 && body[i].cells[k + 1] === body[i].cells[k + 2]);
}

/** An indicator table as printed: its caption, the table, its notes. */
const tableBlock = (t, n, options) => p('Caption', t.number !== null ? `表${t.number} ${t.title}` : t.title) + tableXml(t, n, options) + t.notes.map((note) => p('Note', note.text)).join('');

function documentXml(doc, rawText, options) {
  if (options.tablesOnly) return doc.tables.filter((t) => t.kind === 'indicators').map((t, i) => tableBlock(t, i + 1, options)).join('\n');
  const rawLines = rawText.split('\n');
  const out = [];
  const tables = new Map(doc.tables.map((t) => [t.id, t]));
  const boxes = new Map(doc.boxes.map((b) => [b.id, b]));
  let nBox = 0;
  let nTable = 0;
  for (const para of doc.paragraphs) out.push(p('Cover', para.text));
  if (doc.meta.toc.length > 0) {
    out.push(p('TocTitle', '目  录'));
    for (const e of doc.meta.toc) out.push(p('Toc', `${e.marker}${e.marker ? ' ' : ''}${e.title}${'…'.repeat(6)}${e.page ?? ''}`));
    out.push('<text:p text:style-name="PageBreak"/>');
  }
  const visit = (s) => {
    // a title the text gives as two lines joined by a space (建设现代经济体系 打造实力湛河) is printed on two lines
    const style = HEADING_STYLE[s.kind] ?? 'H4';
    const [head, ...rest] = s.title.split(/(?<=\p{Script=Han}) (?=\p{Script=Han})/u);
    out.push(rest.length > 0 && (style === 'H1' || style === 'H2') ? pLines(style, [headingText({ ...s, title: head }), ...rest]) : p(style, headingText(s)));
    const items = [
      ...s.paragraphs.map((x) => ({ at: x.source.offset, xml: () => p('Body', x.text) })),
      ...s.boxes.map((id) => ({ at: boxes.get(id).source.offset, xml: () => boxXml(boxes.get(id), rawLines, ++nBox) })),
      ...s.tables.map((id) => {
        const t = tables.get(id);
        return { at: t.source.offset, xml: () => tableBlock(t, ++nTable, options) };
      }),
    ].sort((a, b) => a.at - b.at);
    for (const it of items) out.push(it.xml());
    for (const c of s.children) visit(c);
  };
  for (const s of doc.sections) visit(s);
  return out.join('\n');
}

const FONT = 'Noto Sans CJK SC';
const pstyle = (name, { size = 12, bold = false, align = 'justify', indent = '0cm', before = '0cm', after = '0.1cm', border = false, keep = false, breakBefore = false } = {}) =>
  `<style:style style:name="${name}" style:family="paragraph"><style:paragraph-properties fo:text-align="${align}" fo:text-indent="${indent}" fo:margin-top="${before}" fo:margin-bottom="${after}" fo:line-height="130%" style:text-autospace="none"${keep ? ' fo:keep-with-next="always"' : ''}${breakBefore ? ' fo:break-before="page"' : ''}${border ? ' fo:border="0.5pt solid #000000"' : ''}/><style:text-properties style:font-name="${FONT}" style:font-name-asian="${FONT}" fo:font-size="${size}pt" style:font-size-asian="${size}pt"${bold ? ' fo:font-weight="bold" style:font-weight-asian="bold"' : ''}/></style:style>`;

function fodt(body) {
  // the document element and its namespaces, shared with the shell fixture scripts
  return `${readFileSync(join(root, 'scripts', 'fodt-document-open.xml'), 'utf8')}<office:font-face-decls><style:font-face style:name="${FONT}" svg:font-family="'${FONT}'"/></office:font-face-decls>
<office:styles>
${pstyle('Standard')}
${pstyle('Body', { indent: '0.85cm' })}
${pstyle('Cover', { size: 18, bold: true, align: 'center', after: '0.4cm' })}
${pstyle('TocTitle', { size: 16, bold: true, align: 'center', after: '0.4cm', breakBefore: true })}
${pstyle('Toc', { size: 11, align: 'start' })}
${pstyle('PageBreak', { breakBefore: true })}
${pstyle('H1', { size: 18, bold: true, align: 'center', before: '0.6cm', after: '0.4cm', keep: true })}
${pstyle('H2', { size: 16, bold: true, align: 'center', before: '0.5cm', after: '0.3cm', keep: true })}
${pstyle('H3', { size: 14, bold: true, align: 'start', before: '0.3cm', after: '0.2cm', keep: true })}
${pstyle('H4', { size: 12, bold: true, align: 'start', indent: '0.85cm', keep: true })}
${pstyle('Caption', { size: 12, bold: true, align: 'center', before: '0.3cm', after: '0.2cm', keep: true })}
${pstyle('Note', { size: 10, align: 'start', before: '0.1cm' })}
${pstyle('BoxTitle', { size: 12, bold: true, align: 'center', after: '0.2cm' })}
${pstyle('BoxItem', { size: 11, indent: '0.78cm' })}
${pstyle('HeadText', { size: 10, bold: true, align: 'center', after: '0cm' })}
${pstyle('CellText', { size: 10, align: 'center', after: '0cm' })}
${pstyle('CellLeft', { size: 10, align: 'start', after: '0cm' })}
${pstyle('Footer', { size: 11, align: 'center' })}
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.6cm" fo:margin-right="2.6cm"/><style:footer-style><style:header-footer-properties fo:min-height="1cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>
<style:style style:name="RuledTable" style:family="table"><style:table-properties style:width="15.8cm" table:align="center" fo:margin-top="0.1cm" fo:margin-bottom="0.1cm"/></style:style>
<style:style style:name="BoxTable" style:family="table"><style:table-properties style:width="15.8cm" table:align="center" fo:margin-top="0.3cm" fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="ColSeq" style:family="table-column"><style:table-column-properties style:column-width="1.1cm"/></style:style>
<style:style style:name="ColName" style:family="table-column"><style:table-column-properties style:column-width="3.6cm"/></style:style>
<style:style style:name="ColVal" style:family="table-column"><style:table-column-properties style:column-width="2.2cm"/></style:style>
<style:style style:name="BoxCol" style:family="table-column"><style:table-column-properties style:column-width="15.8cm"/></style:style>
<style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
<style:style style:name="RowBreak" style:family="table-row"><style:table-row-properties fo:keep-together="auto"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm" style:vertical-align="middle"/></style:style>
<style:style style:name="TLHead" style:family="table-cell"><style:table-cell-properties fo:border-top="1pt solid #000000" fo:border-bottom="0.5pt solid #000000" fo:border-left="none" fo:border-right="none" fo:padding="0.08cm" style:vertical-align="middle"/></style:style>
<style:style style:name="TLTop" style:family="table-cell"><style:table-cell-properties fo:border-top="1pt solid #000000" fo:border-bottom="none" fo:border-left="none" fo:border-right="none" fo:padding="0.08cm" style:vertical-align="middle"/></style:style>
<style:style style:name="TLBottom" style:family="table-cell"><style:table-cell-properties fo:border-top="none" fo:border-bottom="0.5pt solid #000000" fo:border-left="none" fo:border-right="none" fo:padding="0.08cm" style:vertical-align="middle"/></style:style>
<style:style style:name="TLNone" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding="0.08cm"/></style:style>
<style:style style:name="TLLast" style:family="table-cell"><style:table-cell-properties fo:border-top="none" fo:border-bottom="1pt solid #000000" fo:border-left="none" fo:border-right="none" fo:padding="0.08cm"/></style:style>
<style:style style:name="Frame" style:family="table-cell"><style:table-cell-properties fo:border="1pt solid #000000" fo:padding="0.3cm"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"><style:footer><text:p text:style-name="Footer">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>
${body}
</office:text></office:body></office:document>
`;
}

const work = mkdtempSync(join(tmpdir(), 'plancorpus-pdf-fixtures-'));
const pipeline = createPipeline();
try {
  for (const [file, pdfName, options] of FIXTURES.filter(([, name]) => only.length === 0 || only.includes(name))) {
    const bytes = readFileSync(join(root, 'fixtures', file));
    const result = await pipeline.run(file.replace(/\.txt$/, ''), { path: `fixtures/${file}`, bytes });
    if (result.status !== 'ok') throw new Error(`${file}: ${result.error.code} ${result.error.message}`);
    const stem = pdfName.replace(/\.pdf$/, '');
    const fodtPath = join(work, `${stem}.fodt`);
    writeFileSync(fodtPath, fodt(documentXml(result.document, new TextDecoder().decode(bytes), options)));
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'pdf', '--outdir', work, fodtPath], { stdio: ['ignore', 'ignore', 'inherit'] });
    renameSync(join(work, `${stem}.pdf`), join(outDir, pdfName));
    console.log(`${file} → ${join(outDir, pdfName)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
