import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IndexEntry } from '../../schemas/corpus.js';
import type { BuildJob } from './build-one.js';
import type { PipelineOptions } from '../../pipeline/document.js';

/** The compiled worker script; absent when running from TypeScript sources (tests), then builds stay in-process. */
export function workerScript(): string | null {
  const url = new URL('./worker.js', import.meta.url);
  const path = fileURLToPath(url);
  return existsSync(path) ? path : null;
}

/**
 * Build jobs on worker threads, each worker taking the next job when it is free. Results come back in
 * job order, so the index does not depend on which worker finished first.
 */
export async function runPool(
  jobs: readonly BuildJob[],
  workers: number,
  setup: PipelineOptions,
  onDone: (entry: IndexEntry) => void,
): Promise<IndexEntry[]> {
  const script = workerScript();
  if (!script) throw new Error('worker script not built (run npm run build)');
  const results: IndexEntry[] = new Array(jobs.length);
  let next = 0;
  const pool = Array.from({ length: Math.min(workers, jobs.length) }, () => new Worker(script, { workerData: setup }));
  try {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const feed = (): void => {
              if (next >= jobs.length) {
                resolve();
                return;
              }
              const seq = next++;
              w.postMessage({ seq, job: jobs[seq] });
            };
            w.on('message', (msg: { seq: number; entry?: IndexEntry; error?: string }) => {
              if (msg.error !== undefined || !msg.entry) {
                const job = jobs[msg.seq];
                results[msg.seq] = { id: job.id, source: job.path, sha256: null, bytes: null, status: 'failed', error: { code: 'internal-error', message: msg.error ?? 'worker returned nothing' }, warnings: 0, output: null };
              } else {
                results[msg.seq] = msg.entry;
              }
              onDone(results[msg.seq]);
              feed();
            });
            w.on('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
