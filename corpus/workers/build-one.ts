import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { IndexEntry } from '../../schemas/corpus.js';
import type { Pipeline } from '../../pipeline/document.js';
import { folderWriter, type CorpusWriter } from '../store.js';
import { plainError } from '../plain-error.js';
import { detectFormat } from '../../pipeline/ingest/format.js';
import { boundHeapForPdf } from './pdf-heap.js';

export interface BuildJob {
  id: string;
  /** path relative to its base, recorded in the document */
  path: string;
  /** absolute path to read */
  file: string;
  outDir: string;
  /** inputs larger than this are refused before they are read */
  maxBytes: number;
  /** the sha256 the input had when the job was queued: a file changed since fails with input-changed, unbuilt */
  sha256?: string;
  /** each document's JSON on one line (--compact); index.json stays indented */
  compact?: boolean;
}

/** A warning of a built document, for the batch's summary: code, message and raw line. */
export interface WarningNote {
  code: string;
  message: string;
  line: number | null;
}

/** How one document went: its index entry, and its warnings by code (counts, and the first few of each). */
export interface BuildEvent {
  entry: IndexEntry;
  warnings: { byCode: Record<string, number>; first: WarningNote[] };
}

/** Warnings of one code kept per document for the summary (the count in the entry is exact). */
const NOTES_PER_CODE = 3;

const failedEntry = (job: Pick<BuildJob, 'id' | 'path'>, code: string, message: string, sha256: string | null = null, bytes: number | null = null): BuildEvent => ({
  entry: { id: job.id, source: job.path, sha256, bytes, status: 'failed', error: { code, message }, warnings: 0, output: null },
  warnings: { byCode: {}, first: [] },
});

function mb(n: number): string {
  return `${(n / 1e6).toFixed(n < 1e7 ? 1 : 0)} MB`;
}

/**
 * Read the file, refusing it before reading when it is larger than the limit (no whole read of a
 * 60 GB file). Synchronous, as the write is (core/atomic-write.ts): the thread has nothing else to
 * do meanwhile, and fs/promises' open, stat, read and close each wait for the thread pool (~0.5 ms a
 * document against 0.06 ms for the same system calls made directly).
 */
function readLimited(job: BuildJob): Uint8Array | BuildEvent {
  let fd: number;
  try {
    fd = openSync(job.file, constants.O_RDONLY | constants.O_NONBLOCK); // a FIFO put in a file's place since discovery: refused below, not waited on
  } catch (err) {
    return failedEntry(job, 'read-error', `cannot read ${job.path}: ${plainError(err)}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return failedEntry(job, 'not-a-file', `${job.path} is not a regular file`);
    if (st.size > job.maxBytes) return failedEntry(job, 'too-large', `${job.path} is ${mb(st.size)}, over the limit of ${mb(job.maxBytes)} (raise it with --max-bytes)`, null, st.size);
    return readFileSync(fd);
  } catch (err) {
    return failedEntry(job, 'read-error', `cannot read ${job.path}: ${plainError(err)}`);
  } finally {
    closeSync(fd);
  }
}

/** Read, process and write one document; the event says how it went. Never throws for bad input. */
export async function buildOne(job: BuildJob, pipeline: Pipeline): Promise<BuildEvent> {
  const bytes = readLimited(job);
  if (!(bytes instanceof Uint8Array)) return bytes;
  if (job.sha256 !== undefined) {
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (hash !== job.sha256) return failedEntry(job, 'input-changed', `${job.file} is not the file that was added (sha256 ${hash.slice(0, 12)}…, added ${job.sha256.slice(0, 12)}…): add it again`, hash, bytes.length);
  }
  return buildBytes(job, bytes, pipeline);
}

/** Process bytes already read for a job and write the document through `writer` (default: the job's output folder). */
export async function buildBytes(job: Pick<BuildJob, 'id' | 'path' | 'outDir' | 'compact'>, bytes: Uint8Array, pipeline: Pipeline, writer: CorpusWriter = folderWriter(job.outDir, job.compact ? 'compact' : 'indented')): Promise<BuildEvent> {
  const { id, path } = job;
  if (detectFormat(bytes) === 'pdf') boundHeapForPdf();
  const result = await pipeline.run(id, { path, bytes });
  if (result.status === 'failed') return failedEntry(job, result.error.code, result.error.message, result.sha256, result.bytes);
  const output = await writer.writeDocument(result.document, result.extractedText);
  const warned = result.document.diagnostics.filter((d) => d.severity !== 'info');
  const byCode: Record<string, number> = {};
  const first: WarningNote[] = [];
  for (const d of warned) {
    const n = byCode[d.code] ?? 0;
    byCode[d.code] = n + 1;
    if (n < NOTES_PER_CODE) first.push({ code: d.code, message: d.message, line: d.source?.line ?? null });
  }
  return {
    entry: { id, source: path, sha256: result.document.source.sha256, bytes: result.document.source.bytes, status: 'ok', error: null, warnings: warned.length, output },
    warnings: { byCode, first },
  };
}
