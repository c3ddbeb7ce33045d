import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { createPipeline } from '../pipeline/document.js';
import { DocContext } from '../core/context.js';
import { normalize } from '../pipeline/normalize/index.js';
import { fixtureDocument, fixtureText, allSections, allParagraphs, FIXTURE_FILES } from './helpers.js';
import { checkInvariants } from './invariants.js';
import type { PlanDocument } from '../schemas/document.js';

const pipeline = createPipeline();
const build = (text: string, path = 'variant.txt'): PlanDocument =>
  pipeline.fromRaw('variant', { source: { path, sha256: '0'.repeat(64), bytes: text.length, encoding: 'utf-8', format: 'txt' }, text });

/** What a reader gets: the outline, the boxes, the tables and the text, without positions. */
const shape = (d: PlanDocument) => ({
  outline: allSections(d.sections).map((s) => `${s.depth} ${s.marker} ${s.title}`),
  boxes: d.boxes.map((b) => `${b.title} ${b.items.length}`),
  tables: d.tables.map((t) => `${t.title} ${t.indicators.length}`),
  text: allParagraphs(d).map((p) => p.text),
  meta: {
    ...d.meta,
    toc: d.meta.toc.map((e) => `${e.marker}${e.title}${e.page}`),
    evidence: Object.fromEntries(Object.entries(d.meta.evidence).map(([k, v]) => [k, v && { ...v, source: null }])),
  },
});

// New documents break assumptions: the same content in other shapes must give the same result.
describe('the same content in other shapes', () => {
  it('CRLF line ends (a Windows export) change positions only', () => {
    const text = fixtureText('000');
    const crlf = build(text.replace(/\n/g, '\r\n'));
    expect(shape(crlf)).toEqual(shape(fixtureDocument('000')));
    expect(checkInvariants(crlf, text.replace(/\n/g, '\r\n'))).toEqual([]);
  });

  it('hard wraps without the blank lines between them', () => {
    const text = fixtureText('000').replace(/\n\n(?=\S)/g, '\n');
    const d = build(text);
    const s = shape(d);
    const base = shape(fixtureDocument('000'));
    expect(s.outline).toEqual(base.outline);
    expect(s.boxes).toEqual(base.boxes);
    expect(s.tables).toEqual(base.tables);
    expect(s.text.length).toBe(base.text.length);
  });

  it('a document written in traditional characters is converted whole and reads the same', () => {
    const s2t = OpenCC.Converter({ from: 'cn', to: 't' });
    const simplified = fixtureText('004');
    const d = build(s2t(simplified));
    expect(d.diagnostics.map((x) => x.code)).toContain('traditional-document');
    const base = shape(fixtureDocument('004'));
    expect(shape(d).outline).toEqual(base.outline);
    expect(shape(d).tables).toEqual(base.tables);
    // OpenCC's round trip is not perfect (一对多 characters); nearly every paragraph comes back exactly
    const same = shape(d).text.filter((t, k) => t === base.text[k]).length;
    expect(same / base.text.length).toBeGreaterThan(0.8);
  });

  it('full-width digits and letters (another converter) read as half-width', () => {
    const text = fixtureText('004').replace(/[0-9A-Za-z%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const d = build(text);
    expect(allParagraphs(d).some((p) => p.text.includes('263.06亿元'))).toBe(true);
    expect(d.meta.date).toBe('2025-02-25');
    expect(d.tables[0].indicators).toHaveLength(13);
  });
});

describe('normalization is idempotent', () => {
  it.each(Object.keys(FIXTURE_FILES).sort())('%s: normalizing the normalized text changes nothing', (name) => {
    const first = normalize({ text: fixtureText(name) }, new DocContext(name, fixtureText(name)), { ocr: null });
    const again = normalize({ text: first.text.text }, new DocContext(name, first.text.text), { ocr: null });
    expect(again.text.text).toBe(first.text.text);
  });
});
