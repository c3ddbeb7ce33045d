import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline } from '../pipeline/document.js';
import { FIXTURES, fixtureDocument, allParagraphs } from './helpers.js';
import { checkInvariants } from './invariants.js';
import { extractPdfText } from '../pipeline/ingest/pdf.js';

describe('a PDF through the whole pipeline', () => {
  it('reads the same paragraphs, page markers and indicator table as the text of the same pages', async () => {
    const bytes = readFileSync(join(FIXTURES, 'pdf', 'zhanhe-excerpt.pdf'));
    const r = await createPipeline().run('pdf--zhanhe-excerpt', { path: 'pdf/zhanhe-excerpt.pdf', bytes });
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    const doc = r.document;
    expect(doc.source).toMatchObject({ format: 'pdf', encoding: 'pdf-text' });
    expect(doc.pages.filter((p) => p.kind === 'page-number').map((p) => p.page)).toEqual([1, 2]);
    // the preface and the first paragraph of chapter 1 read as in the text fixture
    const fromText = allParagraphs(fixtureDocument('000')).map((p) => p.text);
    const fromPdf = allParagraphs(doc).map((p) => p.text);
    expect(fromPdf).toContain(fromText.find((t) => t.startsWith('“十四五”时期（2021-2025年）是湛河区开启')));
    expect(fromPdf).toContain(fromText.find((t) => t.startsWith('《湛河区国民经济和社会发展第十四个五年规划')));
    expect(doc.sections.map((s) => s.title).slice(0, 2)).toEqual(['序言', '开启全面建设社会主义现代化湛河新征程']);
    // the table header comes row by row from the PDF; the name of row 8 is printed around its cells
    const t = doc.tables[0];
    expect(t.columns.map((c) => c.header)).toEqual(['2015年基数', '2020年目标', '年均增速（%）', '2020年完成值', '指标属性']);
    expect(t.indicators.map((i) => i.seq)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(t.indicators[7]).toMatchObject({ name: '高新技术产业增加值占规上工业比重', unit: '%', attribute: 'expected' });
    expect(t.indicators[7].values['target-2020']).toMatchObject({ kind: 'atLeast', value: 40 });
    expect(doc.diagnostics.filter((d) => d.code.startsWith('row-') || d.code === 'cells-missing')).toEqual([]);
    // positions refer to the extracted text
    const text = (await extractPdfText(bytes)).text;
    expect(checkInvariants(doc, text)).toEqual([]);
  });
});
