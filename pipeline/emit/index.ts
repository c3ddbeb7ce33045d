import { DocumentError, type DocContext } from '../../core/context.js';
import { SCHEMA_VERSION, type PlanDocument, type PageMarker } from '../../schemas/document.js';
import type { SourceSpan } from '../../schemas/source.js';
import type { Table } from '../../schemas/table.js';
import type { Fact } from '../../schemas/fact.js';
import type { Normalized, RawDocument, Segmented } from '../types.js';
import { validateDocument, formatProblems } from './validate.js';
import { attachPlacements, physicalPages } from './placements.js';

export { serialize, writeAtomic } from './write.js';

/** What the stages made of one input, handed to emit. */
export interface Extraction {
  id: string;
  raw: RawDocument;
  normalized: Normalized;
  segmented: Segmented;
  tables: Table[];
  facts: Fact[];
}

const bySource = (a: { source: SourceSpan }, b: { source: SourceSpan }): number => a.source.offset - b.source.offset || a.source.endOffset - b.source.endOffset;

/**
 * emit: assemble the document with what doc collected (pages, corrections, removals, diagnostics in
 * raw order, the accounting of every character) and validate it against the schema; a problem is
 * reported at the item's raw position and stops this document.
 */
export function emitDocument(x: Extraction, doc: DocContext): PlanDocument {
  const { segmented: seg } = x;
  const pages: PageMarker[] = [...doc.pages].sort(bySource);
  const candidate = {
    schemaVersion: SCHEMA_VERSION,
    id: x.id,
    source: x.raw.source,
    meta: seg.meta,
    frontMatter: seg.frontMatter,
    paragraphs: seg.paragraphs,
    sections: seg.sections,
    boxes: seg.boxes,
    tables: x.tables,
    figures: seg.figures,
    facts: x.facts,
    pages,
    corrections: [...doc.corrections].sort(bySource),
    removals: [...doc.removals].sort(bySource),
    diagnostics: [...doc.diagnostics].sort((a, b) => (a.source?.offset ?? -1) - (b.source?.offset ?? -1)),
    accounting: {
      rawChars: x.raw.text.length,
      textChars: x.normalized.text.text.length,
      removedChars: Object.fromEntries(Object.entries(doc.removedChars).sort(([a], [b]) => (a < b ? -1 : 1))),
    },
  };
  if (x.raw.layout) {
    // a PDF's items get their page and box; the document lists its physical pages with their printed labels
    attachPlacements(candidate, x.raw.layout);
    if (x.raw.layout.pages.length > 0) Object.assign(candidate, { physicalPages: physicalPages(x.raw.layout, doc) });
  }
  const checked = validateDocument(candidate);
  if (!checked.ok) throw new DocumentError('schema-invalid', `the document does not match the schema: ${formatProblems(checked.problems)}`);
  return checked.document;
}
