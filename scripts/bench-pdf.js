// PDF benchmark, side by side with poppler's `pdftotext -layout` on the same file in one run:
// whole-build wall time of one fresh process (start-up included), its peak RSS and pages/s, for the
// rendered fixture 000 (56 pages) and for 336-page PDFs made of six copies of it: by pdfunite, which
// keeps each copy's fonts (6 × 8 embedded font programs to parse), and by qpdf, which shares them as
// one long document does (pages are read one at a time, so the peak should not grow with the page
// count); ingest pages/s in process.
// Next to them, the floors under the build, measured in the same rounds: Node's start-up, loading
// pdfjs, and pdfjs alone reading the file (scripts/bench-pdfjs-floor.mjs: no plancorpus code), and
// the part of the build that is jieba's dictionary load (normalize's traditional-character step).
// Every command runs once per round, in turn, so that a machine whose speed drifts slows all alike;
// figures are medians over the rounds (× pdftotext: the median of the per-round ratios).
// Used by scripts/bench.js; standalone: node scripts/bench-pdf.js [--runs N] [file.pdf] (after npm run build)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Wall time (s) and peak RSS (MB) of one command, measured by GNU time; its stdout. */
function measure(cmd, args) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', cwd: root });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { wall, rss: kb / 1024, stdout: r.stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Each command once per round, in turn; per command the list of measurements. */
function rounds(commands, runs) {
  const out = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let r = 0; r < runs; r++) for (const [k, [cmd, args]] of Object.entries(commands)) out[k].push(measure(cmd, args));
  return out;
}

/** Milliseconds a fresh process takes to load jieba's dictionary as normalize's traditional step does (first dictCharFrequency call), and the memory it keeps (heap and array buffers: the table is a SharedArrayBuffer). */
function dictionaryLoad() {
  const url = pathToFileURL(join(root, 'dist', 'core', 'lexicon', 'jieba-dict.js')).href;
  const code = `const m = await import(${JSON.stringify(url)}); const used = () => { const u = process.memoryUsage(); return u.heapUsed + u.arrayBuffers; }; globalThis.gc?.(); const h = used(); const t = performance.now(); m.dictCharFrequency('的'); const ms = performance.now() - t; globalThis.gc?.(); console.log(JSON.stringify({ ms, mb: (used() - h) / 1048576 }));`;
  return JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', code], { encoding: 'utf8' }));
}

const s2 = (x) => x.toFixed(2);

export async function benchPdf({ runs = 5, file = join(root, 'fixtures', 'pdf', 'rendered-000.pdf') } = {}) {
  execFileSync('bash', [join(root, 'scripts', 'ensure-apt.sh'), 'poppler-utils', 'qpdf', 'time'], { stdio: 'inherit' });
  const { extractPdfText } = await import('../dist/pipeline/ingest/pdf.js');
  const work = mkdtempSync(join(tmpdir(), 'plancorpus-bench-pdf-'));
  const lines = [];
  const node = process.execPath;
  const workerUrl = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'legacy', 'build', 'pdf.worker.mjs')).href;
  const floor = join(root, 'scripts', 'bench-pdfjs-floor.mjs');
  try {
    const big = join(work, 'x6.pdf');
    execFileSync('pdfunite', [file, file, file, file, file, file, big]);
    const shared = join(work, 'x6-shared.pdf');
    execFileSync('qpdf', ['--empty', '--pages', file, file, file, file, file, file, '--', shared]);
    const dict = Array.from({ length: runs }, dictionaryLoad);
    const dictMs = median(dict.map((d) => d.ms));
    const dictMb = median(dict.map((d) => d.mb));
    for (const [name, pdf] of [
      [file.replace(root + '/', ''), file],
      ['six copies of it (pdfunite: 48 fonts)', big],
      ['six copies of it (qpdf: its 8 fonts shared)', shared],
    ]) {
      const bytes = readFileSync(pdf);
      // ingest alone, in this process (pdfjs loaded by a warm-up)
      const { pages } = await extractPdfText(bytes);
      const t0 = performance.now();
      for (let r = 0; r < runs; r++) await extractPdfText(bytes);
      const ingest = (pages * runs) / ((performance.now() - t0) / 1000);
      const m = rounds(
        {
          poppler: ['pdftotext', ['-layout', pdf, join(work, 'out.txt')]],
          build: [node, [join(root, 'bin', 'plancorpus.js'), 'build', pdf, '--out', join(work, 'corpus'), '--quiet', '--force']],
          start: [node, ['-e', '0']],
          load: [node, ['--input-type=module', '-e', `await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import(${JSON.stringify(workerUrl)})])`]],
          text: [node, [floor, pdf]],
          ops: [node, [floor, pdf, '--ops']],
        },
        runs,
      );
      const wall = (k) => median(m[k].map((x) => x.wall));
      const ratio = (k) => median(m[k].map((x, i) => x.wall / m.poppler[i].wall));
      const rss = (k) => `${median(m[k].map((x) => x.rss)).toFixed(0)} MB (max ${Math.max(...m[k].map((x) => x.rss)).toFixed(0)})`;
      const row = (label, k) => `  ${label.padEnd(58)} ${s2(wall(k))} s (${ratio(k).toFixed(1)}× pdftotext), ${(pages / wall(k)).toFixed(1)} pages/s, ${rss(k)}`;
      lines.push(`PDF ${name}: ${pages} pages; ${runs} rounds of fresh processes, each command once a round: median wall time, peak RSS median (max)`);
      lines.push(`  ${'pdftotext -layout'.padEnd(58)} ${s2(wall('poppler'))} s, ${(pages / wall('poppler')).toFixed(1)} pages/s, ${rss('poppler')}`);
      lines.push(row('plancorpus build (start-up, ingest … emit)', 'build'));
      lines.push(`    of which jieba's dictionary load (normalize, traditional step): ≈ ${(dictMs / 1000).toFixed(2)} s, ${dictMb.toFixed(0)} MB kept`);
      lines.push(`  floors under the build, same rounds:`);
      lines.push(`  ${'  node start-up (node -e 0)'.padEnd(58)} ${s2(wall('start'))} s`);
      lines.push(`  ${'  node start-up and loading pdfjs (pdf.mjs and its worker)'.padEnd(58)} ${s2(wall('load'))} s`);
      lines.push(row('  pdfjs alone: text content of every page', 'text'));
      lines.push(row('  pdfjs alone: text content and operator list', 'ops'));
      lines.push(`  plancorpus ingest alone (pdfjs geometry, in process, warm): ${ingest.toFixed(1)} pages/s`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let runs = 5;
  let file;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--runs') runs = Number(args[++i]);
    else file = args[i];
  }
  for (const l of await benchPdf({ runs, ...(file ? { file } : {}) })) console.log(l);
}
