import { describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeText } from '../pipeline/ingest/decode.js';
import { createPipeline } from '../pipeline/document.js';
import { ROOT } from './helpers.js';

interface SyntheticDoc {
  path: string;
  bytes: Buffer;
  encoding: string;
}
interface Generator {
  loadSources(): unknown;
  syntheticDocument(sources: unknown, k: number, seed: number): SyntheticDoc;
}

// scripts/synthetic-corpus.mjs (plain JS, run by `npm run bench:scale`; it decodes the fixtures with dist/)
let gen: Generator;
let sources: unknown;
beforeAll(async () => {
  gen = (await import(pathToFileURL(join(ROOT, 'scripts', 'synthetic-corpus.mjs')).href)) as Generator;
  sources = gen.loadSources();
});

describe('synthetic corpus generator', () => {
  it('is deterministic by seed and varies names, encodings and figures', () => {
    const a = Array.from({ length: 14 }, (_, k) => gen.syntheticDocument(sources, k, 1));
    const again = Array.from({ length: 14 }, (_, k) => gen.syntheticDocument(sources, k, 1));
    expect(again.map((d) => d.path)).toEqual(a.map((d) => d.path));
    expect(again.every((d, k) => d.bytes.equals(a[k].bytes))).toBe(true);
    const other = gen.syntheticDocument(sources, 0, 2);
    expect(other.bytes.equals(a[0].bytes)).toBe(false);
    expect(new Set(a.map((d) => d.encoding)).size).toBeGreaterThanOrEqual(3);

    // document 0 is fixture 000 (湛河区's plan) about another county: neither 湛河区 nor 湛河 is left
    const county = /^000\/000000-(.+区)-000_/.exec(a[0].path)?.[1];
    expect(county).toBeDefined();
    const text = decodeText(a[0].bytes).text;
    expect(text).not.toContain('湛河');
    expect(text).toContain(`《${county}国民经济和社会发展第十四个五年规划`);
    // document 7 is fixture 000 again, about yet another county, and its figures differ
    expect(a[7].path).not.toContain(county!);
    expect(decodeText(a[7].bytes).text).not.toBe(text);
  });

  it('makes documents the pipeline reads: the new county is found as the subject region', async () => {
    const d = gen.syntheticDocument(sources, 4, 1); // fixture 004, the annual plan report
    const county = /-(.+区)-004_/.exec(d.path)?.[1];
    const r = await createPipeline().run('syn-4', { path: d.path, bytes: d.bytes });
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r.document.source.encoding).toBe(decodeText(d.bytes).encoding);
    expect(r.document.meta.docType).toBe('annual-plan-report');
    expect(r.document.meta.region.county).toBe(county);
    expect(r.document.meta.title).toContain(county);
  });
});
