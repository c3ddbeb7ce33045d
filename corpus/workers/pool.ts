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

/**
 * Build jobs on worker threads, each worker taking the next job when it is free. A worker whose
 * document runs past the timeout, or dies (out of memory, a crash), is ended and replaced; only that
 * document fails. Results come back in job order, so the index does not depend on timing.
 */
export async function runPool(jobs: readonly BuildJob[], opts: PoolOptions, onDone: (event: BuildEvent) => void): Promise<BuildEvent[]> {
  const script = workerScript();
  if (!script) throw new Error('worker script not built (run npm run build)');
  const results: BuildEvent[] = new Array(jobs.length);
  let next = 0;
  // the dictionary table is read once, here, and shared with every worker (no copy per thread)
  const workerData: WorkerSetup = { pipeline: opts.setup, dictionary: dictTable().buffer };
  const spawn = (): Worker =>
    new Worker(script, { workerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, ...(opts.maxMemoryMb ? { maxOldGenerationSizeMb: opts.maxMemoryMb } : {}) } });

  const slot = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      let worker = spawn();
      const ready = new WeakSet<Worker>();
      let current = -1;
      let timer: NodeJS.Timeout | null = null;
      const finish = (event: BuildEvent): void => {
        if (timer) clearTimeout(timer);
        timer = null;
        results[current] = event;
        current = -1;
        onDone(event);
      };
      const feed = (): void => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage({ seq: current, job: jobs[current] });
        if (opts.timeoutMs) {
          timer = setTimeout(() => {
            const job = jobs[current];
            finish(failed(job, 'timeout', `${job.path} took longer than ${Math.round(opts.timeoutMs! / 1000)} s (--timeout); stopped`));
            replace();
          }, opts.timeoutMs);
        }
      };
      const listen = (w: Worker): void => {
        w.on('message', (msg: { ready?: boolean; seq: number; event?: BuildEvent; error?: string }) => {
          if (w !== worker) return; // a late answer from a replaced worker
          if (msg.ready) {
            ready.add(w);
            feed();
            return;
          }
          if (msg.seq !== current) return;
          finish(msg.event ?? failed(jobs[msg.seq], 'internal-error', msg.error ?? 'the worker returned nothing'));
          feed();
        });
        w.on('error', (err: Error & { code?: string }) => {
          if (w === worker && !ready.has(w)) return reject(new Error(`a build worker could not start: ${err.message}`));
          if (w !== worker || current < 0) return;
          const job = jobs[current];
          const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
          finish(failed(job, oom ? 'out-of-memory' : 'worker-crashed', oom ? `${job.path} needed more than ${opts.maxMemoryMb} MB of memory (--max-memory); stopped` : `the worker building ${job.path} crashed: ${err.message}`));
          replace();
        });
        w.on('exit', (code) => {
          if (w === worker && !ready.has(w)) return reject(new Error(`a build worker stopped before it was ready (exit code ${code})`));
          if (w !== worker || current < 0) return;
          const job = jobs[current];
          finish(failed(job, 'worker-crashed', `the worker building ${job.path} stopped`));
          replace();
        });
      };
      const replace = (): void => {
        const old = worker;
        worker = spawn();
        listen(worker); // it feeds itself once ready
        void old.terminate();
      };
      listen(worker);
    });

  await Promise.all(Array.from({ length: Math.min(opts.workers, jobs.length) }, slot));
  return results;
}
