import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuildEvent, BuildJob } from './build-one.js';
import type { PipelineOptions } from '../../pipeline/document.js';
import { dictTable } from '../../core/lexicon/jieba-dict.js';

/** The compiled worker script; absent when running from TypeScript sources (tests), then builds stay in-process. */
export function workerScript(): string | null {
  const url = new URL('./worker.js', import.meta.url);
  const path = fileURLToPath(url);
  return existsSync(path) ? path : null;
}

/** What a worker is started with: the pipeline's options and, on a thread, the dictionary table's shared memory (a process reads its own). */
export interface WorkerSetup {
  pipeline: PipelineOptions;
  dictionary?: ArrayBufferLike;
}

/** What a worker says: it is ready, a document's event, or an error of the worker itself. */
export interface WorkerMessage {
  ready?: boolean;
  event?: BuildEvent;
  error?: string;
}

export interface PoolOptions {
  workers: number;
  setup: PipelineOptions;
  /** a document still running after this long fails alone (code timeout) and its worker is replaced */
  timeoutMs?: number;
  /** the option that set timeoutMs, named in the timeout's message (default --timeout) */
  timeoutOption?: string;
  /**
   * heap limit of each worker: a document that needs more fails alone (code out-of-memory). The
   * workers are then child processes, not threads: V8 gives a thread past its limit only 16 MB more
   * to stop in, and one that allocates more before it stops (a large string, a buffer) aborts the
   * whole process, batch and all; a child process that aborts takes only its document with it.
   */
  maxMemoryMb?: number;
}

/**
 * Young generation of each worker's heap, in MB (V8 splits it into two semi-spaces of a third each;
 * its own default gives 16 MB semi-spaces). A fixture-sized document allocates ~9 MB as it goes
 * through the pipeline; with 32 MB semi-spaces fewer of its objects are still alive at a scavenge
 * and promoted, so the old generation grows and is marked less. Measured on 600 synthetic
 * documents, --workers 2, three builds each, alternated: 5.30 s and 338 MB peak RSS against
 * 5.55 s and 383 MB with V8's default (144 MB: 5.69 s and 495 MB).
 */
export const WORKER_YOUNG_GENERATION_MB = 96;

const failed = (job: BuildJob, code: string, message: string): BuildEvent => ({
  entry: { id: job.id, source: job.path, sha256: null, bytes: null, status: 'failed', error: { code, message }, warnings: 0, output: null },
  warnings: { byCode: {}, first: [] },
});

/** Worker threads that build documents, kept while there is work: a build's batch, or a queue worker's jobs as they come. */
export interface BuildPool {
  /** Build one document on the next free worker; resolves with how it went (a failed entry for a bad document, a timeout or a crash). */
  run(job: BuildJob): Promise<BuildEvent>;
  /** Resolves once every worker has loaded its pipeline; rejects if one cannot start. */
  readonly ready: Promise<void>;
  /** End the workers; runs not yet started reject. */
  close(): Promise<void>;
}

interface Run {
  job: BuildJob;
  resolve: (event: BuildEvent) => void;
  reject: (err: Error) => void;
}

/** One worker, a thread or a child process, as the pool sees it. */
interface Host {
  post(msg: { job: BuildJob }): void;
  terminate(): Promise<void>;
}

/** How a worker ended: out of memory, or otherwise (with what it said). */
type Ending = { oom: boolean; message: string };

interface HostEvents {
  message(msg: WorkerMessage): void;
  /** the worker ended or failed; called once */
  ended(ending: Ending): void;
}

/** A worker thread sharing the dictionary table. */
function threadHost(script: string, workerData: WorkerSetup, on: HostEvents): Host {
  const w = new Worker(script, { workerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  let over = false;
  const end = (ending: Ending): void => {
    if (over) return;
    over = true;
    on.ended(ending);
  };
  w.on('message', (msg: WorkerMessage) => !over && on.message(msg));
  w.on('error', (err: Error & { code?: string }) => end({ oom: err.code === 'ERR_WORKER_OUT_OF_MEMORY', message: err.message }));
  w.on('exit', (code) => end({ oom: false, message: `exit code ${code}` }));
  return {
    post: (msg) => w.postMessage(msg),
    terminate: async () => {
      over = true;
      await w.terminate();
    },
  };
}

/** A worker in a child process under a V8 heap limit: its abort on running out of memory ends only it. */
function processHost(script: string, setup: PipelineOptions, maxMemoryMb: number, on: HostEvents): Host {
  const child = fork(script, [], {
    // the young generation is kept to a small share of the limit, so that the limit bounds the heap
    execArgv: [`--max-old-space-size=${maxMemoryMb}`, `--max-semi-space-size=${Math.max(1, Math.min(Math.floor(WORKER_YOUNG_GENERATION_MB / 3), Math.floor(maxMemoryMb / 16)))}`],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-8192)));
  let over = false;
  child.on('message', (msg: WorkerMessage) => !over && on.message(msg));
  // 'close' comes after stderr is read to its end: V8's fatal out-of-memory report is in it
  child.on('close', (code, signal) => {
    if (over) return;
    over = true;
    on.ended({ oom: /heap out of memory|Reached heap limit/.test(stderr), message: signal ? `killed by ${signal}` : `exit code ${code}` });
  });
  child.on('error', (err) => {
    if (over) return;
    over = true;
    on.ended({ oom: false, message: err.message });
  });
  const setupMessage: WorkerSetup = { pipeline: setup };
  child.send({ setup: setupMessage });
  return {
    post: (msg) => child.send(msg),
    terminate: async () => {
      over = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    },
  };
}

interface Slot {
  worker: Host;
  ready: boolean;
  running: Run | null;
  timer: NodeJS.Timeout | null;
}

/**
 * Start worker threads that take documents one at a time, each worker the next waiting document
 * when it is free. A worker whose document runs past the timeout, or dies (out of memory, a crash),
 * is ended and replaced; only that document fails. A worker that cannot start fails the pool.
 */
export function startPool(opts: PoolOptions): BuildPool {
  const script = workerScript();
  if (!script) throw new Error('worker script not built (run npm run build)');
  // the dictionary table is read once, here, and shared with every worker (no copy per thread)
  const workerData: WorkerSetup | null = opts.maxMemoryMb ? null : { pipeline: opts.setup, dictionary: dictTable().buffer };
  const timeoutOption = opts.timeoutOption ?? '--timeout';
  const waiting: Run[] = [];
  const slots: Slot[] = [];
  let fatal: Error | null = null;
  let closed = false;
  let readyCount = 0;
  let markReady!: () => void;
  let markFailed!: (err: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  ready.catch(() => {}); // a caller that only runs jobs hears the failure through them

  const fail = (err: Error): void => {
    if (fatal) return;
    fatal = err;
    markFailed(err);
    for (const run of waiting.splice(0)) run.reject(err);
    for (const slot of slots) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.running?.reject(err);
      slot.running = null;
      void slot.worker.terminate();
    }
  };

  const finish = (slot: Slot, event: BuildEvent): void => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const run = slot.running;
    slot.running = null;
    run?.resolve(event);
  };

  const feed = (slot: Slot): void => {
    if (!slot.ready || slot.running || closed || fatal) return;
    const run = waiting.shift();
    if (!run) return;
    slot.running = run;
    slot.worker.post({ job: run.job });
    if (opts.timeoutMs) {
      slot.timer = setTimeout(() => {
        finish(slot, failed(run.job, 'timeout', `${run.job.path} took longer than ${Math.round(opts.timeoutMs! / 1000)} s (${timeoutOption}); stopped`));
        replace(slot);
      }, opts.timeoutMs);
    }
  };

  const spawn = (slot: Slot): void => {
    slot.ready = false;
    const events: HostEvents = {
      message: (msg) => {
        if (w !== slot.worker) return; // a late answer from a replaced worker
        if (msg.ready) {
          slot.ready = true;
          if (++readyCount === opts.workers) markReady();
          feed(slot);
          return;
        }
        if (!slot.running) return;
        finish(slot, msg.event ?? failed(slot.running.job, 'internal-error', msg.error ?? 'the worker returned nothing'));
        feed(slot);
      },
      ended: (ending) => {
        if (w !== slot.worker || closed || fatal) return;
        if (!slot.ready) return fail(new Error(`a build worker could not start: ${ending.message}`));
        if (slot.running) {
          const { job } = slot.running;
          finish(slot, ending.oom ? failed(job, 'out-of-memory', opts.maxMemoryMb ? `${job.path} needed more than ${opts.maxMemoryMb} MB of memory (--max-memory); stopped` : `${job.path} needed more memory than V8 gives a thread; stopped`) : failed(job, 'worker-crashed', `the worker building ${job.path} crashed: ${ending.message}`));
        }
        replace(slot);
      },
    };
    const w: Host = opts.maxMemoryMb ? processHost(script, opts.setup, opts.maxMemoryMb, events) : threadHost(script, workerData!, events);
    slot.worker = w;
  };

  /** end a slot's worker and start another in its place; it takes work once ready */
  const replace = (slot: Slot): void => {
    const old = slot.worker;
    if (!closed && !fatal) spawn(slot);
    void old.terminate();
  };

  for (let i = 0; i < opts.workers; i++) {
    const slot: Slot = { worker: null as unknown as Host, ready: false, running: null, timer: null };
    slots.push(slot);
    spawn(slot);
  }

  return {
    ready,
    run(job) {
      return new Promise<BuildEvent>((resolve, reject) => {
        if (fatal || closed) return reject(fatal ?? new Error('the build pool is closed'));
        waiting.push({ job, resolve, reject });
        for (const slot of slots) feed(slot);
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      const err = new Error('the build pool is closed');
      for (const run of waiting.splice(0)) run.reject(err);
      for (const slot of slots) {
        if (slot.timer) clearTimeout(slot.timer);
        slot.running?.reject(err);
        slot.running = null;
      }
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

/**
 * Build jobs on worker threads (startPool). Results come back in job order, so the index does
 * not depend on timing; onDone hears each as it finishes.
 */
export async function runPool(jobs: readonly BuildJob[], opts: PoolOptions, onDone: (event: BuildEvent) => void): Promise<BuildEvent[]> {
  const pool = startPool({ ...opts, workers: Math.max(1, Math.min(opts.workers, jobs.length)) });
  try {
    return await Promise.all(
      jobs.map((job) =>
        pool.run(job).then((event) => {
          onDone(event);
          return event;
        }),
      ),
    );
  } finally {
    await pool.close();
  }
}
