import { readFile } from 'node:fs/promises';
import type { IndexEntry } from '../../schemas/corpus.js';
import type { Pipeline } from '../../pipeline/document.js';
import { folderWriter, type CorpusWriter } from '../store.js';

export interface BuildJob {
  id: string;
  /** path relative to its base, recorded in the document */
  path: string;
  /** absolute path to read */
  file: string;
  outDir: string;
}

/** Read, process and write one document; the index entry says how it went. Never throws for bad input. */
export async function buildOne(job: BuildJob, pipeline: Pipeline): Promise<IndexEntry> {
  const { id, path } = job;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(job.file);
  } catch (err) {
    return { id, source: path, sha256: null, bytes: null, status: 'failed', error: { code: 'read-error', message: err instanceof Error ? err.message : String(err) }, warnings: 0, output: null };
  }
  return buildBytes(job, bytes, pipeline);
}

/** Process bytes already read for a job and write the document through `writer` (default: the job's output folder). */
export async function buildBytes(job: Omit<BuildJob, 'file'>, bytes: Uint8Array, pipeline: Pipeline, writer: CorpusWriter = folderWriter(job.outDir)): Promise<IndexEntry> {
  const { id, path } = job;
  const result = await pipeline.run(id, { path, bytes });
  if (result.status === 'failed') {
    return { id, source: path, sha256: result.sha256, bytes: result.bytes, status: 'failed', error: result.error, warnings: 0, output: null };
  }
  const output = await writer.writeDocument(result.document, result.extractedText);
  const warnings = result.document.diagnostics.filter((d) => d.severity !== 'info').length;
  return { id, source: path, sha256: result.document.source.sha256, bytes: result.document.source.bytes, status: 'ok', error: null, warnings, output };
}
