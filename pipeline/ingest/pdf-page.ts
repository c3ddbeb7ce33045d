/**
 * One page read by its geometry: plain lines in reading order, ruled tables (grids of two or more
 * columns) with each cell's text, and framed boxes (one-column grids) with their items. Pure: page
 * geometry in, pieces out (view space, see pdf-geometry.ts).
 */
import type { PdfItem, PdfPageGeometry, PdfRule } from './pdf-geometry.js';
import { findOpenTables, findUnruledTables } from './pdf-open-table.js';
import { findGrids, type Grid, type GridCell, type TableCellText } from './pdf-grid.js';

export type { TableCellText } from './pdf-grid.js';
import { groupLines, itemCentreY, joinLines, type PdfLine } from './pdf-lines.js';
import { matchMarker } from '../../core/text/markers.js';
import { BOX_MARKER } from '../../core/text/line-kind.js';
import { endsSentence } from '../../core/text/chars.js';

export type PagePiece =
  | { kind: 'line'; line: PdfLine }
  | { kind: 'table'; grid: Grid; cells: TableCellText[] }
  | { kind: 'frame'; grid: Grid; items: PdfLine[] };

const contains = (g: { x0: number; top: number; x1: number; bottom: number }, x: number, y: number): boolean => x >= g.x0 && x <= g.x1 && y >= g.top && y <= g.bottom;

/** Lines that start a new item inside a frame: indented, numbered, a dash-led entry, or after a line that stopped short. */
function frameItems(lines: readonly PdfLine[]): PdfLine[] {
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.right));
  const items: PdfLine[][] = [];
  lines.forEach((l, k) => {
    const prev = lines[k - 1];
    const starts =
      k === 0 ||
      l.x0 > left + 0.8 * l.size ||
      // numbered after a line that ended its sentence (a line may start with 19、20道… mid-sentence)
      (matchMarker(l.text) !== null && endsSentence(prev.text)) ||
      BOX_MARKER.test(l.text) ||
      /^[—–-]{2}/.test(l.text) ||
      prev.right < right - 1.5 * prev.size ||
      (prev.x0 > left + 2 * prev.size && prev.right < right - 2 * prev.size); // a centred title line
    if (starts) items.push([l]);
    else items[items.length - 1].push(l);
  });
  return items.map((group) => ({
    text: joinLines(group.map((l) => l.text)),
    x0: Math.min(...group.map((l) => l.x0)),
    right: Math.max(...group.map((l) => l.right)),
    top: group[0].top,
    bottom: group[group.length - 1].bottom,
    size: Math.max(...group.map((l) => l.size)),
    bold: group.every((l) => l.bold),
  }));
}

const area = (g: Grid): number => (g.x1 - g.x0) * (g.bottom - g.top);

function nearest(cells: readonly GridCell[], x: number, y: number): GridCell {
  const dist = (c: GridCell): number => Math.hypot(Math.max(c.x0 - x, 0, x - c.x1), Math.max(c.top - y, 0, y - c.bottom));
  return cells.reduce((best, c) => (dist(c) < dist(best) ? c : best));
}

/** Read one page into pieces, top to bottom. */
export function readPage(page: Pick<PdfPageGeometry, 'items' | 'rules'>): PagePiece[] {
  const grids = findGrids(page.rules);
  const inGrid = new Map<Grid, PdfItem[]>(grids.map((g) => [g, []]));
  const outside: PdfItem[] = [];
  for (const it of page.items) {
    const cx = (it.x + it.right) / 2;
    const cy = itemCentreY(it);
    // the innermost grid holding the item (a table drawn inside a 专栏 frame keeps its own text)
    const g = grids.filter((grid) => contains(grid, cx, cy)).sort((a, b) => area(a) - area(b))[0];
    if (g) inGrid.get(g)?.push(it);
    else outside.push(it);
  }
  const pieces: Array<{ top: number; piece: PagePiece }> = [];
  // tables drawn with horizontal rules only, from the rules no grid used
  const near = (g: Grid, r: PdfRule): boolean => r.x0 >= g.x0 - 2 && r.x1 <= g.x1 + 2 && r.y0 >= g.top - 2 && r.y1 <= g.bottom + 2;
  const open = findOpenTables(
    page.rules.filter((r) => !grids.some((g) => near(g, r))),
    outside,
  );
  const rest = outside.filter((it) => !open.some((t) => t.items.has(it)));
  // and tables drawn without rules, found by their title
  open.push(...findUnruledTables(rest));
  const free = rest.filter((it) => !open.some((t) => t.items.has(it)));
  for (const t of open) pieces.push({ top: t.grid.top, piece: { kind: 'table', grid: t.grid, cells: t.cells } });
  for (const line of groupLines(free)) pieces.push({ top: line.top, piece: { kind: 'line', line } });
  for (const grid of grids) {
    const items = inGrid.get(grid) ?? [];
    if (grid.xs.length === 2) {
      pieces.push({ top: grid.top, piece: { kind: 'frame', grid, items: frameItems(groupLines(items)) } });
      continue;
    }
    const byCell = new Map<GridCell, PdfItem[]>(grid.cells.map((c) => [c, []]));
    for (const it of items) {
      const cx = (it.x + it.right) / 2;
      const cy = itemCentreY(it);
      // on a rule exactly: the nearest cell, so that no text is dropped
      const cell = grid.cells.find((c) => contains(c, cx, cy)) ?? nearest(grid.cells, cx, cy);
      byCell.get(cell)?.push(it);
    }
    const cells = grid.cells.map((c) => ({ ...c, text: joinLines(groupLines(byCell.get(c) ?? []).map((l) => l.text)) }));
    pieces.push({ top: grid.top, piece: { kind: 'table', grid, cells } });
  }
  pieces.sort((a, b) => a.top - b.top);
  return pieces.map((p) => p.piece);
}
