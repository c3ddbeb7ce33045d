import type { DocContext } from '../../core/context.js';
import type { Quantity, Table } from '../../schemas/table.js';
import type { TableRegion } from '../types.js';
import { bracketMeaning } from './bracket-meaning.js';
import type { LayoutResult } from './draft.js';
import { makeColumns } from './header.js';
import { buildIndicators } from './indicators.js';
import { readSpaced } from './layout-spaced.js';
import { readTabbed } from './layout-tabbed.js';
import { readFlattened } from './layout-flattened.js';
import { readRunTogether } from './layout-run-together.js';
import { readLayoutCells } from './layout-cells.js';
import type { LayoutTable } from '../ingest/layout.js';
import { planPeriod } from './plan-period.js';


const VALUE_ROLES = new Set(['base', 'target', 'growth', 'actual', 'plan']);

const MAX_LABEL = 30;

/**
 * An indicator table: short header labels, at least one base/target/growth/actual/plan
 * column (or one named by a year), and rows most of which hold a figure (not only words and dashes).
 */
function looksLikeIndicators(columns: Table['columns'], indicators: Table['indicators']): boolean {
  if (indicators.length === 0 || !columns.some((c) => VALUE_ROLES.has(c.role) || c.year !== null)) return false;
  if (columns.some((c) => c.header.split(' / ').some((l) => l.length > MAX_LABEL))) return false;
  const withFigure = indicators.filter((i) => Object.values(i.values).some((q) => q.value !== undefined)).length;
  return withFigure * 2 >= indicators.length;
}

/** The first bracketed value, row by row. */
function firstBracketed(indicators: Table['indicators']): Quantity | undefined {
  for (const i of indicators) for (const q of Object.values(i.values)) if (q.kind === 'bracketed') return q;
  return undefined;
}

/** Tab-separated when most rows hold a tab; otherwise cells are separated by spaces (PDF text). */
function isTabbed(region: TableRegion): boolean {
  const tabbed = region.rawRows.filter((r) => r.text.includes('\t')).length;
  return tabbed > 0 && tabbed * 2 >= region.rawRows.length;
}

/** The years a cumulative figure covers: the plan named in the title, else base year + 1 … last target year. */
function periodOf(region: TableRegion, layout: LayoutResult, columns: Table['columns']): { start: number; end: number } | null {
  const named = planPeriod(region.title) ?? planPeriod(layout.headers.map((h) => h.levels.join(' ')).join(' '));
  if (named) return named;
  const base = columns.filter((c) => c.role === 'base' && c.year !== null).map((c) => c.year as number);
  const target = columns.filter((c) => (c.role === 'target' || c.role === 'plan') && c.year !== null).map((c) => c.year as number);
  if (base.length === 0 || target.length === 0) return null;
  const start = Math.max(...base) + 1;
  const end = Math.max(...target);
  return end >= start ? { start, end } : null;
}

/**
 * Columns aligned with runs of spaces (pdftotext -layout, a typed table): most rows hold a gap of
 * two or more spaces between cells. Such a gap becomes a tab followed by spaces, keeping every
 * offset (and so every raw position) as it was.
 */
function spaceAligned(region: TableRegion): TableRegion | null {
  const gap = /\S( {2,})(?=\S)/;
  const aligned = region.rawRows.filter((r) => gap.test(r.text)).length;
  if (region.rawRows.some((r) => r.text.includes('\t')) || aligned < 2 || aligned * 3 < region.rawRows.length * 2) return null;
  const rawRows = region.rawRows.map((r) => ({ ...r, text: r.text.replace(/(?<=\S) {2,}(?=\S)/g, (m) => `\t${m.slice(1)}`) }));
  return { ...region, rawRows };
}

/**
 * Parse a located table into typed indicator records (kind "indicators"), or, when it is not
 * an indicator table, keep it as kind "other". Never throws; rows it cannot read are reported
 * as diagnostics of the tables stage.
 */
export function parseTable(region: TableRegion, doc: DocContext, cells?: LayoutTable): Table {
  const other: Table = { ...region, kind: 'other', columns: [], indicators: [] };
  try {
    const aligned = cells ? null : spaceAligned(region);
    const layout = cells
      ? readLayoutCells(region.rawRows, cells, doc)
      : aligned
        ? readTabbed(aligned.rawRows, doc)
        : isTabbed(region)
          ? readTabbed(region.rawRows, doc)
          : (readFlattened(region.rawRows, doc) ?? readRunTogether(region.rawRows, doc) ?? readSpaced(region.rawRows, doc));
    if (layout === null) return other;
    const columns = makeColumns(layout.headers, planPeriod(region.title));
    const bracket = bracketMeaning(region.notes);
    const indicators = buildIndicators(layout.rows, { tableId: region.id, columns, bracket, period: periodOf(region, layout, columns) });
    if (!looksLikeIndicators(columns, indicators)) return { ...other, columns };
    const bracketed = bracket === null ? firstBracketed(indicators) : undefined;
    if (bracketed !== undefined) {
      doc.report('info', 'bracket-meaning-unknown', `table ${region.id} has bracketed values but no note says what brackets mean`, bracketed.source ?? region.source);
    }
    return { ...region, kind: 'indicators', columns, indicators };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    doc.report('warning', 'table-parse-failed', `table ${region.id} could not be parsed: ${message}`, region.source);
    return other;
  }
}
