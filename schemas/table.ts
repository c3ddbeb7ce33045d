import { z } from 'zod';
import { compiled } from './compiled.js';
import { SourceSpan } from './source.js';

/** One line of a table's body as it stood in the source, for parsers and for people checking them. */
export const RawRow = z
  .object({
    text: z.string().describe('The line after character normalization (tabs kept, ends trimmed)'),
    raw: z.string().describe('The raw line, exactly as in the source; for a row cut from a longer raw line (a body scraped onto one line), the raw text of its own span'),
    source: SourceSpan,
    map: z
      .array(z.tuple([z.number().int().min(0), z.number().int().min(0)]))
      .describe('Offset map: runs [offset in text, raw offset in the document]; within a run characters map one to one'),
  })
  .strict()
  .meta({ id: 'RawRow' });
export type RawRow = z.infer<typeof RawRow>;

export const TableNote = z.object({ text: z.string(), source: SourceSpan }).strict().meta({ id: 'TableNote' });
export type TableNote = z.infer<typeof TableNote>;

export const QuantityKind = z.enum(['number', 'about', 'atLeast', 'atMost', 'rate', 'bracketed', 'estimate', 'none', 'text']).meta({ id: 'QuantityKind' });
export const Quantity = z
  .object({
    raw: z.string().describe('The cell text as printed (normalized characters)'),
    kind: QuantityKind,
    value: z.number().optional(),
    qualifier: z.string().optional().describe('about | atLeast | atMost | cumulative | estimate … or the bracket meaning taken from the table note'),
    denominator: z.string().optional().describe('for rates: the base, e.g. 10万'),
    text: z.string().optional().describe('for text targets: the words'),
    source: SourceSpan.optional(),
    merged: z.boolean().optional().describe('true when the cell was merged over several rows or columns and repeated here'),
    period: z
      .object({ start: z.number().int(), end: z.number().int() })
      .strict()
      .optional()
      .describe('for cumulative values: the years the total covers, when the table names its plan period'),
  })
  .strict()
  .meta({ id: 'Quantity' });
export type Quantity = z.infer<typeof Quantity>;

export const ColumnRole = z.enum(['base', 'target', 'growth', 'actual', 'plan', 'unit', 'attribute', 'other']).meta({ id: 'ColumnRole' });
export const TableColumn = z
  .object({
    key: z.string().describe('Stable key within the table, e.g. base-2015, target-2020, growth; used in Indicator.values'),
    header: z.string().describe('The header text joined over its lines; levels of a two-level header joined with " / "'),
    role: ColumnRole,
    year: z.number().int().nullable(),
  })
  .strict()
  .meta({ id: 'TableColumn' });
export type TableColumn = z.infer<typeof TableColumn>;

export const Indicator = z
  .object({
    id: z.string(),
    seq: z.string().describe('Printed sequence number; sub-rows as 9.1, 9.2'),
    category: z.string().nullable(),
    name: z.string(),
    unit: z.string().nullable(),
    unitNote: z.string().nullable().describe('what the unit parentheses add besides the unit, e.g. 2020年价格'),
    parent: z.string().nullable(),
    values: z.record(z.string(), Quantity).describe('by column key; only value columns (not the unit or attribute column)'),
    attribute: z.enum(['expected', 'binding']).nullable(),
    attributeText: z.string().nullable(),
    source: SourceSpan,
  })
  .strict()
  .meta({ id: 'Indicator' });
export type Indicator = z.infer<typeof Indicator>;

export const Table = compiled(
  z
  .object({
    id: z.string(),
    number: z.number().int().nullable().describe('The printed table number (表 1 → 1), null when unnumbered'),
    title: z.string(),
    sectionId: z.string().nullable(),
    source: SourceSpan,
    notes: z.array(TableNote),
    rawRows: z.array(RawRow),
    kind: z.enum(['indicators', 'other']),
    columns: z.array(TableColumn),
    indicators: z.array(Indicator),
  })
  .strict()
  .meta({ id: 'Table' }),
);
export type Table = z.infer<typeof Table>;
