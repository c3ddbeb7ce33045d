/**
 * plancorpus as a library: the same pipeline and corpus tools the CLI runs.
 *
 *   const r = await extractDocument('fixtures/000_5e002ab9d4a7d847.txt');
 *   if (r.status === 'ok') console.log(r.document.meta.title);
 */
import { openCorpus, type CorpusReader } from './corpus/store.js';
import { diffCorpora as diffSnapshots, readCorpusSnapshot, type CorpusSnapshot } from './corpus/diff/index.js';
import type { CorpusDiff, DiffOptions } from './corpus/diff/types.js';

export { extractDocument, createPipeline, type Pipeline, type PipelineOptions, type ExtractResult, type SourceInput } from './pipeline/document.js';
export { buildCorpus, resolveInputs, CorpusBuild, NoInputsError, type BuildOptions, type BuildResult } from './corpus/build.js';
export { CorpusError, folderWriter, type CorpusReader, type CorpusWriter } from './corpus/store.js';
export { snapshotOf, formatDiffText, formatDiffJson, type CorpusSnapshot } from './corpus/diff/index.js';
export type { CorpusDiff, DiffOptions } from './corpus/diff/types.js';
export { jsonSchema } from './schemas/json-schema.js';
export { PlanDocument as DocumentSchema, SCHEMA_VERSION } from './schemas/document.js';
export { CorpusIndex as CorpusIndexSchema } from './schemas/corpus.js';
export type { PlanDocument, Meta, Section, Paragraph, Box, Figure, PageMarker, TocEntry, Region } from './schemas/document.js';
export type { Table, Indicator, Quantity } from './schemas/table.js';
export type { Correction, Diagnostic, Removal } from './schemas/messages.js';
export type { SourceSpan } from './schemas/source.js';
export type { CorpusIndex, IndexEntry } from './schemas/corpus.js';

/** Open a built corpus folder: its index now, its documents one at a time (`for await (const d of c.documents())`). */
export function loadCorpus(dir: string): Promise<CorpusReader> {
  return openCorpus(dir);
}

/** Compare two corpora (folders or snapshots): documents paired by id, then headings, paragraphs, tables, boxes and messages. */
export async function diffCorpora(a: string | CorpusSnapshot, b: string | CorpusSnapshot, options: DiffOptions = {}): Promise<CorpusDiff> {
  const open = (x: string | CorpusSnapshot) => (typeof x === 'string' ? readCorpusSnapshot(x) : Promise.resolve(x));
  return diffSnapshots(await open(a), await open(b), options);
}
