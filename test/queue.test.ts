/**
 * The queue end to end on a real Redis: the fixtures plus a synthetic batch are added as BullMQ
 * jobs, two worker processes (the real binary) build them, one is SIGKILLed while it holds a job,
 * and the collected corpus must equal a one-machine `plancorpus build` byte for byte.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync, type Dirent } from 'node:fs';
import { createServer, connect } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Queue } from 'bullmq';
import { ROOT, FIXTURES, childProcesses, sharedScratchFolders } from './helpers.js';
import { queueStatus } from '../corpus/queue/client.js';

const run = promisify(execFile);
const BIN = join(ROOT, 'bin', 'plancorpus.js');
const QUEUE = 'test';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

const reachable = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const c = connect(port, '127.0.0.1', () => {
      c.end();
      resolve(true);
    }).on('error', () => resolve(false));
  });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const files = (dir: string): Record<string, string> => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

interface RunningWorker {
  child: ChildProcess;
  stdout: string;
}

/** the workers a test starts, killed after it if it ended before stopping them */
const started = childProcesses();

function startWorker(redis: string, queue = QUEUE, extra: string[] = []): RunningWorker {
  const child = started(spawn(process.execPath, [BIN, 'worker', '--redis', redis, '--queue', queue, '--lock-duration', '5000', '--stalled-interval', '2000', ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }));
  const w: RunningWorker = { child, stdout: '' };
  child.stdout!.on('data', (d: Buffer) => (w.stdout += d.toString()));
  child.stderr!.resume();
  return w;
}

type QueueStatus = Awaited<ReturnType<typeof queueStatus>>;

/** The queue's status once `done` holds of it, or after a minute. */
async function statusWhen(queue: string, done: (s: QueueStatus) => boolean): Promise<QueueStatus> {
  let status = await queueStatus({ redis, queue });
  for (let i = 0; i < 600 && !done(status); i++) {
    await sleep(100);
    status = await queueStatus({ redis, queue });
  }
  return status;
}

const exited = (c: ChildProcess): Promise<void> => (c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', () => r())));

const work = sharedScratchFolders('queue')();
let redis: string;
let server: ChildProcess;

beforeAll(async () => {
  execFileSync('bash', [join(ROOT, 'scripts', 'ensure-apt.sh'), 'redis-server'], { stdio: 'inherit' });
  const port = await freePort();
  mkdirSync(join(work, 'redis'));
  server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', join(work, 'redis'), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await reachable(port)); i++) await sleep(50);
  redis = `redis://127.0.0.1:${port}`;
}, 120_000);

afterAll(async () => {
  server?.kill('SIGTERM');
  if (server) await exited(server);
});

describe('plancorpus queue and worker over a real Redis', () => {
  it('a Redis that cannot be reached is a fatal error naming it (exit 2), not a hang', async () => {
    const closed = `redis://127.0.0.1:${await freePort()}`;
    for (const args of [['queue', 'status'], ['queue', 'add', join(FIXTURES, '004_28dd4271f70e694a.txt'), '--out', join(work, 'never')], ['worker']]) {
      const r = await cli([...args, '--redis', closed]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`plancorpus: cannot use Redis at ${closed}: connection refused (is redis-server running there?)`);
    }
  });

  it('builds every document exactly once despite a worker killed mid-job, and collects the one-machine corpus', async () => {
    // inputs: the fixtures and a synthetic batch, on the "shared folder"
    const inputs = join(work, 'in');
    cpSync(FIXTURES, inputs, { recursive: true });
    const gen = (await import(pathToFileURL(join(ROOT, 'scripts', 'synthetic-corpus.mjs')).href)) as { writeSyntheticCorpus(n: number, dir: string, seed: number): number };
    gen.writeSyntheticCorpus(10, join(inputs, 'synthetic'), 7);
    // every file of the folder is an input (the fixtures of every format, and the synthetic batch)
    const n = (readdirSync(inputs, { recursive: true, withFileTypes: true }) as Dirent[]).filter((e) => e.isFile() && !e.name.startsWith('.')).length;
    const queued = join(work, 'queued');
    const local = join(work, 'local');

    const added = await cli(['queue', 'add', inputs, '--redis', redis, '--queue', QUEUE, '--out', queued, '--format', 'json']);
    expect(added.code).toBe(0);
    const total = (JSON.parse(added.stdout) as { documents: number; added: number }).documents;
    expect(total).toBe(n);
    // adding again is idempotent: the job ids are content hash + pipeline version + destination
    const again = await cli(['queue', 'add', inputs, '--redis', redis, '--queue', QUEUE, '--out', queued, '--format', 'json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ documents: n, added: 0 });
    // collecting before the work is done writes nothing and says what is missing
    const early = await cli(['queue', 'collect', '--redis', redis, '--queue', QUEUE, '--out', queued]);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(new RegExp(`${n} document\\(s\\) not finished yet`));

    const a = startWorker(redis);
    const b = startWorker(redis);
    const queue = new Queue(QUEUE, { connection: { url: redis } });
    try {
      // kill worker a while it holds a job: a worker that finishes one fetches the next in the same
      // Redis call, so once a holds a job it holds one until the queue runs dry
      const aName = `${hostname()}:${a.child.pid}`;
      const heldBy = async (name: string) => (await queue.getActive()).filter((j) => j.processedBy === name).map((j) => String(j.id));
      for (let i = 0; i < 600 && (await heldBy(aName)).length === 0; i++) await sleep(50);
      a.child.kill('SIGKILL');
      await exited(a.child);
      const killedWith = await heldBy(aName);
      expect(killedWith.length).toBeGreaterThan(0);

      let status = await queueStatus({ redis, queue: QUEUE });
      for (let i = 0; i < 900 && status.done + status.failed < total; i++) {
        await sleep(100);
        status = await queueStatus({ redis, queue: QUEUE });
      }
      expect(status).toMatchObject({ done: total, failed: 0, waiting: 0, active: 0 });
      // the job worker a died with went back to the queue (stalled) and was finished by worker b
      for (const id of killedWith) {
        const job = (await queue.getJob(id))!;
        expect(job.stalledCounter).toBeGreaterThanOrEqual(1);
        expect(job.processedBy).toBe(`${hostname()}:${b.child.pid}`);
      }

      // no document is reported done twice; one that is not reported at all was finished by a in
      // Redis just before the kill landed, ahead of its log line (at most the one it held then)
      const completions = `${a.stdout}${b.stdout}`.split('\n').filter((l) => l.startsWith('ok ')).map((l) => l.split(/\s+/)[1]);
      expect(new Set(completions).size).toBe(completions.length);
      const finished = await queue.getCompleted(0, -1);
      expect(finished).toHaveLength(total);
      const unreported = finished.filter((j) => !completions.includes((j.data as { path: string }).path));
      expect(unreported.length).toBeLessThanOrEqual(1);
      for (const j of unreported) expect(j.processedBy).toBe(aName);
      expect(completions.length + unreported.length).toBe(total);
    } finally {
      await queue.close();
      b.child.kill('SIGTERM');
      a.child.kill('SIGKILL');
      await Promise.all([exited(a.child), exited(b.child)]);
    }
    expect(b.child.exitCode).toBe(0); // SIGTERM: the worker closes cleanly

    const collected = await cli(['queue', 'collect', '--redis', redis, '--queue', QUEUE, '--out', queued]);
    expect(collected.code).toBe(0);
    expect(collected.stdout).toContain(`${n} of ${n} documents`);
    const built = await cli(['build', inputs, '--out', local, '-q']);
    expect(built.code).toBe(0);
    // one file per document (no temporaries, no duplicates), byte for byte the one-machine corpus
    expect(files(queued)).toEqual(files(local));

    const st = await cli(['queue', 'status', '--redis', redis, '--queue', QUEUE]);
    expect(st.stdout).toContain(`done ${n}  failed 0`);
  }, 180_000);

  it('a job whose input changed after it was added fails with input-changed; added again once mended, it is retried', async () => {
    const inputs = join(work, 'in2');
    mkdirSync(inputs);
    const original = readFileSync(join(FIXTURES, '004_28dd4271f70e694a.txt'));
    writeFileSync(join(inputs, 'a.txt'), original);
    const out = join(work, 'out2');
    expect((await cli(['queue', 'add', inputs, '--redis', redis, '--queue', 'q2', '--out', out])).code).toBe(0);
    writeFileSync(join(inputs, 'a.txt'), '改过的文件\n');
    const w = started(spawn(process.execPath, [BIN, 'worker', '--redis', redis, '--queue', 'q2'], { cwd: ROOT, stdio: 'ignore' }));
    const until = (done: (s: QueueStatus) => boolean) => statusWhen('q2', done);
    try {
      const status = await until((s) => s.failed > 0);
      expect(status.failed).toBe(1);
      expect(status.failures[0]).toMatchObject({ source: 'a.txt', attempts: 1 });
      expect(status.failures[0].worker).toBe(`${hostname()}:${w.pid}`); // the worker that took it last
      expect(status.failures[0].error).toMatch(/^input-changed: .*a\.txt is not the file that was added/);
      const st = await cli(['queue', 'status', '--redis', redis, '--queue', 'q2']);
      expect(st.code).toBe(1);
      expect(st.stdout).toContain(`failed  a.txt (1 attempt, last on ${hostname()}:${w.pid}): input-changed`);
      // collect turns the failed job into a failed entry; the index is written, exit 1
      const c = await cli(['queue', 'collect', '--redis', redis, '--queue', 'q2', '--out', out]);
      expect(c.code).toBe(1);
      expect(c.stdout).toMatch(/failed {2}a\.txt: queue-failed: input-changed/);

      // the file put back and added again: the same job id, retried, and built
      writeFileSync(join(inputs, 'a.txt'), original);
      const again = await cli(['queue', 'add', inputs, '--redis', redis, '--queue', 'q2', '--out', out, '--format', 'json']);
      expect(JSON.parse(again.stdout)).toMatchObject({ documents: 1, added: 1 });
      expect(await until((s) => s.done > 0)).toMatchObject({ done: 1, failed: 0 });
    } finally {
      w.kill('SIGTERM');
      await exited(w);
    }
    const c = await cli(['queue', 'collect', '--redis', redis, '--queue', 'q2', '--out', out, '--format', 'json']);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout)).toMatchObject({ documents: 1, failed: 0, entries: [{ id: 'a', status: 'ok', output: 'a.json' }] });
  }, 120_000);
  it('queue add --compact: workers write compact documents, and collect gives what build --compact gives', async () => {
    const inputs = join(work, 'in4');
    mkdirSync(inputs);
    cpSync(join(FIXTURES, '004_28dd4271f70e694a.txt'), join(inputs, '004_28dd4271f70e694a.txt'));
    cpSync(join(FIXTURES, 'docx', 'zhanhe-excerpt.docx'), join(inputs, 'zhanhe-excerpt.docx')); // and its extracted text
    const [out, local] = [join(work, 'out4'), join(work, 'local4')];
    expect((await cli(['queue', 'add', inputs, '--redis', redis, '--queue', 'q4', '--out', out, '--compact'])).code).toBe(0);
    const w = startWorker(redis, 'q4');
    try {
      expect(await statusWhen('q4', (s) => s.done === 2)).toMatchObject({ done: 2, failed: 0 });
    } finally {
      w.child.kill('SIGTERM');
      await exited(w.child);
    }
    expect((await cli(['queue', 'collect', '--redis', redis, '--queue', 'q4', '--out', out])).code).toBe(0);
    expect((await cli(['build', inputs, '--out', local, '--compact', '-q'])).code).toBe(0);
    expect(files(out)).toEqual(files(local));
    const doc = readFileSync(join(out, '004_28dd4271f70e694a.json'), 'utf8');
    expect(doc.indexOf('\n')).toBe(doc.length - 1);
  }, 120_000);

  it('a job past --job-timeout is stopped, even in synchronous work: its thread is ended, the job fails, the worker goes on', async () => {
    const inputs = join(work, 'in3');
    mkdirSync(inputs);
    // a 12 MB report: its build runs for seconds without an await
    writeFileSync(join(inputs, 'big.txt'), Buffer.concat(Array.from({ length: 80 }, () => readFileSync(join(FIXTURES, '000_5e002ab9d4a7d847.txt')))));
    writeFileSync(join(inputs, 'small.txt'), readFileSync(join(FIXTURES, '004_28dd4271f70e694a.txt')));
    const out = join(work, 'out3');
    expect((await cli(['queue', 'add', join(inputs, 'big.txt'), '--redis', redis, '--queue', 'q3', '--out', out, '--attempts', '1'])).code).toBe(0);
    const w = startWorker(redis, 'q3', ['--job-timeout', '1000']);
    try {
      const failed = await statusWhen('q3', (s) => s.failed > 0);
      expect(failed.failures).toHaveLength(1);
      expect(failed.failures[0].error).toMatch(/^timeout: big\.txt took longer than 1 s \(--job-timeout\); stopped$/);
      // the same worker builds the next job on a new thread
      expect((await cli(['queue', 'add', join(inputs, 'small.txt'), '--redis', redis, '--queue', 'q3', '--out', out])).code).toBe(0);
      expect(await statusWhen('q3', (s) => s.done > 0)).toMatchObject({ done: 1, failed: 1, active: 0 });
      expect(readdirSync(out).sort()).toEqual(['small.json']);
    } finally {
      w.child.kill('SIGTERM');
      await exited(w.child);
    }
    expect(w.child.exitCode).toBe(0);
  }, 120_000);
});
