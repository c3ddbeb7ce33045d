/**
 * Precision and recall of the facts stage on a hand-checked sample (test/facts-sample/expected-facts.json):
 * the fixtures always, the documents of ../shared/corpora when that folder is there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPipeline } from '../pipeline/document.js';
import type { Fact } from '../schemas/fact.js';
import { FIXTURE_FILES, ROOT, fixtureDocument } from './helpers.js';

const Expected = z.object({
  doc: z.string(),
  line: z.number().int(),
  metric: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  change: z.number().nullable().optional(),
  period: z.tuple([z.number(), z.number()]).nullable(),
  polarity: z.enum(['achieved', 'target', 'expected']),
  raw: z.string().optional(),
  note: z.string().optional(),
});
const Sample = z.object({ description: z.string(), checkedBy: z.string(), checkedLines: z.record(z.string(), z.array(z.number().int())), expected: z.array(Expected) });
type Expected = z.infer<typeof Expected>;

const sample = Sample.parse(JSON.parse(readFileSync(join(ROOT, 'test/facts-sample/expected-facts.json'), 'utf8')));
const CORPORA = join(ROOT, '..', 'shared', 'corpora');
const pipeline = createPipeline();

async function factsOf(doc: string): Promise<Fact[] | null> {
  if (doc.startsWith('fixtures/')) {
    const short = Object.entries(FIXTURE_FILES).find(([, f]) => `fixtures/${f}` === doc)?.[0];
    return short ? fixtureDocument(short).facts : null;
  }
  const file = join(CORPORA, doc.replace(/^corpora\//, ''));
  if (!existsSync(file)) return null;
  const r = await pipeline.run(doc.replace(/\W+/g, '-'), { path: doc, bytes: readFileSync(file) });
  return r.status === 'ok' ? r.document.facts : null;
}

const same = (f: Fact, e: Expected): boolean =>
  f.source.line === e.line &&
  f.metric === e.metric &&
  f.value.value !== undefined &&
  Math.abs(f.value.value - e.value) < 1e-9 &&
  f.unit === e.unit &&
  f.polarity === e.polarity &&
  JSON.stringify(f.period ? [f.period.start, f.period.end] : null) === JSON.stringify(e.period) &&
  (e.change === undefined || e.change === null || f.change?.quantity.value === e.change);

describe('facts on the hand-checked sample', () => {
  it('reaches precision ≥ 0.98 and recall ≥ 0.9 on every document available', { timeout: 120_000 }, async () => {
    let found = 0;
    let right = 0;
    let expectedCount = 0;
    const wrong: string[] = [];
    const missed: string[] = [];
    let docs = 0;
    for (const [doc, lines] of Object.entries(sample.checkedLines)) {
      const facts = await factsOf(doc);
      if (!facts) continue;
      docs++;
      const onLines = facts.filter((f) => lines.includes(f.source.line));
      const gold = sample.expected.filter((e) => e.doc === doc);
      const used = new Set<Expected>();
      for (const f of onLines) {
        const e = gold.find((g) => !used.has(g) && same(f, g));
        if (e) used.add(e);
        else wrong.push(`${doc} L${f.source.line}: ${f.metric} ${f.value.raw} ${JSON.stringify(f.period)} ${f.polarity}`);
      }
      found += onLines.length;
      right += used.size;
      expectedCount += gold.length;
      for (const g of gold) if (!used.has(g)) missed.push(`${doc} L${g.line}: ${g.metric} ${g.value}${g.unit ?? ''}${g.note ? ` (${g.note})` : ''}`);
    }
    const precision = right / found;
    const recall = right / expectedCount;
    console.log(`facts sample: ${docs} documents, ${found} facts found, ${right} right, ${expectedCount} expected: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\nwrong:\n  ${wrong.join('\n  ')}\nmissed:\n  ${missed.join('\n  ')}`);
    expect(docs).toBeGreaterThanOrEqual(3);
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
