/**
 * A queue worker: takes document jobs from Redis (BullMQ) and builds them, writing each document
 * atomically to the job's output folder. BullMQ does the hard parts: a job is locked while a worker
 * holds it; a worker that dies stops renewing the lock, and the job goes back to the queue for
 * another worker (stalled-job recovery); a job that throws is retried with exponential backoff.
 *
 * A bad document is not a job failure: the pipeline's coded error becomes a failed index entry, as
 * in a one-machine build. A job fails (and is retried) only for what another try can mend: a read
 * or write error, a timeout. Since a document's file is written by rename and the same input always
 * gives the same bytes, a job run twice (a worker killed after writing, or a stalled one that
 * carries on) still leaves exactly one, identical, document.
 */
import { readFile } from 'node:fs/promises';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { createHash } from 'node:crypto';
import type { IndexEntry } from '../../schemas/corpus.js';
import { SCHEMA_VERSION } from '../../schemas/document.js';
import { TOOL_VERSION } from '../../core/version.js';
import { createPipeline, type Pipeline } from '../../pipeline/document.js';
import { buildBytes } from '../workers/build-one.js';
import { pipelineKey, pipelineVersion } from '../incremental.js';
import { dictWordFrequency } from '../../core/lexicon/jieba-dict.js';
import { connection, DEFAULT_QUEUE, DocumentJob, keys, ready, StoredPipeline } from './jobs.js';

export interface WorkerOptions {
  redis: string;
  queue?: string;
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

class JobTimeoutError extends Error {
  override name = 'JobTimeoutError';
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JobTimeoutError(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Start a worker; close() it to stop taking jobs (the running ones finish first). */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const name = options.queue ?? DEFAULT_QUEUE;
  const pipelines = new Map<string, Pipeline>();
  let redis: Awaited<ReturnType<Worker['getBackend']>['client']> | null = null;

  /** The pipeline a job was added with, loaded once per build key; a worker of another version refuses the job. */
  const pipelineFor = async (build: string): Promise<Pipeline> => {
    const known = pipelines.get(build);
    if (known) return known;
    const raw = await redis!.get(keys.pipeline(name, build));
    if (raw === null) throw new UnrecoverableError(`pipeline ${build} is not in Redis: add the job again with plancorpus queue add`);
    const stored = StoredPipeline.parse(JSON.parse(raw));
    const mine = pipelineKey({ ...stored, tool: TOOL_VERSION, schema: SCHEMA_VERSION });
    if (mine !== build) {
      throw new UnrecoverableError(`pipeline-mismatch: the job was added by plancorpus ${stored.tool} (schema ${stored.schema}); this worker runs ${TOOL_VERSION} (schema ${SCHEMA_VERSION})`);
    }
    const pipeline = createPipeline({ ocr: stored.ocr, rules: stored.rules ?? undefined });
    pipelines.set(build, pipeline);
    return pipeline;
  };

  const process = async (job: Job): Promise<IndexEntry> => {
    const data = DocumentJob.parse(job.data);
    const pipeline = await pipelineFor(data.build);
    const bytes = await readFile(data.file);
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (hash !== data.sha256) throw new UnrecoverableError(`input-changed: ${data.file} is not the file that was added (sha256 ${hash.slice(0, 12)}…, added ${data.sha256.slice(0, 12)}…): add it again`);
    const { entry } = await withTimeout(buildBytes(data, bytes, pipeline), options.jobTimeout ?? 300_000, data.path);
    return { ...entry, build: data.build };
  };

  const worker = new Worker(name, process, {
    connection: connection(options.redis),
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
  // load the default pipeline and its dictionaries before taking a job: loading takes seconds, and a
  // job held meanwhile could outlive its lock and be taken for stalled
  const warm = createPipeline();
  dictWordFrequency('发展');
  await warm.run('warm-up', { path: 'warm-up.txt', bytes: Buffer.from('第一章 总体要求\n\n一、发展基础\n\n全区经济运行稳中有进，地区生产总值增长6.5%。\n') });
  pipelines.set(pipelineKey(pipelineVersion({})), warm);

  worker.on('completed', (_job, entry: IndexEntry) => options.onDone?.(entry));
  worker.on('failed', (job, err) => options.onFailed?.(String((job?.data as Partial<DocumentJob> | undefined)?.path ?? job?.id ?? '?'), err.message));
  void worker.run();
  await worker.waitUntilReady();
  return worker;
}
