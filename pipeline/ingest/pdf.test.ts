import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractPdfText } from './pdf.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (rel: string): Buffer => readFileSync(root + rel);

// Made by scripts/make-pdf-fixture.sh from fixtures/000_5e002ab9d4a7d847.txt (lines 1-60, one PDF
// line per source line, then 表 1 from lines 341-383 as a real table) with LibreOffice.
const FIXTURE = 'fixtures/pdf/zhanhe-excerpt.pdf';
const SOURCE = 'fixtures/000_5e002ab9d4a7d847.txt';

const sourceLines = (from: number, to: number): string[] =>
  read(SOURCE)
    .toString('utf8')
    .split('\n')
    .slice(from - 1, to)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** A minimal PDF from object bodies (object i+1 = bodies[i], object 1 is the catalog), with a correct xref. */
function buildPdf(bodies: string[]): Uint8Array {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
const stream = (content: string, dict = ''): string => `<< ${dict} /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
const ucs2hex = (s: string): string => [...s].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('');

describe('extractPdfText on the LibreOffice fixture', () => {
  it('has the right page count and one form feed per page boundary', async () => {
    const r = await extractPdfText(read(FIXTURE));
    expect(r.pages).toBe(2);
    expect(r.text.match(/\f/g)?.length).toBe(1);
    expect(r.warnings).toEqual([]);
    const [p1, p2] = r.text.split('\f');
    expect(p1.endsWith('— 1 —\n')).toBe(true);
    expect(p2.endsWith('— 2 —\n')).toBe(true);
  });

  it('reproduces the source lines in order, spaces around numbers included', async () => {
    const { text } = await extractPdfText(read(FIXTURE));
    const lines = text.replace(/\f/g, '').split('\n');
    const prose = lines.slice(0, lines.indexOf('表 1 “十三五”经济社会发展主要指标完成情况')).filter((l) => !/^— \d+ —$/.test(l));
    expect(prose).toEqual(sourceLines(1, 60));
    expect(text).toContain('“十四五”时期（2021-2025 年）是湛河区开启全面建设社\n');
    expect(text).toContain('初步测算，“十三五”时期，地区生产总值累计完成 895.95 亿\n');
    expect(text).toContain('元，年均增长 6.8%；固定资产投资累计完成 225.24 亿元，年均\n');
    const order = ['序 言', '“十四五”时期', '第一节 决胜全面建成小康社会', '— 1 —', '\f小康社会取得决定性成就。', '895.95', '表 1', '— 2 —'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('reads the ruled table by its grid: one line per row, cells in column order separated by tabs', async () => {
    const { text, layout } = await extractPdfText(read(FIXTURE));
    const lines = text.split('\n');
    const rows = sourceLines(341, 383).filter((l) => /^[1-7] /.test(l));
    expect(rows).toHaveLength(7);
    expect(rows[0]).toBe('1 生产总值（亿元） 108.8 154.9 7.5 左右 221.29 预期性');
    // the printed cells of each source row, now one cell per tab-separated field (7.5 左右 is one cell)
    expect(lines).toContain('1\t生产总值（亿元）\t108.8\t154.9\t7.5 左右\t221.29\t预期性');
    expect(lines).toContain('序号\t指标名称\t2015 年基数\t2020 年目标\t年均增速（%）\t2020 年完成值\t指标属性');
    // row 8: the name wrapped inside its cell is joined, on the row's own line
    expect(lines).toContain('8\t高新技术产业增加值占规上工业比重（%）\t43.1\t40 以上\t—\t35\t预期性');
    // a category row spans the table: its text in the first cell, the covered positions empty
    expect(lines).toContain('一、经济增长和综合实力\t\t\t\t\t\t');
    const idx = ['1\t', '2\t', '3\t', '4\t', '5\t', '6\t', '7\t'].map((p) => lines.findIndex((l) => l.startsWith(p)));
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    expect(layout.tables).toHaveLength(1);
    const t = layout.tables[0];
    expect([t.rows, t.cols]).toEqual([11, 7]);
    const category = t.cells.find((c) => text.slice(c.start, c.end) === '一、经济增长和综合实力');
    expect(category).toMatchObject({ col: 0, colSpan: 7, rowSpan: 1 });
    expect(t.placements?.map((p) => p.page)).toEqual([2]);
  });

  it('is deterministic, also when run concurrently, and leaves the input intact', async () => {
    const bytes = read(FIXTURE);
    const copy = Buffer.from(bytes);
    const a = await extractPdfText(bytes);
    const [b, c] = await Promise.all([extractPdfText(bytes), extractPdfText(new Uint8Array(bytes))]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(bytes.equals(copy)).toBe(true);
  });
});

describe('extractPdfText on encrypted files', () => {
  it('throws pdf-encrypted for a user password', async () => {
    await expect(extractPdfText(read('test/fixtures/pdf/zhanhe-encrypted.pdf'))).rejects.toThrow(/^pdf-encrypted: .*password/);
  });

  it('reads a file that only has an owner password (permissions)', async () => {
    const r = await extractPdfText(read('test/fixtures/pdf/zhanhe-owner-only.pdf'));
    expect(r.pages).toBe(1);
    expect(r.text).toContain('“十四五”时期（2021-2025 年）是湛河区开启全面建设社\n');
  });
});

describe('extractPdfText errors', () => {
  it('rejects a truncated PDF', async () => {
    const bytes = read(FIXTURE);
    await expect(extractPdfText(bytes.subarray(0, bytes.length >> 1))).rejects.toThrow(/^pdf-invalid: truncated/);
  });

  it('rejects random bytes behind a %PDF header, with or without %%EOF', async () => {
    let seed = 42;
    const noise = Buffer.alloc(4096, 0).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    await expect(extractPdfText(Buffer.concat([Buffer.from('%PDF-1.4\n'), noise]))).rejects.toThrow(/^pdf-invalid: /);
    await expect(extractPdfText(Buffer.concat([Buffer.from('%PDF-1.4\n'), noise, Buffer.from('\n%%EOF\n')]))).rejects.toThrow(/^pdf-invalid: cannot open document/);
  });

  it('rejects a text file and empty input', async () => {
    await expect(extractPdfText(read(SOURCE))).rejects.toThrow(/^pdf-invalid: not a PDF/);
    await expect(extractPdfText(new Uint8Array(0))).rejects.toThrow(/^pdf-invalid: not a PDF/);
  });

  it('flags garbage from a damaged file instead of passing control codes through', async () => {
    const bytes = Buffer.from(read(FIXTURE));
    // cut out the middle (font programs and their Unicode maps); pdfjs rebuilds the xref
    const damaged = Buffer.concat([bytes.subarray(0, 30000), bytes.subarray(bytes.length - 2000)]);
    const r = await extractPdfText(damaged).catch((e: Error) => e);
    if (r instanceof Error) {
      expect(r.message).toMatch(/^pdf-invalid: /);
    } else {
      expect(r.text).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f]/);
      expect(r.warnings.some((w) => w.code === 'pdf-garbled-text')).toBe(true);
    }
  });
});

describe('extractPdfText on hand-made PDFs', () => {
  // page 1: standard font Helvetica; page 2: empty; page 3: non-embedded CJK font with the
  // predefined UniGB-UCS2-H CMap (only readable with the packaged cMaps)
  const threePages = buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 /MediaBox [0 0 300 300] >>',
    '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 6 0 R >> >> /Contents 7 0 R >>',
    '<< /Type /Page /Parent 2 0 R >>',
    '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F2 8 0 R >> >> /Contents 9 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    stream('BT /F1 12 Tf 20 250 Td (Hello PDF) Tj 0 -20 Td (second line) Tj ET'),
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [10 0 R] >>',
    // two runs on one baseline, 1 em apart, and a second line
    stream(
      `BT /F2 14 Tf 20 250 Td <${ucs2hex('湛河区')}> Tj ET BT /F2 14 Tf 76 250 Td <${ucs2hex('规划')}> Tj ET ` +
        `BT /F2 14 Tf 20 225 Td <${ucs2hex('第二行')}> Tj ET`,
    ),
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 11 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);

  it('keeps empty pages as empty strings between form feeds', async () => {
    const r = await extractPdfText(threePages);
    expect(r.pages).toBe(3);
    expect(r.text.split('\f')).toEqual(['Hello PDF\nsecond line\n', '', '湛河区 规划\n第二行\n']);
    expect(r.warnings).toEqual([{ code: 'pdf-empty-pages', message: expect.stringMatching(/^pdf-empty-pages: page\(s\) 2 of 3 /) }]);
  });

  it('returns empty text and pdf-no-text for an image-only (scanned) PDF', async () => {
    const scanned = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 200 200] >>',
      '<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im0 6 0 R >> >> /Contents 5 0 R >>',
      '<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im0 6 0 R >> >> /Contents 5 0 R >>',
      stream('q 100 0 0 100 50 50 cm /Im0 Do Q'),
      stream('\x00\xff\xff\x00', '/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8'),
    ]);
    const r = await extractPdfText(scanned);
    expect(r).toMatchObject({ text: '', pages: 2, warnings: [{ code: 'pdf-no-text', message: expect.stringMatching(/^pdf-no-text: .*\(scanned\? needs OCR\)$/) }] });
  });

  it('reads a /Rotate 90 page upright and puts sideways text after the lines', async () => {
    // user space 200 x 400 shown rotated clockwise: text running up (+y) reads left to right,
    // smaller x is higher on the displayed page
    const rotated = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 400] /Rotate 90 /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      stream(
        'BT /F1 12 Tf 0 1 -1 0 60 20 Tm (second line) Tj 0 1 -1 0 40 20 Tm (first line) Tj ' +
          '0 1 -1 0 40 200 Tm (same line) Tj 1 0 0 1 100 100 Tm (SIDEWAYS) Tj ET',
      ),
    ]);
    const r = await extractPdfText(rotated);
    expect(r.text).toBe('first line same line\nsecond line\nSIDEWAYS\n');
    expect(r.warnings).toEqual([{ code: 'pdf-rotated-text', message: expect.stringMatching(/^pdf-rotated-text: .*page\(s\) 1 /) }]);
  });

  it('keeps one copy of text drawn twice for a bold effect and sorts items by x', async () => {
    const doubled = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 300 300] >>',
      '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      // drawn right cell first; "Bold" twice, 0.3 pt apart; "x2" superscript-ish 3 pt higher
      stream(
        'BT /F1 12 Tf 1 0 0 1 150 200 Tm (right) Tj ET BT /F1 12 Tf 1 0 0 1 20 200 Tm (Bold) Tj ET ' +
          'BT /F1 12 Tf 1 0 0 1 20.3 200 Tm (Bold) Tj ET BT /F1 12 Tf 1 0 0 1 60 203 Tm (x2) Tj ET',
      ),
    ]);
    const r = await extractPdfText(doubled);
    expect(r.text).toBe('Bold x2 right\n');
  });
});
