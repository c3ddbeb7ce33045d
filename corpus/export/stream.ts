/**
 * An export streamed document by document: each built document is read, turned into its rows and
 * written before the next is read, so memory stays that of one document however large the corpus
 * (a national collection is tens of thousands of documents; holding them, as the first exports did,
 * took 6 GB for 5,000). The text is the same as formatting all rows at once.
 */
import type { z } from 'zod';
import { readEach, type CorpusReader, type ReadProgress } from '../store.js';
import { csvHeader, csvLine, jsonLine, type ExportFormat } from './format.js';

type Cell = string | number | boolean | null;

/** What one export reads of a document and the rows it makes of it, with their field order. */
export interface RecordExport<T, F extends string> {
  schema: z.ZodType<T>;
  fields: readonly F[];
  rowsOf: (doc: T) => ReadonlyArray<Record<F, Cell>>;
}

/** Where the text goes, piece by piece; a returned promise holds the next piece back until it settles (a full pipe, a disk). */
export type TextSink = (text: string) => void | Promise<void>;

export interface ExportCount {
  documents: number;
  rows: number;
  /** documents that could not be read, `id: why` */
  problems: string[];
}

/** Write the export of every built document of the corpus to the sink: CSV (header first, CRLF, optional BOM) or JSON Lines. */
export async function exportRecords<T, F extends string>(corpus: CorpusReader, spec: RecordExport<T, F>, format: ExportFormat, opts: { bom?: boolean; progress?: ReadProgress }, sink: TextSink): Promise<ExportCount> {
  const count: ExportCount = { documents: 0, rows: 0, problems: [] };
  if (format === 'csv') await sink(csvHeader(spec.fields, opts));
  for (const { doc } of readEach(corpus, spec.schema, (id, message) => count.problems.push(`${id}: ${message}`), opts.progress)) {
    const rows = spec.rowsOf(doc);
    count.documents++;
    count.rows += rows.length;
    if (rows.length === 0) continue;
    let text = '';
    for (const row of rows) text += format === 'csv' ? csvLine(spec.fields, row) : jsonLine(spec.fields, row);
    await sink(text);
  }
  return count;
}
