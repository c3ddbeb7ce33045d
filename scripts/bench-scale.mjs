#!/usr/bin/env node
// Scale benchmark: makes a synthetic corpus of N documents (scripts/synthetic-corpus.mjs, seed 1) and
// times the real binary on it, each run a fresh process under /usr/bin/time -v (wall time, peak RSS):
//   fixed costs      node start-up alone (--version), a build of the five seed fixtures (median of 5),
//                    and a build of one document (start-up + dictionaries)
//   cold build       into an empty output folder
//   warm build       the same again with --force (inputs in the page cache, every document rebuilt and rewritten)
//   --workers 1 / 2  warm builds on worker threads
//   one core         warm builds pinned to one CPU (taskset -c 0), in this thread and on one worker:
//                    without the pin, V8's collector threads run on the second core beside the build;
//                    and on one worker with --compact (documents on one line), into a folder of its own
//   unchanged re-run nothing to do: every input hashed and compared with index.json
//   one changed      one input edited: that document alone rebuilt
// With --queue, instead: the same corpus through `plancorpus queue add` and 1, 2 and 4 `plancorpus worker`
// processes on a Redis started for the run (Debian redis-server), with the queue's overhead per document
// (the time a worker spends between jobs, from BullMQ's own timestamps, plus queue add's time per document).
// Run through `npm run bench:scale -- N` (which compiles first). Options: --queue, --quick, --keep (leave the temp folder), --seed S.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticCorpus } from './synthetic-corpus.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'plancorpus.js');
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 1).length > 0 : false;
};
const keep = flag('--keep');
const queueMode = flag('--queue');
const quick = flag('--quick'); // cold build, unchanged and one-changed re-runs only (for large N)
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : 1;
const n = Number(args[0] ?? 1000);
if (!Number.isInteger(n) || n < 2) {
  console.error('usage: npm run bench:scale -- N [--seed S] [--keep]   (N ≥ 2 documents)');
  process.exit(2);
}

/** Run the binary under /usr/bin/time -v: wall seconds and peak RSS in MB (threads included: RSS is per process). */
function timed(cmdArgs, { oneCore = false } = {}) {
  const command = [process.execPath, BIN, ...cmdArgs];
  const r = spawnSync('/usr/bin/time', ['-v', ...(oneCore ? ['taskset', '-c', '0'] : []), ...command], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const wall = /Elapsed \(wall clock\) time \([^)]*\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (!wall || !rss) throw new Error(`no timing from /usr/bin/time (is it installed?):\n${r.stderr}`);
  if (r.status !== 0 && r.status !== 1) throw new Error(`plancorpus ${cmdArgs.join(' ')} exited ${r.status}:\n${r.stderr}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { seconds, rssMb: Number(rss[1]) / 1024, stdout: r.stdout };
}

const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

const work = mkdtempSync(join(tmpdir(), 'plancorpus-scale-'));
// removed however the run ends, a failed build included, unless --keep
process.on('exit', () => (keep ? console.log(`kept ${work}`) : rmSync(work, { recursive: true, force: true })));
const inputs = join(work, 'in');
const out = join(work, 'out');
const t0 = performance.now();
const bytes = writeSyntheticCorpus(n, inputs, seed);
const mb = bytes / 1024 / 1024;
console.log(`synthetic corpus: ${n} documents, ${mb.toFixed(1)} MB (seed ${seed}), generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const line = (label, r, docs = n) =>
  console.log(`${label.padEnd(26)} ${r.seconds.toFixed(2).padStart(8)} s  ${(docs / r.seconds).toFixed(1).padStart(7)} documents/s  ${((mb * docs) / n / r.seconds).toFixed(2).padStart(6)} MB/s  peak RSS ${r.rssMb.toFixed(0)} MB`);

if (queueMode) await benchQueue();
else benchBuild();

function benchBuild() {
  const startup = timed(['--version']);
  console.log(`${'node start-up (--version)'.padEnd(26)} ${startup.seconds.toFixed(2).padStart(8)} s  peak RSS ${startup.rssMb.toFixed(0)} MB`);
  // the five seed fixtures (000…004, text), the start-up target's measure: median of 5 fresh builds
  const seeds = readdirSync(join(ROOT, 'fixtures')).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort().map((f) => join(ROOT, 'fixtures', f));
  const seedRuns = Array.from({ length: 5 }, () => timed(['build', ...seeds, '--out', join(work, 'seeds'), '-q', '--force'])).sort((a, b) => a.seconds - b.seconds);
  console.log(`${`${seeds.length} text fixtures (fresh)`.padEnd(26)} ${seedRuns[2].seconds.toFixed(2).padStart(8)} s  peak RSS ${seedRuns[2].rssMb.toFixed(0)} MB  (median of 5; min ${seedRuns[0].seconds.toFixed(2)} s, max ${seedRuns[4].seconds.toFixed(2)} s)`);
  const first = walk(inputs).sort()[0];
  const one = timed(['build', first, '--out', join(work, 'one'), '-q']);
  console.log(`${'one document (fixed cost)'.padEnd(26)} ${one.seconds.toFixed(2).padStart(8)} s  peak RSS ${one.rssMb.toFixed(0)} MB`);

  // this thread (--workers 0), so that the steady-state figures are one core's; auto (the default) is timed below
  const cold = timed(['build', inputs, '--out', out, '-q', '--workers', '0']);
  line('cold build, one thread', cold);
  console.log(`${'steady state, cold'.padEnd(26)} ${((cold.seconds - one.seconds) / (n - 1) * 1000).toFixed(1).padStart(8)} ms per document after the fixed cost`);
  if (!quick) {
    const warm = timed(['build', inputs, '--out', out, '-q', '--force', '--workers', '0']);
    line('warm build (--force)', warm);
    console.log(`${'steady state, warm'.padEnd(26)} ${((warm.seconds - one.seconds) / (n - 1) * 1000).toFixed(1).padStart(8)} ms per document after the fixed cost`);
    for (const w of ['1', '2', 'auto']) line(`warm build, --workers ${w}`, timed(['build', inputs, '--out', out, '-q', '--force', '--workers', w]));
    if (spawnSync('taskset', ['-c', '0', 'true']).status === 0) {
      for (const w of ['0', '1']) line(`one core, --workers ${w}`, timed(['build', inputs, '--out', out, '-q', '--force', '--workers', w], { oneCore: true }));
      line('one core, w1, --compact', timed(['build', inputs, '--out', join(work, 'compact'), '-q', '--workers', '1', '--compact'], { oneCore: true }));
    } else console.log('one core: skipped (no taskset)');
  }

  const index = readFileSync(join(out, 'index.json'), 'utf8');
  const unchanged = timed(['build', inputs, '--out', out, '-q']);
  line('unchanged re-run', unchanged);
  if (readFileSync(join(out, 'index.json'), 'utf8') !== index) throw new Error('an unchanged re-run changed index.json');

  appendFileSync(first, '\n');
  const before = new Map(walk(out).map((f) => [f, statSync(f).ino]));
  const changed = timed(['build', inputs, '--out', out, '-q']);
  const rewritten = walk(out).filter((f) => before.get(f) !== statSync(f).ino).map((f) => f.slice(out.length + 1));
  line('one input changed', changed);
  console.log(`${''.padEnd(26)} files rewritten: ${rewritten.sort().join(', ')}`);
}

/** The corpus through the queue with 1, 2 and 4 worker processes. */
async function benchQueue() {
  spawnSync('bash', [join(ROOT, 'scripts', 'ensure-apt.sh'), 'redis-server'], { stdio: 'inherit' });
  const { Queue } = await import('bullmq');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', work, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const redis = `redis://127.0.0.1:${port}`;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  await sleep(500);
  try {
    for (const workers of [1, 2, 4]) {
      const name = `bench${workers}`;
      const qOut = join(work, `queued-${workers}`);
      const t0 = performance.now();
      const add = spawnSync(process.execPath, [BIN, 'queue', 'add', inputs, '--out', qOut, '--redis', redis, '--queue', name, '-q'], { encoding: 'utf8' });
      if (add.status !== 0) throw new Error(`queue add failed: ${add.stderr}`);
      const addSeconds = (performance.now() - t0) / 1000;
      const procs = Array.from({ length: workers }, () => spawn(process.execPath, [BIN, 'worker', '--redis', redis, '--queue', name, '-q'], { stdio: 'ignore' }));
      const queue = new Queue(name, { connection: { url: redis } });
      let peak = 0;
      for (;;) {
        const c = await queue.getJobCounts('completed', 'failed');
        for (const p of procs) {
          const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'));
          if (m) peak = Math.max(peak, Number(m[1]) / 1024);
        }
        if (c.completed + c.failed >= n) break;
        await sleep(200);
      }
      const wall = (performance.now() - t0) / 1000;
      const jobs = await queue.getCompleted(0, n);
      const first = Math.min(...jobs.map((j) => j.processedOn));
      const last = Math.max(...jobs.map((j) => j.finishedOn));
      await queue.close();
      for (const p of procs) p.kill('SIGTERM');
      await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r() : p.once('exit', r)))));
      const collect = spawnSync(process.execPath, [BIN, 'queue', 'collect', '--out', qOut, '--redis', redis, '--queue', name, '-q'], { encoding: 'utf8' });
      if (collect.status !== 0 && collect.status !== 1) throw new Error(`queue collect failed: ${collect.stderr}`);
      const steady = (jobs.length / ((last - first) / 1000)).toFixed(1);
      console.log(`queue, ${workers} worker process${workers > 1 ? 'es' : ''}`.padEnd(26) + ` ${wall.toFixed(2).padStart(8)} s  ${(n / wall).toFixed(1).padStart(7)} documents/s (${steady}/s from first job to last)  peak RSS per worker ≤ ${peak.toFixed(0)} MB`);
      console.log(`${''.padEnd(26)} queue add: ${((addSeconds * 1000) / n).toFixed(2)} ms/document (hashing the input, one job each)`);
    }
    // the queue's own cost per job: the same number of jobs through BullMQ with a processor that does nothing
    const { Worker } = await import('bullmq');
    const noop = new Queue('bench-noop', { connection: { url: redis } });
    await noop.addBulk(Array.from({ length: n }, (_, k) => ({ name: 'document', data: { k }, opts: { jobId: `noop-${k}` } })));
    const t1 = performance.now();
    let finished = 0;
    const w = new Worker('bench-noop', async () => ({ ok: true }), { connection: { url: redis, maxRetriesPerRequest: null } });
    await new Promise((r) => w.on('completed', () => ++finished === n && r()));
    const perJob = (performance.now() - t1) / n;
    await w.close();
    await noop.close();
    console.log(`${'queue overhead'.padEnd(26)} ${perJob.toFixed(2)} ms per job (fetch, lock, complete; BullMQ with an empty processor)`);
  } finally {
    server.kill('SIGTERM');
  }
}
