import { z } from 'zod';
import { PlanDocument } from '../../schemas/document.js';

/** What the facts export reads of a document: its id, metadata and facts. */
export const FactsDocument = PlanDocument.pick({ id: true, meta: true, facts: true }).loose();
export type FactsDocument = z.infer<typeof FactsDocument>;

/** One fact of the prose with where it is from: the unit analysts load into a table. */
export interface FactRow {
  document_id: string;
  doc_type: string;
  province: string | null;
  city: string | null;
  county: string | null;
  region_code: string | null;
  fact_id: string;
  section_id: string | null;
  paragraph_id: string;
  metric: string;
  metric_text: string;
  in_vocabulary: boolean;
  value: number | null;
  value_text: string;
  value_kind: string;
  unit: string | null;
  change: number | null;
  change_unit: string | null;
  change_kind: string | null;
  period_start: number | null;
  period_end: number | null;
  polarity: string;
  qualifiers: string;
  raw: string;
  line: number;
  column: number;
  offset: number;
  end_offset: number;
}

export const FACT_FIELDS: ReadonlyArray<keyof FactRow> = [
  'document_id', 'doc_type', 'province', 'city', 'county', 'region_code', 'fact_id', 'section_id', 'paragraph_id', 'metric', 'metric_text', 'in_vocabulary',
  'value', 'value_text', 'value_kind', 'unit', 'change', 'change_unit', 'change_kind', 'period_start', 'period_end', 'polarity', 'qualifiers', 'raw', 'line', 'column', 'offset', 'end_offset',
];

/** Facts in document order, one row each, with the document's region and the fact's raw position. */
export function factRows(docs: readonly FactsDocument[]): FactRow[] {
  return docs.flatMap(factRowsOf);
}

/** One document's facts, one row each, in its order. */
export function factRowsOf(d: FactsDocument): FactRow[] {
  return d.facts.map((f) => ({
    document_id: d.id,
    doc_type: d.meta.docType,
    province: d.meta.region.province,
    city: d.meta.region.city,
    county: d.meta.region.county,
    region_code: d.meta.region.code,
    fact_id: f.id,
    section_id: f.sectionId,
    paragraph_id: f.paragraphId,
    metric: f.metric,
    metric_text: f.metricText,
    in_vocabulary: f.vocabulary,
    value: f.value.value ?? null,
    value_text: f.value.raw,
    value_kind: f.value.kind,
    unit: f.unit,
    change: f.change?.quantity.value ?? null,
    change_unit: f.change?.unit ?? null,
    change_kind: f.change?.kind ?? null,
    period_start: f.period?.start ?? null,
    period_end: f.period?.end ?? null,
    polarity: f.polarity,
    qualifiers: f.qualifiers.join(' '),
    raw: f.raw,
    line: f.source.line,
    column: f.source.column,
    offset: f.source.offset,
    end_offset: f.source.endOffset,
  }));
}
