/**
 * A queue worker: takes document jobs from Redis (BullMQ) and builds them, writing each document
 * atomically to the job's output folder. BullMQ does the hard parts: a job is locked while a worker
 * holds it; a worker that dies stops renewing the lock, and the job goes back to the queue for
 * another worker (stalled-job recovery); a job that throws is retried with exponential backoff.
 *
 * Documents are built on worker threads (corpus/workers/pool.ts), one per job in flight: a job past
 * its time limit has its thread ended, so a build stuck in synchronous work is stopped too.
 * A bad document is not a job failure: the pipeline's coded error becomes a failed index entry, as
 * in a one-machine build. A job fails (and is retried) only for what another try can mend: a read
 * or write error, a timeout, a crashed thread; an input changed since it was added fails for good. Since a document's file is written by rename and the same input always
 * gives the same bytes, a job run twice (a worker killed after writing, or a stalled one that
 * carries on) still leaves exactly one, identical, document.
 */
import { hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { IndexEntry } from '../../schemas/corpus.js';
import { SCHEMA_VERSION } from '../../schemas/document.js';
import { TOOL_VERSION } from '../../core/version.js';
import type { PipelineOptions } from '../../pipeline/document.js';
import { startPool, type BuildPool } from '../workers/pool.js';
import { DEFAULT_MAX_BYTES } from '../build.js';
import { pipelineKey, pipelineVersion } from '../incremental.js';
import { connection, DEFAULT_QUEUE, DocumentJob, keys, ready, StoredPipeline } from './jobs.js';

export interface WorkerOptions {
  redis: string;
  queue?: string;
  /** this worker's name, stored on every job it takes (BullMQ's processedBy; default host:pid), so a failure names its machine */
  name?: string;
  /** jobs in flight in this process (default 1: the pipeline is CPU-bound; run more processes instead) */
  concurrency?: number;
  /** ms a job stays locked without renewal before it counts as stalled (default 30 000) */
  lockDuration?: number;
  /** ms between checks for stalled jobs (default 30 000) */
  stalledInterval?: number;
  /** ms a job may take before it fails and is retried (default 300 000) */
  jobTimeout?: number;
  /** hears each finished document */
  onDone?: (entry: IndexEntry) => void;
  /** hears a Redis connection error (each kind once in a row) */
  onError?: (message: string) => void;
  /** hears each job that failed (it may be retried) */
  onFailed?: (source: string, error: string) => void;
}

/** Codes of a document that another try can mend: the job fails and BullMQ retries it with backoff. */
const RETRIED = new Set(['timeout', 'worker-crashed', 'out-of-memory', 'read-error', 'internal-error']);

/** The default name of this process's worker: host and process id. */
export const workerName = (): string => `${hostname()}:${process.pid}`;

/** Start a worker; close() it to stop taking jobs (the running ones finish first). */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const name = options.queue ?? DEFAULT_QUEUE;
  const pools = new Map<string, Promise<BuildPool>>();
  /** the build keys whose documents are written compact (queue add --compact) */
  const compactBuilds = new Set<string>();
  let redis: Awaited<ReturnType<Worker['getBackend']>['client']> | null = null;
  const concurrency = options.concurrency ?? 1;

  /** Worker threads with a pipeline's options: one per job in flight; ready once their dictionaries are loaded. */
  const poolOf = async (setup: PipelineOptions): Promise<BuildPool> => {
    const pool = startPool({ workers: concurrency, setup, timeoutMs: options.jobTimeout ?? 300_000, timeoutOption: '--job-timeout' });
    await pool.ready;
    return pool;
  };

  /** The pool for the pipeline a job was added with, started once per build key; a worker of another version refuses the job. */
  const poolFor = async (build: string): Promise<BuildPool> => {
    const raw = await redis!.get(keys.pipeline(name, build));
    if (raw === null) throw new UnrecoverableError(`pipeline ${build} is not in Redis: add the job again with plancorpus queue add`);
    const stored = StoredPipeline.parse(JSON.parse(raw));
    const mine = pipelineKey({ ...stored, tool: TOOL_VERSION, schema: SCHEMA_VERSION });
    if (mine !== build) {
      throw new UnrecoverableError(`pipeline-mismatch: the job was added by plancorpus ${stored.tool} (schema ${stored.schema}); this worker runs ${TOOL_VERSION} (schema ${SCHEMA_VERSION})`);
    }
    if (stored.compact) compactBuilds.add(build);
    return poolOf({ ocr: stored.ocr, rules: stored.rules ?? undefined });
  };

  const process = async (job: Job): Promise<IndexEntry> => {
    const data = DocumentJob.parse(job.data);
    let pool = pools.get(data.build);
    if (!pool) {
      pool = poolFor(data.build);
      pools.set(data.build, pool);
      pool.catch(() => pools.delete(data.build)); // asked again with the next job
    }
    const threads = pool;
    const event = await (await threads).run({ id: data.id, path: data.path, file: data.file, outDir: data.outDir, maxBytes: DEFAULT_MAX_BYTES, sha256: data.sha256, compact: compactBuilds.has(data.build) }).catch((err: unknown) => {
      // a thread that could not be restarted ends its pool: the job is retried, on a new one
      if (pools.get(data.build) === threads) pools.delete(data.build);
      throw err;
    });
    const error = event.entry.error;
    if (error?.code === 'input-changed') throw new UnrecoverableError(`input-changed: ${error.message}`);
    if (error && RETRIED.has(error.code)) throw new Error(`${error.code}: ${error.message}`);
    return { ...event.entry, build: data.build };
  };

  const worker = new Worker(name, process, {
    connection: connection(options.redis),
    name: options.name ?? workerName(),
    concurrency: options.concurrency ?? 1,
    lockDuration: options.lockDuration ?? 30_000,
    stalledInterval: options.stalledInterval ?? 30_000,
    // a job whose worker died goes back to the queue; only after 3 deaths is it failed
    maxStalledCount: 3,
    autorun: false,
  });
  // a worker that cannot reach Redis when it starts says so and stops; once running, it rides out
  // Redis restarts (BullMQ reconnects), reporting each new kind of connection error once
  let lastError = '';
  worker.on('error', (err) => {
    if (err.message !== lastError) options.onError?.(err.message);
    lastError = err.message;
  });
  await ready(worker, options.redis).catch(async (err: unknown) => {
    await worker.close(true).catch(() => {});
    throw err;
  });
  redis = await worker.getBackend().client;
  // start the default pipeline's threads (they load and warm up the dictionaries) before taking a
  // job: loading takes seconds, and a job held meanwhile could outlive its lock and be taken for stalled
  const warm = poolOf({});
  pools.set(pipelineKey(pipelineVersion({})), warm);
  await warm.catch(async (err: unknown) => {
    await worker.close(true).catch(() => {});
    throw err;
  });
  // the threads end with the worker: close() lets the running jobs finish first
  worker.on('closed', () => {
    for (const pool of pools.values()) void pool.then((p) => p.close(), () => {});
  });
  worker.on('completed', (_job, entry: IndexEntry) => options.onDone?.(entry));
  worker.on('failed', (job, err) => options.onFailed?.(String((job?.data as Partial<DocumentJob> | undefined)?.path ?? job?.id ?? '?'), err.message));
  void worker.run();
  await worker.waitUntilReady();
  return worker;
}
