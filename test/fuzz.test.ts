/**
 * Seeded mutations of the real fixtures through the whole pipeline (OCR included): no crash, no
 * hang; every failure is a coded per-document error; every built document validates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline/document.js';
import { PlanDocument } from '../schemas/document.js';
import { FIXTURES, FIXTURE_FILES, fixtureBytes, seededRandom } from './helpers.js';


type Mutation = (b: Buffer, r: () => number) => Buffer;
const int = (r: () => number, n: number): number => Math.floor(r() * n);

/** Structure-bearing text a mutation may splice in: markers the segmenter and table reader act on. */
const MARKERS = ['第一章 ', '第二节 ', '一、', '（一）', '1.', '专栏1 ', '表1 主要指标', '\t', '  ', '——', '［', '】', '注：', '\f', '\u200b', '目 录', '……12', '**', '_{2}', '\r', '\ufeff', '〇', '%', '[5]'];

const MUTATIONS: Record<string, Mutation> = {
  'flip bytes': (b, r) => {
    const c = Buffer.from(b);
    for (let k = 1 + int(r, 20); k > 0; k--) c[int(r, c.length)] ^= 1 << int(r, 8);
    return c;
  },
  truncate: (b, r) => b.subarray(0, int(r, b.length)),
  'shuffle lines': (b, r) => {
    const lines = b.toString('utf8').split('\n');
    for (let i = lines.length - 1; i > 0; i--) {
      const j = int(r, i + 1);
      [lines[i], lines[j]] = [lines[j], lines[i]];
    }
    return Buffer.from(lines.join('\n'));
  },
  'random unicode': (b, r) => {
    const s = b.toString('utf8');
    const at = int(r, s.length);
    let ins = '';
    for (let k = 1 + int(r, 30); k > 0; k--) {
      const cp = r() < 0.5 ? int(r, 0x3000) : int(r, 0x10ffff);
      ins += cp >= 0xd800 && cp <= 0xdfff ? '\ufffd' : String.fromCodePoint(cp);
    }
    return Buffer.from(s.slice(0, at) + ins + s.slice(at));
  },
  'random bytes': (b, r) => {
    const noise = Buffer.alloc(1 + int(r, 200));
    for (let i = 0; i < noise.length; i++) noise[i] = int(r, 256);
    const at = int(r, b.length);
    return Buffer.concat([b.subarray(0, at), noise, b.subarray(at)]);
  },
  markers: (b, r) => {
    const s = b.toString('utf8');
    let out = s;
    for (let k = 1 + int(r, 12); k > 0; k--) {
      const at = int(r, out.length);
      out = out.slice(0, at) + MARKERS[int(r, MARKERS.length)] + out.slice(at);
    }
    return Buffer.from(out);
  },
  'repeat a region': (b, r) => {
    const a = int(r, b.length);
    const z = Math.min(b.length, a + int(r, 400));
    return Buffer.concat([b.subarray(0, z), ...Array.from({ length: 2 + int(r, 30) }, () => b.subarray(a, z)), b.subarray(z)]);
  },
};

/** A window of a fixture's text: small inputs keep a thousand cases fast while covering every part of the documents. */
function windowOf(bytes: Buffer, r: () => number): Buffer {
  const text = bytes.toString('utf8');
  const at = int(r, Math.max(1, text.length - 4000));
  return Buffer.from(text.slice(at, at + 1000 + int(r, 3000)));
}

const CODE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

describe('seeded mutations of the fixtures through the whole pipeline', () => {
  const pipeline = createPipeline();

  it('1,000 text cases: no crash and no hang; failures are coded; documents validate', async () => {
    const r = seededRandom(13);
    const names = Object.keys(FIXTURE_FILES).sort().filter((n) => n !== 'gbk');
    const tally: Record<string, number> = {};
    for (let i = 0; i < 1000; i++) {
      const base = windowOf(fixtureBytes(names[i % names.length]), r);
      const kinds = Object.keys(MUTATIONS);
      const kind = kinds[int(r, kinds.length)];
      const input = MUTATIONS[kind](base, r);
      const t = performance.now();
      const result = await pipeline.run(`case-${i}`, { path: `case-${i}.txt`, bytes: input });
      const ms = performance.now() - t;
      expect(ms, `case ${i} (${kind}) took ${ms} ms`).toBeLessThan(10_000);
      if (result.status === 'failed') {
        expect(result.error.code, `case ${i} (${kind}): ${result.error.message}`).toMatch(CODE);
        expect(result.error.code, `case ${i} (${kind}) crashed: ${result.error.message}`).not.toBe('internal-error');
        tally[result.error.code] = (tally[result.error.code] ?? 0) + 1;
      } else {
        const check = PlanDocument.safeParse(JSON.parse(JSON.stringify(result.document)));
        expect(check.success, `case ${i} (${kind})`).toBe(true);
        tally.ok = (tally.ok ?? 0) + 1;
      }
    }
    expect(tally.ok).toBeGreaterThan(500);
  }, 600_000);

  it('80 PDF cases with random bytes: no crash and no hang; failures are coded', async () => {
    const r = seededRandom(29);
    const pdf = readFileSync(join(FIXTURES, 'pdf', 'zhanhe-excerpt.pdf'));
    for (let i = 0; i < 80; i++) {
      const kind = i % 3 === 0 ? 'truncate' : i % 3 === 1 ? 'flip bytes' : 'random bytes';
      const input = MUTATIONS[kind](pdf, r);
      const t = performance.now();
      const result = await pipeline.run(`pdf-${i}`, { path: `pdf-${i}.pdf`, bytes: input });
      expect(performance.now() - t, `pdf case ${i} (${kind})`).toBeLessThan(20_000);
      if (result.status === 'failed') {
        expect(result.error.code, `pdf case ${i} (${kind}): ${result.error.message}`).toMatch(CODE);
        expect(result.error.code, `pdf case ${i} (${kind}) crashed: ${result.error.message}`).not.toBe('internal-error');
      } else {
        expect(PlanDocument.safeParse(JSON.parse(JSON.stringify(result.document))).success).toBe(true);
      }
    }
  }, 600_000);
});
