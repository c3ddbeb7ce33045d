import type { DocContext } from '../../core/context.js';
import type { Table } from '../../schemas/table.js';
import type { TableRegion } from '../types.js';
import { parseTable } from './parse-table.js';
import { layoutTableAt } from './layout-cells.js';
import type { Layout } from '../ingest/layout.js';

/** tables: each located table read into typed indicator records (kind "indicators"), or kept as kind "other". */
export function parseTables(regions: readonly TableRegion[], doc: DocContext, layout?: Layout): Table[] {
  // a table the input drew (a PDF grid, a .docx or HTML table) is read from its cells
  return regions.map((region) => doc.step('tables', 'parse-table', () => parseTable(region, doc, layoutTableAt(layout, region.source))));
}
