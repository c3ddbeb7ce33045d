/**
 * Generative tests (fast-check, fixed seed): a corpus compared with a copy of itself has no
 * differences, and a single random edit to one document is reported as exactly that edit.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PlanDocument, type Section } from '../../schemas/document.js';
import { diffCorpora, snapshotOf } from './corpus.js';
import { diffDocuments } from './document.js';
import { makeDoc, type DocSpec, type SectionSpec } from '../../test/builders/fixture-docs.js';
import { applyTextEdits } from './text.js';

const SEED = 424242;
const RUNS = 120;

const CJK = [...'发展经济社会建设推进城市乡村创新产业服务体系完善加强提升生态文化教育医疗开放改革'];
const words = (minLength: number, maxLength: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...CJK), minLength, maxLength });

interface SectionSkeleton {
  title: string;
  paragraphs: string[];
  children: SectionSkeleton[];
}
const sectionArb = (depth: number): fc.Arbitrary<SectionSkeleton> =>
  fc.record({
    title: words(2, 8),
    paragraphs: fc.array(words(6, 40), { maxLength: 4 }),
    children: depth < 3 ? fc.array(sectionArb(depth + 1), { maxLength: 3 }) : fc.constant([]),
  });

const docSkeletonArb = fc.record({
  paragraphs: fc.array(words(6, 30), { maxLength: 2 }),
  sections: fc.array(sectionArb(1), { minLength: 1, maxLength: 4 }),
  tables: fc.array(
    fc.record({
      title: words(4, 10),
      indicators: fc.array(fc.record({ name: words(2, 8), base: fc.integer({ min: 0, max: 1000 }), target: fc.integer({ min: 0, max: 1000 }) }), { minLength: 1, maxLength: 6 }),
    }),
    { maxLength: 2 },
  ),
  boxes: fc.array(fc.record({ title: words(3, 8), items: fc.array(words(5, 20), { minLength: 1, maxLength: 3 }) }), { maxLength: 2 }),
  corrections: fc.array(fc.constantFrom('unicode/fullwidth-ascii', 'opencc/t2s', 'ocr/subject-entity'), { maxLength: 4 }),
  diagnostics: fc.array(fc.constantFrom('ocr-suspect', 'numbering-gap'), { maxLength: 3 }),
});
type DocSkeleton = typeof docSkeletonArb extends fc.Arbitrary<infer T> ? T : never;

/** Skeleton → valid document; a counter keeps titles and paragraph texts unique within a document. */
function toDoc(id: string, s: DocSkeleton): PlanDocument {
  let k = 0;
  // full-width digits: not a number token for the word-level hunks, so an insertion inside stays an insertion
  const tag = (): string => `〔${String(++k).replace(/[0-9]/g, (c) => String.fromCharCode(0xff10 + Number(c)))}〕`;
  const sec = (x: SectionSkeleton, depth: number, n: number): SectionSpec => ({
    marker: depth === 1 ? `第${n}章` : depth === 2 ? `${n}、` : `（${n}）`,
    ordinal: n,
    title: `${x.title}${tag()}`,
    paragraphs: x.paragraphs.map((p) => `${p}${tag()}`),
    children: x.children.map((c, i) => sec(c, depth + 1, i + 1)),
  });
  const spec: DocSpec = {
    id,
    title: `${id} 规划`,
    paragraphs: s.paragraphs.map((p) => `${p}${tag()}`),
    sections: s.sections.map((x, i) => sec(x, 1, i + 1)),
    tables: s.tables.map((t, i) => ({
      number: i + 1,
      title: `${t.title}${tag()}`,
      columns: ['base-2020', 'target-2025'],
      indicators: t.indicators.map((ind, j) => ({ seq: String(j + 1), name: `${ind.name}${tag()}`, unit: '%', values: { 'base-2020': ind.base, 'target-2025': ind.target } })),
    })),
    boxes: s.boxes.map((b) => ({ title: `${b.title}${tag()}`, items: b.items.map((t) => `${t}${tag()}`) })),
    corrections: s.corrections,
    diagnostics: s.diagnostics,
  };
  return makeDoc(spec);
}

const docArb = docSkeletonArb.map((s) => toDoc('doc', s));

function allSections(secs: Section[]): Array<{ s: Section; parent: Section[] }> {
  return secs.flatMap((s) => [{ s, parent: secs }, ...allSections(s.children)]);
}
function allParagraphs(doc: PlanDocument): Array<{ text: string; set: (t: string) => void }> {
  const out: Array<{ text: string; set: (t: string) => void }> = [];
  const add = (ps: PlanDocument['paragraphs']): void => ps.forEach((p) => out.push({ text: p.text, set: (t) => (p.text = t) }));
  add(doc.paragraphs);
  for (const { s } of allSections(doc.sections)) add(s.paragraphs);
  return out;
}
function subtree(s: Section): Section[] {
  return [s, ...s.children.flatMap(subtree)];
}

const others = (d: ReturnType<typeof diffDocuments>, except: string[]): Record<string, unknown[]> =>
  Object.fromEntries(Object.entries(d).filter(([k]) => !except.includes(k)));
const EMPTY = { meta: [], outline: [], paragraphs: [], tables: [], boxes: [], figures: [], messages: [], notes: [] };

describe('diff of a corpus with itself', () => {
  it('is empty, with and without positions', () => {
    fc.assert(
      fc.property(fc.array(docSkeletonArb, { minLength: 1, maxLength: 3 }), (skeletons) => {
        const docs = skeletons.map((s, i) => toDoc(`doc-${i}`, s));
        for (const d of docs) PlanDocument.parse(d); // the generator makes valid documents
        for (const positions of [false, true]) {
          const diff = diffCorpora(snapshotOf('a', docs), snapshotOf('b', structuredClone(docs)), { positions });
          expect(diff.identical).toBe(true);
          expect(diff.documents).toEqual([]);
          expect(diff.summary).toEqual({ compared: docs.length, changed: 0, unchanged: docs.length, added: 0, removed: 0, statusChanged: 0 });
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('ignores shifted positions unless asked for them', () => {
    fc.assert(
      fc.property(docSkeletonArb, fc.integer({ min: 2, max: 50 }), (s, shift) => {
        const a = toDoc('doc', s);
        const b = structuredClone(a);
        const bump = (x: unknown): void => {
          if (Array.isArray(x)) x.forEach(bump);
          else if (x && typeof x === 'object') {
            const o = x as Record<string, unknown>;
            if (typeof o.line === 'number' && typeof o.endLine === 'number') {
              o.line += shift;
              o.endLine = (o.endLine as number) + shift;
            } else Object.entries(o).forEach(([k, v]) => k !== 'accounting' && bump(v));
          }
        };
        bump({ ...b, source: null });
        expect(diffDocuments(a, b)).toEqual(EMPTY);
        const withPositions = diffDocuments(a, b, { positions: true });
        expect(withPositions.outline.every((c) => c.change === 'changed' && c.what.join() === 'source')).toBe(true);
        expect(withPositions.outline.length).toBe(allSections(a.sections).length);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});

describe('a single random edit is reported as exactly that edit', () => {
  it('changed paragraph text', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), fc.nat(), fc.constantFrom('ＸＹ', 'Ｚ', 'ＱＲＳ'), (a, pick, at, insert) => {
        const b = structuredClone(a);
        const ps = allParagraphs(b);
        fc.pre(ps.length > 0);
        const p = ps[pick % ps.length];
        const old = p.text;
        const k = at % (old.length + 1);
        const text = old.slice(0, k) + insert + old.slice(k);
        p.set(text);
        const d = diffDocuments(a, b);
        expect(others(d, ['paragraphs'])).toEqual(others(EMPTY, ['paragraphs']));
        expect(d.paragraphs).toHaveLength(1);
        const [c] = d.paragraphs;
        expect(c).toMatchObject({ change: 'changed', what: ['text'], before: { text: old }, after: { text } });
        expect(applyTextEdits(old, c.edits)).toBe(text);
        expect(c.edits.map((e) => e.added).join('')).toBe(insert);
        expect(c.edits.map((e) => e.removed).join('')).toBe('');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('dropped section (with its subsections and paragraphs)', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), (a, pick) => {
        const b = structuredClone(a);
        const secs = allSections(b.sections);
        const { s, parent } = secs[pick % secs.length];
        parent.splice(parent.indexOf(s), 1);
        const gone = subtree(s);
        const d = diffDocuments(a, b);
        expect(others(d, ['outline', 'paragraphs'])).toEqual(others(EMPTY, ['outline', 'paragraphs']));
        expect(d.outline.map((c) => [c.change, c.before?.title])).toEqual(gone.map((x) => ['removed', x.title]));
        expect(d.paragraphs.map((c) => [c.change, c.before?.text])).toEqual(gone.flatMap((x) => x.paragraphs.map((p) => ['removed', p.text])));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('renumbered and retitled sections', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), fc.boolean(), (a, pick, retitle) => {
        const b = structuredClone(a);
        const secs = allSections(b.sections);
        const { s } = secs[pick % secs.length];
        const before = { marker: s.marker, title: s.title };
        if (retitle) s.title = `新${s.title}`;
        else s.marker = `${s.marker}之一`;
        const d = diffDocuments(a, b);
        expect(others(d, ['outline'])).toEqual(others(EMPTY, ['outline']));
        expect(d.outline).toHaveLength(1);
        expect(d.outline[0]).toMatchObject({ change: 'changed', what: [retitle ? 'title' : 'marker'], before, after: { marker: s.marker, title: s.title } });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('changed indicator value', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), fc.nat(), fc.constantFrom('base-2020', 'target-2025'), (a, ti, ii, column) => {
        fc.pre(a.tables.length > 0);
        const b = structuredClone(a);
        const t = b.tables[ti % b.tables.length];
        const ind = t.indicators[ii % t.indicators.length];
        const q = ind.values[column];
        const value = (q.value ?? 0) + 1.5;
        ind.values[column] = { ...q, raw: String(value), value };
        const d = diffDocuments(a, b);
        expect(others(d, ['tables'])).toEqual(others(EMPTY, ['tables']));
        expect(d.tables).toEqual([
          {
            change: 'changed',
            before: expect.objectContaining({ number: t.number, title: t.title }),
            after: expect.objectContaining({ number: t.number, title: t.title }),
            fields: [],
            columns: [],
            indicators: [
              {
                change: 'changed',
                before: { seq: ind.seq, name: ind.name, unit: '%', id: ind.id },
                after: { seq: ind.seq, name: ind.name, unit: '%', id: ind.id },
                fields: [],
                values: [{ column, header: column, before: { raw: q.raw, kind: 'number', value: q.value, qualifier: null }, after: { raw: String(value), kind: 'number', value, qualifier: null }, what: ['raw', 'value'] }],
              },
            ],
            notes: [],
            rows: [],
          },
        ]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('corpus level', () => {
  it('reports added and removed documents and status changes by id', () => {
    const doc = (id: string): PlanDocument => makeDoc({ id, sections: [{ marker: '第一章', title: '总则', paragraphs: ['正文'] }] });
    const fail = (id: string, code = 'empty-input') => ({ id, source: `${id}.txt`, code, message: 'no text' });
    const a = snapshotOf('A', [doc('d1'), doc('d2'), doc('d3')], [fail('f1'), fail('f2')]);
    const b = snapshotOf('B', [doc('d1'), doc('d4'), doc('f1')], [fail('d3'), fail('f2', 'read-error')]);
    const diff = diffCorpora(a, b);
    expect(diff.identical).toBe(false);
    expect(diff.added).toEqual([{ id: 'd4', source: 'd4.txt', status: 'ok' }]);
    expect(diff.removed).toEqual([{ id: 'd2', source: 'd2.txt', status: 'ok' }]);
    expect(diff.documents.map((d) => [d.id, d.status?.before, d.status?.after, d.status?.errorAfter?.code ?? null])).toEqual([
      ['d3', 'ok', 'failed', 'empty-input'],
      ['f1', 'failed', 'ok', null],
      ['f2', 'failed', 'failed', 'read-error'],
    ]);
    expect(diff.summary).toEqual({ compared: 4, changed: 3, unchanged: 1, added: 1, removed: 1, statusChanged: 3 });
  });

  it('compares only the categories asked for', () => {
    const a = makeDoc({ id: 'd', title: '甲', sections: [{ marker: '第一章', title: '总则', paragraphs: ['正文一'] }], diagnostics: ['numbering-gap'] });
    const b = makeDoc({ id: 'd', title: '乙', sections: [{ marker: '第一章', title: '总则', paragraphs: ['正文二'] }] });
    expect(diffCorpora(snapshotOf('A', [a]), snapshotOf('B', [b]), { only: ['outline', 'tables'] }).identical).toBe(true);
    const d = diffCorpora(snapshotOf('A', [a]), snapshotOf('B', [b]), { only: ['meta', 'messages'] });
    expect(d.options.only).toEqual(['meta', 'messages']);
    expect(d.documents[0].meta).toEqual([{ path: 'meta.title', before: '甲', after: '乙' }]);
    expect(d.documents[0].messages).toEqual([{ type: 'diagnostic', key: 'numbering-gap', before: 1, after: 0 }]);
    expect(d.documents[0].paragraphs).toEqual([]);
  });

  it('notes when an alignment fell back to the heuristic', () => {
    const paras = Array.from({ length: 60 }, (_, i) => `第${i}段正文内容`);
    const a = makeDoc({ id: 'd', sections: [{ marker: '第一章', title: '总则', paragraphs: paras }] });
    const b = makeDoc({ id: 'd', sections: [{ marker: '第一章', title: '总则', paragraphs: paras.map((p, i) => (i % 2 ? `${p}（修订）` : p)) }] });
    const d = diffCorpora(snapshotOf('A', [a]), snapshotOf('B', [b]), { alignBudget: 50 });
    expect(d.notes).toEqual([expect.stringMatching(/^d: paragraphs: 60 × 60 items exceeded the alignment limit; a unique-anchor heuristic/)]);
    expect(d.documents[0].paragraphs.filter((c) => c.change === 'changed')).toHaveLength(30);
  });
});
