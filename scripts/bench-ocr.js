#!/usr/bin/env node
// OCR share of the build. Times (1) the OCR step alone (detectSubject + ocrCorrections) over the
// text inputs, and (2) whole builds of the same inputs with and without the OCR step, each in a
// fresh process (in one process, garbage collection of one build lands in the next and blurs the
// difference). Each after a warm-up that loads the dictionaries, the gazetteer and the data.
// Run after `npm run build`. Usage: node scripts/bench-ocr.js [--runs N] [inputs…] (default: fixtures)
import { spawnSync } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildCorpus, resolveInputs } from '../dist/corpus/build.js';
import { detectSubject, ocrCorrections, defaultRules } from '../dist/pipeline/normalize/ocr/index.js';
import { ocrHooks } from '../dist/pipeline/normalize/ocr/step.js';
import { confusionIndex } from '../dist/pipeline/normalize/ocr/confusion-index.js';
import { loadGazetteer } from '../dist/core/gazetteer/index.js';
import { decodeText } from '../dist/pipeline/ingest/decode.js';

const args = process.argv.slice(2);
let runs = 5;
let mode = null;
const inputs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--build') mode = args[++i];
  else inputs.push(args[i]);
}
if (inputs.length === 0) inputs.push('fixtures');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const files = await resolveInputs(inputs, process.cwd());

if (mode) {
  // child: median build time, with or without the OCR step
  const hooks = mode === 'with' ? ocrHooks() : undefined;
  const out = await mkdtemp(join(tmpdir(), 'plancorpus-bench-ocr-'));
  const build = () => buildCorpus({ inputs: files.map((f) => f.file), outDir: out, hooks, workers: 0 });
  const ts = [];
  try {
    await build();
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      await build();
      ts.push(performance.now() - t0);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  console.log(median(ts).toFixed(1));
} else {
  const texts = [];
  for (const f of files) if (f.file.endsWith('.txt')) texts.push(decodeText(await readFile(f.file)).text);
  const g = loadGazetteer();
  const rules = defaultRules();
  const index = confusionIndex(rules.confusions); // as the step passes it
  const ocrOnce = () => {
    let subjectMs = 0;
    let correctMs = 0;
    for (const text of texts) {
      const t0 = performance.now();
      const subject = detectSubject(text, g, index);
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
  const subject = median(o.map((x) => x.subjectMs));
  const correct = median(o.map((x) => x.correctMs));
  const child = (m) => {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--runs', String(runs), '--build', m, ...inputs], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return Number(r.stdout.trim().split('\n').pop());
  };
  const withOcr = child('with');
  const without = child('without');
  console.log(`${files.length} inputs (${texts.length} text files); ${runs} runs, median`);
  console.log(`OCR step alone on the text files: ${(subject + correct).toFixed(0)} ms (detectSubject ${subject.toFixed(0)} ms, ocrCorrections ${correct.toFixed(0)} ms)`);
  console.log(`build, one thread: ${withOcr.toFixed(0)} ms with OCR, ${without.toFixed(0)} ms without`);
  console.log(`OCR share of the build: ${((100 * (withOcr - without)) / withOcr).toFixed(1)}% (build difference), ${((100 * (subject + correct)) / withOcr).toFixed(1)}% (step alone / build with OCR)`);
}
