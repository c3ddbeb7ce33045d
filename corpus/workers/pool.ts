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

/** What a worker is started with: the pipeline's options and the dictionary table's shared memory. */
export interface WorkerSetup {
  pipeline: PipelineOptions;
  dictionary: ArrayBufferLike;
}

export interface PoolOptions {
  workers: number;
  setup: PipelineOptions;
  /** a document still running after this long fails alone (code timeout) and its worker is replaced */
  timeoutMs?: number;
  /** the option that set timeoutMs, named in the timeout's message (default --timeout) */
  timeoutOption?: string;
  /** heap limit of each worker: a document that needs more fails alone (code out-of-memory) */
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

interface Slot {
  worker: Worker;
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
  const workerData: WorkerSetup = { pipeline: opts.setup, dictionary: dictTable().buffer };
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
    slot.worker.postMessage({ job: run.job });
    if (opts.timeoutMs) {
      slot.timer = setTimeout(() => {
        finish(slot, failed(run.job, 'timeout', `${run.job.path} took longer than ${Math.round(opts.timeoutMs! / 1000)} s (${timeoutOption}); stopped`));
        replace(slot);
      }, opts.timeoutMs);
    }
  };

  const spawn = (slot: Slot): void => {
    const w = new Worker(script, { workerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, ...(opts.maxMemoryMb ? { maxOldGenerationSizeMb: opts.maxMemoryMb } : {}) } });
    slot.worker = w;
    slot.ready = false;
    w.on('message', (msg: { ready?: boolean; event?: BuildEvent; error?: string }) => {
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
    });
    w.on('error', (err: Error & { code?: string }) => {
      if (w !== slot.worker || closed || fatal) return;
      if (!slot.ready) return fail(new Error(`a build worker could not start: ${err.message}`));
      if (!slot.running) return;
      const { job } = slot.running;
      const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(slot, failed(job, oom ? 'out-of-memory' : 'worker-crashed', oom ? `${job.path} needed more than ${opts.maxMemoryMb} MB of memory (--max-memory); stopped` : `the worker building ${job.path} crashed: ${err.message}`));
      replace(slot);
    });
    w.on('exit', (code) => {
      if (w !== slot.worker || closed || fatal) return;
      if (!slot.ready) return fail(new Error(`a build worker stopped before it was ready (exit code ${code})`));
      if (slot.running) finish(slot, failed(slot.running.job, 'worker-crashed', `the worker building ${slot.running.job.path} stopped`));
      replace(slot);
    });
  };

  /** end a slot's worker and start another in its place; it takes work once ready */
  const replace = (slot: Slot): void => {
    const old = slot.worker;
    if (!closed && !fatal) spawn(slot);
    void old.terminate();
  };

  for (let i = 0; i < opts.workers; i++) {
    const slot: Slot = { worker: null as unknown as Worker, ready: false, running: null, timer: null };
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
