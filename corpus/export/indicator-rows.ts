import { z } from 'zod';
import { Table } from '../../schemas/table.js';

/** What the export needs of a document JSON (the rest of it is left alone). */
export const ExportDocument = z.looseObject({
  id: z.string(),
  meta: z.looseObject({
    title: z.string().nullable().optional(),
    year: z.number().int().nullable().optional(),
    region: z
      .looseObject({
        province: z.string().nullable().optional(),
        city: z.string().nullable().optional(),
        county: z.string().nullable().optional(),
      })
      .optional(),
  }),
  tables: z.array(Table),
});
export type ExportDocument = z.infer<typeof ExportDocument>;

/** One indicator × value column: the flat record analysts load into a sheet, DuckDB or pandas. */
export interface IndicatorRow {
  document_id: string;
  region: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  year: number | null;
  table_id: string;
  table_title: string;
  indicator_id: string;
  seq: string;
  category: string | null;
  name: string;
  parent: string | null;
  unit: string | null;
  column_key: string;
  column_header: string;
  role: string;
  column_year: number | null;
  raw: string;
  kind: string;
  value: number | null;
  qualifier: string | null;
  denominator: string | null;
  merged: boolean;
  attribute: string | null;
  attribute_text: string | null;
}

/** Column order of the export (CSV header, JSONL key order). */
export const INDICATOR_FIELDS: ReadonlyArray<keyof IndicatorRow> = [
  'document_id', 'region', 'province', 'city', 'county', 'year', 'table_id', 'table_title', 'indicator_id', 'seq', 'category', 'name', 'parent', 'unit',
  'column_key', 'column_header', 'role', 'column_year', 'raw', 'kind', 'value', 'qualifier', 'denominator', 'merged', 'attribute', 'attribute_text',
];

/** Flatten parsed documents to one row per indicator × value column, in document, table, row, column order. */
export function indicatorRows(docs: readonly ExportDocument[]): IndicatorRow[] {
  return docs.flatMap(indicatorRowsOf);
}

/** One document's rows: one per indicator × value column, in table, row, column order. */
export function indicatorRowsOf(doc: ExportDocument): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  const r = doc.meta.region ?? {};
  const parts = [r.province, r.city, r.county].filter((p): p is string => typeof p === 'string' && p !== '');
  for (const table of doc.tables) {
    if (table.kind !== 'indicators') continue;
    for (const ind of table.indicators) {
      for (const col of table.columns) {
        const q = ind.values[col.key];
        if (q === undefined) continue;
        out.push({
          document_id: doc.id,
          region: parts.length > 0 ? parts.join('') : null,
          province: r.province ?? null,
          city: r.city ?? null,
          county: r.county ?? null,
          year: doc.meta.year ?? null,
          table_id: table.id,
          table_title: table.title,
          indicator_id: ind.id,
          seq: ind.seq,
          category: ind.category,
          name: ind.name,
          parent: ind.parent,
          unit: ind.unit,
          column_key: col.key,
          column_header: col.header,
          role: col.role,
          column_year: col.year,
          raw: q.raw,
          kind: q.kind,
          value: q.value ?? null,
          qualifier: q.qualifier ?? null,
          denominator: q.denominator ?? null,
          merged: q.merged === true,
          attribute: ind.attribute,
          attribute_text: ind.attributeText,
        });
      }
    }
  }
  return out;
}
