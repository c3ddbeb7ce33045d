import { INDICATOR_FIELDS, type IndicatorRow } from './indicator-rows.js';

export type ExportFormat = 'csv' | 'jsonl';

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, line break or edge spaces. */
export function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV text: a header line, CRLF line ends, UTF-8; with `bom` a byte-order mark first so that
 * Excel opens the Chinese text as UTF-8.
 */
export function toCsv(rows: readonly IndicatorRow[], opts: { bom?: boolean } = {}): string {
  return recordsToCsv(INDICATOR_FIELDS, rows, opts);
}

/** JSON Lines: one object per line, keys in export order, nulls kept. */
export function toJsonl(rows: readonly IndicatorRow[]): string {
  return recordsToJsonl(INDICATOR_FIELDS, rows);
}

type Cell = string | number | boolean | null;

/** The CSV header line of these fields, with CRLF, after a byte-order mark when `bom`. */
export function csvHeader(fields: readonly string[], opts: { bom?: boolean } = {}): string {
  return `${opts.bom ? '\ufeff' : ''}${fields.join(',')}\r\n`;
}

/** One record as a CSV line (CRLF), its fields in the given order. */
export function csvLine<F extends string>(fields: readonly F[], row: Record<F, Cell>): string {
  return `${fields.map((f) => csvField(row[f])).join(',')}\r\n`;
}

/** One record as a JSON line, its keys in the given order, nulls kept. */
export function jsonLine<F extends string>(fields: readonly F[], row: Record<F, Cell | readonly string[]>): string {
  return `${JSON.stringify(Object.fromEntries(fields.map((f) => [f, row[f]])))}\n`;
}

/** CSV of flat records with the given field order (RFC 4180, CRLF, optional BOM). */
export function recordsToCsv<F extends string>(fields: readonly F[], rows: ReadonlyArray<Record<F, Cell>>, opts: { bom?: boolean } = {}): string {
  return csvHeader(fields, opts) + rows.map((r) => csvLine(fields, r)).join('');
}

/** JSON Lines of flat records with the given key order. */
export function recordsToJsonl<F extends string>(fields: readonly F[], rows: ReadonlyArray<Record<F, Cell | readonly string[]>>): string {
  return rows.map((r) => jsonLine(fields, r)).join('');
}

export function formatIndicators(rows: readonly IndicatorRow[], format: ExportFormat, opts: { bom?: boolean } = {}): string {
  return format === 'csv' ? toCsv(rows, opts) : toJsonl(rows);
}
