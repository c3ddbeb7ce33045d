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
  const lines = [INDICATOR_FIELDS.join(','), ...rows.map((r) => INDICATOR_FIELDS.map((f) => csvField(r[f])).join(','))];
  return (opts.bom ? '\ufeff' : '') + lines.map((l) => `${l}\r\n`).join('');
}

/** JSON Lines: one object per line, keys in export order, nulls kept. */
export function toJsonl(rows: readonly IndicatorRow[]): string {
  return rows.map((r) => `${JSON.stringify(Object.fromEntries(INDICATOR_FIELDS.map((f) => [f, r[f]])))}\n`).join('');
}

export function formatIndicators(rows: readonly IndicatorRow[], format: ExportFormat, opts: { bom?: boolean } = {}): string {
  return format === 'csv' ? toCsv(rows, opts) : toJsonl(rows);
}
