import type { Indicator, Quantity, TableColumn } from '../../schemas/table.js';
import { compactText, plainScripts } from './cell-text.js';
import type { CellDraft, RowDraft } from './draft.js';
import { parseQuantity } from './quantity.js';
import { LineIndex } from '../../core/provenance/line-index.js';
import { normalizeUnit, splitNameUnit } from './unit.js';
import type { BracketMeaning } from './bracket-meaning.js';

/** 预期性 → expected, 约束性 → binding. */
export function attributeOf(text: string): Indicator['attribute'] {
  if (/约束/.test(text)) return 'binding';
  if (/预期|指导/.test(text)) return 'expected';
  return null;
}

/** A name as printed, made readable: markup subscripts as text (PM _{2.5} → PM2.5), extraction spaces removed. */
export function cleanName(raw: string): string {
  return compactText(plainScripts(raw));
}

export interface BuildOptions {
  tableId: string;
  columns: readonly TableColumn[];
  bracket: BracketMeaning | null;
  /** years a cumulative value covers (the table's plan period) */
  period: { start: number; end: number } | null;
}

function quantityOf(cell: CellDraft, opts: BuildOptions): Quantity {
  const q: Quantity = { ...parseQuantity(cell.raw), source: LineIndex.join(cell.spans) };
  if (cell.merged) q.merged = true;
  if (q.kind === 'bracketed' && opts.bracket !== null) {
    q.qualifier = opts.bracket.qualifier;
    if (opts.bracket.qualifier === 'cumulative' && opts.period !== null) q.period = { ...opts.period };
  }
  return q;
}

/** Typed indicators from a layout reader's rows. */
export function buildIndicators(rows: readonly RowDraft[], opts: BuildOptions): Indicator[] {
  const ids = new Set<string>();
  /** rows with one number (a table that restarts its numbering): the second is `…-1~2`, the third `…-1~3` */
  const repeats = new Map<string, number>();
  const uniqueId = (base: string): string => {
    let id = base;
    for (let k = repeats.get(base) ?? 1; ids.has(id); ) id = `${base}~${++k}`;
    repeats.set(base, Number(/~(\d+)$/.exec(id)?.[1] ?? 1));
    ids.add(id);
    return id;
  };
  return rows.map((row, n) => {
    const values: Record<string, Quantity> = {};
    let unit: string | null = null;
    let attribute: Indicator['attribute'] = null;
    let attributeText: string | null = null;
    opts.columns.forEach((col, j) => {
      const cell = row.cells[j];
      if (cell === null || cell === undefined) return;
      if (col.role === 'unit') {
        const u = normalizeUnit(plainScripts(cell.raw));
        if (u !== '' && parseQuantity(u).kind !== 'none') unit = u;
      } else if (col.role === 'attribute') {
        attributeText = compactText(cell.raw) || null;
        attribute = attributeOf(cell.raw);
      } else {
        values[col.key] = quantityOf(cell, opts);
      }
    });
    const named = splitNameUnit(cleanName(row.name.raw));
    const id = uniqueId(`${opts.tableId}-${row.seq ?? `r${n + 1}`}`);
    return {
      id,
      seq: row.seq ?? '',
      category: row.category,
      name: named.name,
      unit: unit ?? named.unit,
      unitNote: named.unitNote,
      parent: row.parent === null ? null : splitNameUnit(cleanName(row.parent.raw)).name,
      values,
      attribute,
      attributeText,
      source: row.source,
    };
  });
}
