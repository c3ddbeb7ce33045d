/**
 * Incremental builds: a document whose source bytes, pipeline version and options are unchanged is
 * taken from the previous index.json as it is — not rebuilt, not rewritten.
 *
 * What decides, per input: the previous entry for the same source path has the same id, the same
 * sha256 of the source bytes, the same `build` key (pipelineKey below), and its output file is still
 * there. Everything it needs is in index.json itself, so no sidecar file can drift from the corpus.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { CorpusIndex, IndexEntry } from '../schemas/corpus.js';
import { SCHEMA_VERSION } from '../schemas/document.js';
import type { OcrRules } from '../schemas/ocr-rules.js';
import { TOOL_VERSION } from '../core/version.js';
import { defaultRules, loadRules } from '../pipeline/normalize/ocr/rules.js';
import type { PipelineOptions } from '../pipeline/document.js';
import { serialize } from '../pipeline/emit/write.js';
import { openCorpus } from './store.js';

/** What a document's output depends on besides its bytes: as data, so a queue job can carry it to another machine. */
export interface PipelineVersion {
  tool: string;
  schema: string;
  ocr: boolean;
  /** the OCR rules in force (the defaults merged with a rules file), null when OCR is off */
  rules: OcrRules | null;
  /** documents written as compact JSON (--compact): other bytes, so another build */
  compact?: boolean;
}

/** The pipeline version of this installation for these options (a rules file is read and merged here). */
export function pipelineVersion(options: Pick<PipelineOptions, 'rules' | 'ocr'> & { compact?: boolean }): PipelineVersion {
  const ocr = options.ocr !== false;
  const rules = !ocr ? null : options.rules === undefined ? defaultRules() : typeof options.rules === 'string' ? loadRules(options.rules) : options.rules;
  return { tool: TOOL_VERSION, schema: SCHEMA_VERSION, ocr, rules, ...(options.compact ? { compact: true } : {}) };
}

/** The `build` key of an index entry: 16 hex digits of the sha256 of the pipeline version. */
export function pipelineKey(version: PipelineVersion): string {
  // compact only when set, so that the keys of indented corpora stay what they were
  const parts: unknown[] = [version.tool, version.schema, version.ocr, version.rules];
  if (version.compact) parts.push('compact');
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

/** sha256 of a file's bytes, streamed (inputs can be large PDFs). */
export function fileSha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** The index of the corpus already in `outDir`, or null when there is none or it does not validate (then everything is built). */
export async function previousIndex(outDir: string): Promise<CorpusIndex | null> {
  try {
    return (await openCorpus(outDir)).index;
  } catch {
    return null;
  }
}

/** A job as the incremental check sees it: its id, its path recorded in the document, the file to read. */
export interface IncrementalJob {
  id: string;
  path: string;
  file: string;
}

/**
 * Failures worth retrying on an unchanged input: they do not come from the document's bytes alone,
 * but from the machine or from a limit the next run may raise (--max-bytes, --max-pages, --timeout, --max-memory).
 */
const TRANSIENT = new Set(['read-error', 'internal-error', 'too-large', 'pdf-too-many-pages', 'timeout', 'out-of-memory', 'worker-crashed']);

/**
 * For each job, the previous entry to keep (the input is unchanged and was built by the same
 * pipeline, and its output is still on disk), or undefined when it must be built.
 */
export async function reusableEntries(
  jobs: readonly IncrementalJob[],
  previous: CorpusIndex | null,
  outDir: string,
  build: string,
): Promise<Array<IndexEntry | undefined>> {
  if (!previous) return jobs.map(() => undefined);
  const bySource = new Map(previous.documents.map((e) => [e.source, e]));
  const limit = pLimit(16);
  return Promise.all(
    jobs.map((job) =>
      limit(async () => {
        const old = bySource.get(job.path);
        if (!old || old.id !== job.id || old.build !== build || old.sha256 === null || old.bytes === null) return undefined;
        if (old.status === 'failed' && TRANSIENT.has(old.error?.code ?? '')) return undefined;
        try {
          const st = await stat(job.file);
          if (st.size !== old.bytes) return undefined; // cheap: a changed size needs no hashing
          if (old.output !== null && !(await stat(join(outDir, old.output))).isFile()) return undefined;
          // small files in one read (most inputs), big ones (long PDFs) streamed
          const hash = st.size < 8 << 20 ? createHash('sha256').update(await readFile(job.file)).digest('hex') : await fileSha256(job.file);
          return hash === old.sha256 ? old : undefined;
        } catch {
          return undefined; // unreadable input or missing output: build it, and let the build report
        }
      }),
    ),
  );
}

/** True when index.json in `outDir` already holds exactly this index (then it is not rewritten). */
export async function indexUnchanged(outDir: string, index: CorpusIndex): Promise<boolean> {
  try {
    return (await readFile(join(outDir, 'index.json'), 'utf8')) === serialize(index);
  } catch {
    return false;
  }
}
