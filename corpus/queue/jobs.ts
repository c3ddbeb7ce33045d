/**
 * What travels through Redis between `plancorpus queue add`, `plancorpus worker` and
 * `plancorpus queue collect`: one BullMQ job per document, the pipeline version its jobs were added
 * with (stored once, not per job), and the manifest of a corpus (which documents make up --out).
 *
 * Inputs are not carried in the job: a worker reads them from the shared folder at the path the job
 * names (the same mount path on every machine) and checks their sha256 against the one recorded
 * when the job was added, so what is built is exactly what was added. Output goes to the shared
 * output folder named in the job, through the CorpusWriter (atomic files).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { OcrRules } from '../../schemas/ocr-rules.js';
import { plainError } from '../plain-error.js';

export const DEFAULT_QUEUE = 'plancorpus';

/** One document to build. */
export const DocumentJob = z
  .object({
    id: z.string().min(1).describe('document id, as a one-machine build of the same inputs gives it'),
    path: z.string().min(1).describe('input path relative to its base, recorded in the document'),
    file: z.string().min(1).describe('absolute path of the input on the shared folder'),
    outDir: z.string().min(1).describe('absolute path of the shared output folder'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('sha256 of the input bytes when the job was added'),
    build: z.string().regex(/^[0-9a-f]{16}$/).describe('pipeline key (corpus/incremental.ts) the job was added with'),
  })
  .strict();
export type DocumentJob = z.infer<typeof DocumentJob>;

/** The pipeline version behind a build key, stored once per key. */
export const StoredPipeline = z
  .object({ tool: z.string(), schema: z.string(), ocr: z.boolean(), rules: OcrRules.nullable(), compact: z.boolean().optional() })
  .strict();

/** The documents of one output folder, in index order, with their job ids. */
export const Manifest = z
  .object({
    outDir: z.string(),
    build: z.string(),
    documents: z.array(z.object({ id: z.string(), path: z.string(), jobId: z.string() }).strict()),
  })
  .strict();
export type Manifest = z.infer<typeof Manifest>;

const hex = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * The job id: content hash + pipeline version + where it goes. Adding the same inputs twice adds
 * nothing (BullMQ ignores a job id it already holds); the same bytes under two names, or built into
 * two corpora, are two jobs. BullMQ forbids ':' in custom ids, hence the dots.
 */
export function jobId(job: DocumentJob): string {
  return `${job.sha256}.${job.build}.${hex(`${job.outDir}\u0000${job.id}\u0000${job.path}`).slice(0, 16)}`;
}

/** Redis keys of our own, beside BullMQ's (which live under bull:<queue>:…). */
export const keys = {
  pipeline: (queue: string, build: string): string => `plancorpus:${queue}:pipeline:${build}`,
  manifest: (queue: string, outDir: string): string => `plancorpus:${queue}:manifest:${hex(outDir).slice(0, 16)}`,
};

/** BullMQ connection options from a redis:// URL (workers need maxRetriesPerRequest null: they block on Redis). */
export function connection(url: string): { url: string; maxRetriesPerRequest: null } {
  return { url, maxRetriesPerRequest: null };
}

/** Redis cannot be reached (or answered with an error) when a command starts. */
export class RedisUnreachableError extends Error {
  override name = 'RedisUnreachableError';
}

/**
 * Wait until a BullMQ queue or worker is connected, or throw a RedisUnreachableError naming the URL
 * after `ms` — instead of retrying silently for ever, which is right only once a worker is running.
 */
export async function ready(client: { waitUntilReady(): Promise<unknown>; once(event: 'error', fn: (err: Error) => void): unknown }, url: string, ms = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.waitUntilReady(),
      new Promise<never>((_, reject) => {
        client.once('error', (err) => reject(new RedisUnreachableError(`cannot use Redis at ${url}: ${(err as NodeJS.ErrnoException).code === 'ECONNREFUSED' ? 'connection refused (is redis-server running there?)' : plainError(err)}`)));
        timer = setTimeout(() => reject(new RedisUnreachableError(`cannot reach Redis at ${url} (no answer in ${ms} ms)`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
