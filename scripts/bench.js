#!/usr/bin/env node
// Benchmark: builds the corpus from fixtures (or the given inputs) several times and reports
// MB/s of source text, documents/s and peak RSS, for the whole build and for the text stages alone.
// Run through `npm run bench` (which compiles first). Usage: node scripts/bench.js [--runs N] [--workers N] [inputs…]
// Then the PDF benchmark of scripts/bench-pdf.js: the rendered fixture 000 next to pdftotext -layout.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCorpus, resolveInputs } from '../dist/corpus/build.js';
import { DocContext } from '../dist/core/context.js';
import { normalize } from '../dist/pipeline/normalize/index.js';
import { segment } from '../dist/pipeline/segment/index.js';
import { decodeText } from '../dist/pipeline/ingest/decode.js';

const args = process.argv.slice(2);
let runs = 7;
let workers = 0;
const inputs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--workers') workers = Number(args[++i]);
  else inputs.push(args[i]);
}
if (inputs.length === 0) inputs.push('fixtures');

let peak = process.memoryUsage().rss;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);

const { inputs: files } = await resolveInputs(inputs, process.cwd());
const texts = [];
let textBytes = 0;
for (const f of files) {
  const bytes = await readFile(f.file);
  textBytes += bytes.length;
  if (f.file.endsWith('.txt')) texts.push({ path: f.path, text: decodeText(bytes).text, bytes: bytes.length });
}
const mb = (n) => n / 1024 / 1024;

// text stages alone (normalize + segment, no OCR, no I/O), on the text inputs
const textStageBytes = texts.reduce((a, t) => a + t.bytes, 0);
for (const t of texts) { const d = new DocContext(t.path, t.text); segment(normalize(t, d, { ocr: null }), d); } // warm-up
const ts = [];
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  for (const t of texts) {
    const doc = new DocContext(t.path, t.text);
    segment(normalize(t, doc, { ocr: null }), doc);
  }
  ts.push(performance.now() - t0);
}

// PDF extraction alone
const { extractPdfText } = await import('../dist/pipeline/ingest/pdf.js');
const pdfs = [];
for (const f of files) if (f.file.toLowerCase().endsWith('.pdf')) pdfs.push(await readFile(f.file));
let pdfLine = null;
if (pdfs.length > 0) {
  for (const b of pdfs) await extractPdfText(b); // warm-up
  let pages = 0;
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) for (const b of pdfs) pages += (await extractPdfText(b)).pages;
  const s = (performance.now() - t0) / 1000;
  pdfLine = `PDF extraction (pdfjs): ${pages / runs} pages, ${(pages / s).toFixed(1)} pages/s`;
}

// whole build: ingest, all stages including OCR and tables, validation, atomic writes
const out = await mkdtemp(join(tmpdir(), 'plancorpus-bench-'));
const bs = [];
try {
  await buildCorpus({ inputs, outDir: out, workers, force: true }); // warm-up: dictionaries, gazetteer, pdfjs
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await buildCorpus({ inputs, outDir: out, workers, force: true });
    bs.push(performance.now() - t0);
  }
} finally {
  await rm(out, { recursive: true, force: true });
}
clearInterval(sample);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tText = median(ts) / 1000;
const tBuild = median(bs) / 1000;
console.log(`inputs: ${files.length} documents, ${mb(textBytes).toFixed(2)} MB (${texts.length} text files, ${mb(textStageBytes).toFixed(2)} MB); ${runs} runs, median`);
console.log(`text stages (normalize + segment, one core): ${(tText * 1000).toFixed(0)} ms, ${(mb(textStageBytes) / tText).toFixed(2)} MB/s, ${(texts.length / tText).toFixed(1)} documents/s`);
console.log(`full build (ingest … emit, OCR and tables included${workers > 1 ? `, ${workers} workers` : ', one thread'}): ${(tBuild * 1000).toFixed(0)} ms, ${(mb(textBytes) / tBuild).toFixed(2)} MB/s, ${(files.length / tBuild).toFixed(1)} documents/s`);
if (pdfLine) console.log(pdfLine);
console.log(`peak RSS: ${mb(peak).toFixed(0)} MB`);

// the PDF side by side with poppler's pdftotext -layout (fresh processes, start-up included)
const { benchPdf } = await import('./bench-pdf.js');
for (const l of await benchPdf({ runs: Math.min(runs, 5) })) console.log(l);
