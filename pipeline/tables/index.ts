import type { DocContext } from '../../core/context.js';
import type { Table } from '../../schemas/table.js';
import type { TableRegion } from '../types.js';
import { parseTable } from './parse-table.js';

/** tables: each located table read into typed indicator records (kind "indicators"), or kept as kind "other". */
export function parseTables(regions: readonly TableRegion[], doc: DocContext): Table[] {
  return regions.map((region) => doc.step('tables', 'parse-table', () => parseTable(region, doc)));
}
