import { DocContext, DocumentError } from '../core/context.js';
import { ingest, IngestError, sha256 } from './ingest/index.js';
import { normalize, type TextStep } from './normalize/index.js';
import { segment } from './segment/index.js';
import { buildMeta, type Region } from './segment/meta.js';
import { parseTable } from './tables/parse-table.js';
import { SCHEMA_VERSION, type PlanDocument, type PageMarker } from '../schemas/document.js';
import type { SourceSpan } from '../schemas/source.js';
import { validateDocument, formatProblems } from './emit/validate.js';
import { attachPlacements, physicalPages } from './emit/placements.js';
import { layoutTableAt } from './tables/layout-cells.js';
import type { Layout } from './ingest/layout.js';

/** A hook that reads the normalized-so-far text, may add a character step, and names the document's region. */
export interface DocumentHooks {
  /** character steps run after Unicode/traditional conversion and before unwrapping */
  characterSteps?: (doc: DocContext, state: { region: Region }) => TextStep[];
}

export interface ProcessOptions {
  hooks?: DocumentHooks;
}

export type ProcessResult =
  | { status: 'ok'; document: PlanDocument; /** for PDFs: the extracted text every position refers to, to save at document.source.extracted.path */ extractedText?: string }
  | { status: 'failed'; error: { code: string; message: string }; sha256: string; bytes: number };

const NO_REGION: Region = { province: null, city: null, county: null, code: null };

const bySource = (a: { source: SourceSpan }, b: { source: SourceSpan }): number => a.source.offset - b.source.offset || a.source.endOffset - b.source.endOffset;

/** Turn one input file into a validated document, or a clear per-document error. Never throws for bad input. */
export async function processDocument(id: string, path: string, bytes: Uint8Array, options: ProcessOptions = {}): Promise<ProcessResult> {
  let raw;
  try {
    raw = await ingest(path, bytes);
  } catch (err) {
    if (err instanceof IngestError) return { status: 'failed', error: { code: err.code, message: err.message }, sha256: err.sha256, bytes: err.bytes };
    return { status: 'failed', error: { code: 'internal-error', message: `ingest failed: ${err instanceof Error ? err.message : String(err)}` }, sha256: sha256(bytes), bytes: bytes.length };
  }
  try {
    const source = raw.source.extracted ? { ...raw.source, extracted: { ...raw.source.extracted, path: `${id}.source.txt` } } : raw.source;
    const document = buildDocument(id, source, raw.text, raw.warnings, options, raw.layout);
    return source.extracted ? { status: 'ok', document, extractedText: raw.text } : { status: 'ok', document };
  } catch (err) {
    const code = err instanceof DocumentError ? err.code : 'internal-error';
    const message = err instanceof Error ? err.message : String(err);
    return { status: 'failed', error: { code, message }, sha256: raw.source.sha256, bytes: raw.source.bytes };
  }
}

export function buildDocument(
  id: string,
  source: PlanDocument['source'],
  text: string,
  warnings: ReadonlyArray<{ code: string; message: string }>,
  options: ProcessOptions = {},
  layout?: Layout,
): PlanDocument {
  const doc = new DocContext(source.path, text);
  for (const w of warnings) doc.report('ingest', 'warning', w.code, w.message);
  const state = { region: NO_REGION };
  const norm = normalize(doc, { characterSteps: options.hooks?.characterSteps?.(doc, state) ?? [], layout });
  const seg = segment(norm, doc, layout);
  const tables = seg.tables.map((region) => parseTable(region, doc, layoutTableAt(layout, region.source)));
  const leadParagraphs = [...seg.paragraphs, ...(seg.sections[0]?.paragraphs ?? [])];
  const meta = buildMeta({ cover: seg.cover, front: seg.front, leadParagraphs, toc: seg.toc, region: state.region, closing: norm.blocks.slice(-6) });
  const pages: PageMarker[] = [...doc.pages].sort(bySource);
  const candidate = {
    schemaVersion: SCHEMA_VERSION,
    id,
    source,
    meta,
    frontMatter: seg.frontMatter,
    paragraphs: seg.paragraphs,
    sections: seg.sections,
    boxes: seg.boxes,
    tables,
    figures: seg.figures,
    pages,
    corrections: [...doc.corrections].sort(bySource),
    removals: [...doc.removals].sort(bySource),
    diagnostics: [...doc.diagnostics].sort((a, b) => (a.source?.offset ?? -1) - (b.source?.offset ?? -1)),
    accounting: {
      rawChars: text.length,
      textChars: norm.text.text.length,
      removedChars: Object.fromEntries(Object.entries(doc.removedChars).sort(([a], [b]) => (a < b ? -1 : 1))),
    },
  };
  if (layout) {
    attachPlacements(candidate, layout);
    if (layout.pages.length > 0) Object.assign(candidate, { physicalPages: physicalPages(layout, doc) });
  }
  const checked = validateDocument(candidate);
  if (!checked.ok) throw new DocumentError('schema-invalid', `the document does not match the schema: ${formatProblems(checked.problems)}`);
  return checked.document;
}
