#!/usr/bin/env node
// Where a document's time goes: runs the pipeline in this process over a folder of inputs for a few
// rounds (the first with a cold JIT, the last warm) and prints, for the last round, the milliseconds
// per document of every step (doc.step's stage/rule, its own time without the steps inside it), of
// ingest, of serializing the document, and of the rest (emit: assembly and zod validation; glue).
// Inputs: a folder (every round runs all of it), or by default a synthetic corpus of fixture-sized
// documents (seed 1), 120 new ones a round, so that no round re-reads what an earlier one memoized.
// Usage: npm run build && node scripts/profile-steps.mjs [DIR] [--rounds R]
// For a CPU profile of the same run: node --cpu-prof scripts/profile-steps.mjs ...
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(pathToFileURL(join(ROOT, 'dist', p)).href);
const { createPipeline } = await dist('pipeline/document.js');
const { DocContext } = await dist('core/context.js');
const { serialize } = await dist('pipeline/emit/write.js');

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 4;
let dir = args[0];
let scratch = null;
const PER_ROUND = 120;
if (!dir) {
  scratch = mkdtempSync(join(tmpdir(), 'plancorpus-profile-'));
  dir = scratch;
}
const fg = (await import('fast-glob')).default;
let all;
try {
  if (scratch) {
    // each round its own 120 documents: the process-wide memos (of shipped data and pure functions)
    // meet new names and numbers every round, as in a real build, instead of re-reading the same ones
    const { writeSyntheticCorpus } = await import('./synthetic-corpus.mjs');
    writeSyntheticCorpus(PER_ROUND * rounds, dir, 1);
  }
  const files = (await fg('**/*', { cwd: dir, onlyFiles: true })).sort();
  all = files.map((f) => ({ path: f, bytes: readFileSync(join(dir, f)) }));
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
// a folder given: every round runs all of it; the synthetic corpus: each round its own slice
const roundInputs = (r) => (scratch ? all.slice(r * PER_ROUND, (r + 1) * PER_ROUND) : all);

// time every step: its own time, less the steps run inside it
const self = new Map();
const stack = [];
const timed = (key, run) => {
  const t = performance.now();
  stack.push(0);
  const done = () => {
    const dt = performance.now() - t;
    const inner = stack.pop();
    if (stack.length) stack[stack.length - 1] += dt;
    self.set(key, (self.get(key) ?? 0) + dt - inner);
  };
  try {
    const r = run();
    if (r instanceof Promise) return r.finally(done);
    done();
    return r;
  } catch (e) {
    done();
    throw e;
  }
};
const { step, stepAsync } = DocContext.prototype;
DocContext.prototype.step = function (stage, rule, fn) {
  return timed(`${stage}/${rule}`, () => step.call(this, stage, rule, fn));
};
DocContext.prototype.stepAsync = function (stage, rule, fn) {
  return timed(`${stage}/${rule}`, () => stepAsync.call(this, stage, rule, fn));
};

const pipeline = createPipeline();
let total = 0;
let last = 0;
for (let r = 0; r < rounds; r++) {
  self.clear();
  const t0 = performance.now();
  const inputs = roundInputs(r);
  for (const [i, input] of inputs.entries()) {
    const res = await pipeline.run(`d${i}`, input);
    if (res.status === 'ok') timed('serialize', () => serialize(res.document));
  }
  total = performance.now() - t0;
  last = inputs.length;
  console.log(`round ${r + 1}${r === 0 ? ' (cold)' : ''}: ${(total / inputs.length).toFixed(2)} ms per document, ${((inputs.length / total) * 1000).toFixed(1)} documents/s`);
}
const per = (ms) => (ms / last).toFixed(2).padStart(7);
const measured = [...self.values()].reduce((a, b) => a + b, 0);
const rows = [...self, ['(rest: emit, validation, glue)', total - measured]].sort((a, b) => b[1] - a[1]);
console.log(`\nlast round, ${last} documents: ms per document (share)`);
for (const [k, v] of rows) console.log(`${k.padEnd(34)} ${per(v)}  ${((100 * v) / total).toFixed(1).padStart(5)}%`);
