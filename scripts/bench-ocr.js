#!/usr/bin/env node
// OCR share of the build: times the OCR step (detectSubject + ocrCorrections) over the text inputs
// and the build with the OCR step against the build without it of the same inputs (one thread), after a warm-up that loads the
// dictionaries, the gazetteer and the look-alike data. Run after `npm run build`.
// Usage: node scripts/bench-ocr.js [--runs N] [inputs…]   (default: fixtures)
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCorpus, resolveInputs } from '../dist/corpus/build.js';
import { detectSubject, ocrCorrections, defaultRules } from '../dist/pipeline/normalize/ocr/index.js';
import { ocrHooks } from '../dist/pipeline/normalize/ocr/step.js';
import { loadGazetteer } from '../dist/core/gazetteer/index.js';
import { decodeText } from '../dist/pipeline/ingest/decode.js';

const args = process.argv.slice(2);
let runs = 5;
const inputs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else inputs.push(args[i]);
}
if (inputs.length === 0) inputs.push('fixtures');
const files = (await resolveInputs(inputs, process.cwd())).filter((f) => f.file.endsWith('.txt'));
const texts = [];
for (const f of files) texts.push(decodeText(await readFile(f.file)).text);
const g = loadGazetteer();
const rules = defaultRules();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const ocrOnce = () => {
  let subjectMs = 0;
  let correctMs = 0;
  for (const text of texts) {
    const t0 = performance.now();
    const subject = detectSubject(text, g);
    const t1 = performance.now();
    ocrCorrections(text, { subject, rules, gazetteer: g });
    correctMs += performance.now() - t1;
    subjectMs += t1 - t0;
  }
  return { subjectMs, correctMs };
};
ocrOnce(); // warm-up
const o = [];
for (let r = 0; r < runs; r++) o.push(ocrOnce());

const hooks = ocrHooks();
const out = await mkdtemp(join(tmpdir(), 'plancorpus-bench-ocr-'));
const buildInputs = files.map((f) => f.file);
await buildCorpus({ inputs: buildInputs, outDir: out, hooks, workers: 0 });
const bs = [];
const ns = [];
for (let r = 0; r < runs; r++) {
  let t0 = performance.now();
  await buildCorpus({ inputs: buildInputs, outDir: out, hooks, workers: 0 });
  bs.push(performance.now() - t0);
  t0 = performance.now();
  await buildCorpus({ inputs: buildInputs, outDir: out, workers: 0 });
  ns.push(performance.now() - t0);
}
await rm(out, { recursive: true, force: true });
const subject = median(o.map((x) => x.subjectMs));
const correct = median(o.map((x) => x.correctMs));
const build = median(bs);
const noOcr = median(ns);
console.log(`${texts.length} text files; ${runs} runs, median`);
console.log(`OCR step: ${(subject + correct).toFixed(0)} ms (detectSubject ${subject.toFixed(0)} ms, ocrCorrections ${correct.toFixed(0)} ms)`);
console.log(`full build of the same files (one thread): ${build.toFixed(0)} ms with OCR, ${noOcr.toFixed(0)} ms without`);
console.log(`OCR share of the build: ${((100 * (build - noOcr)) / build).toFixed(1)}% (build difference), ${((100 * (subject + correct)) / build).toFixed(1)}% (step timed alone on the raw texts)`);
