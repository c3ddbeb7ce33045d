// PDF benchmark, side by side with poppler's `pdftotext -layout` on the same file in one run:
// ingest pages/s, whole-build wall time of one fresh process (start-up included) and its peak RSS,
// for the rendered fixture 000 (56 pages) and for a 336-page PDF made of six copies of it (pages are
// read one at a time, so the peak should not grow with the page count).
// Used by scripts/bench.js; standalone: node scripts/bench-pdf.js [--runs N] [file.pdf]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Wall time (s) and peak RSS (MB) of one command, measured by GNU time. */
function measure(cmd, args) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { wall, rss: kb / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function side(label, pages, runs, cmd, args) {
  const m = Array.from({ length: runs }, () => measure(cmd, args));
  const wall = median(m.map((x) => x.wall));
  const rss = Math.max(...m.map((x) => x.rss));
  return { label, wall, rss, pagesPerSecond: pages / wall };
}

export async function benchPdf({ runs = 3, file = join(root, 'fixtures', 'pdf', 'rendered-000.pdf') } = {}) {
  execFileSync('bash', [join(root, 'scripts', 'ensure-apt.sh'), 'poppler-utils', 'time'], { stdio: 'inherit' });
  const { extractPdfText } = await import('../dist/pipeline/ingest/pdf.js');
  const work = mkdtempSync(join(tmpdir(), 'plancorpus-bench-pdf-'));
  const lines = [];
  try {
    const big = join(work, 'x6.pdf');
    execFileSync('pdfunite', [file, file, file, file, file, file, big]);
    for (const [name, pdf] of [
      [file.replace(root + '/', ''), file],
      ['six copies of it', big],
    ]) {
      const bytes = readFileSync(pdf);
      // ingest alone, in this process (pdfjs loaded by a warm-up)
      const { pages } = await extractPdfText(bytes);
      const t0 = performance.now();
      for (let r = 0; r < runs; r++) await extractPdfText(bytes);
      const ingest = (pages * runs) / ((performance.now() - t0) / 1000);
      const poppler = side('pdftotext -layout', pages, runs, 'pdftotext', ['-layout', pdf, join(work, 'out.txt')]);
      const build = side('plancorpus build', pages, runs, process.execPath, [join(root, 'bin', 'plancorpus.js'), 'build', pdf, '--out', join(work, 'corpus'), '--quiet', '--force']);
      lines.push(`PDF ${name}: ${pages} pages, ${runs} runs, median wall time of a fresh process, peak RSS`);
      lines.push(`  pdftotext -layout: ${poppler.wall.toFixed(2)} s, ${poppler.pagesPerSecond.toFixed(1)} pages/s, ${poppler.rss.toFixed(0)} MB`);
      lines.push(`  plancorpus ingest (pdfjs geometry, in process): ${ingest.toFixed(1)} pages/s`);
      lines.push(`  plancorpus build (start-up, ingest … emit): ${build.wall.toFixed(2)} s (${(build.wall / poppler.wall).toFixed(1)}× pdftotext), ${build.pagesPerSecond.toFixed(1)} pages/s, ${build.rss.toFixed(0)} MB`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let runs = 3;
  let file;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--runs') runs = Number(args[++i]);
    else file = args[i];
  }
  for (const l of await benchPdf({ runs, ...(file ? { file } : {}) })) console.log(l);
}
