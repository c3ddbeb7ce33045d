/**
 * Ruled grids from a page's rules: the rules that touch each other form a grid; its columns and
 * rows are the distinct positions of its vertical and horizontal rules, and a cell spans the
 * elementary cells between which an inner rule is missing (a merged cell). View space throughout
 * (origin top-left, y downwards; see pdf-geometry.ts).
 */
import type { PdfRule } from './pdf-geometry.js';

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}

export interface Grid {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
  /** column boundaries, left to right (cols + 1 values) */
  xs: number[];
  /** row boundaries, top to bottom (rows + 1 values) */
  ys: number[];
  /** cells in row-major order of their top-left corner */
  cells: GridCell[];
}

/** Positions closer than this (PDF units) are one rule position: double strokes, rounding. */
const SNAP = 2;

const isHorizontal = (r: PdfRule): boolean => r.y1 - r.y0 < 0.5;

/** Join collinear rules that overlap or touch: a table's border is drawn one cell side at a time. */
export function mergeCollinear(rules: readonly PdfRule[], horizontal: boolean): PdfRule[] {
  const key = (r: PdfRule): number => (horizontal ? r.y0 : r.x0);
  const lo = (r: PdfRule): number => (horizontal ? r.x0 : r.y0);
  const hi = (r: PdfRule): number => (horizontal ? r.x1 : r.y1);
  const sorted = [...rules].sort((a, b) => key(a) - key(b) || lo(a) - lo(b));
  const out: PdfRule[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    // an earlier rule on the same line that reaches this one
    const same = out.length > 0 && Math.abs(key(last) - key(r)) <= SNAP / 2 ? findReach(out, r, key, lo, hi) : -1;
    if (same >= 0) {
      const m = out[same];
      if (horizontal) m.x1 = Math.max(m.x1, r.x1);
      else m.y1 = Math.max(m.y1, r.y1);
      continue;
    }
    out.push({ ...r });
  }
  return out;
}

function findReach(out: PdfRule[], r: PdfRule, key: (r: PdfRule) => number, lo: (r: PdfRule) => number, hi: (r: PdfRule) => number): number {
  for (let k = out.length - 1; k >= 0 && Math.abs(key(out[k]) - key(r)) <= SNAP / 2; k--) {
    if (lo(r) <= hi(out[k]) + SNAP) return k;
  }
  return -1;
}

/** Cluster positions within SNAP of each other; each cluster's mean. */
function distinct(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(a: number, b: number): void {
    const x = this.find(a);
    const y = this.find(b);
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }
}

/** Does some rule on this line cover the point? */
const covers = (rules: readonly PdfRule[], horizontal: boolean, at: number, mid: number): boolean =>
  rules.some((r) => (horizontal ? Math.abs(r.y0 - at) <= SNAP && r.x0 - SNAP <= mid && mid <= r.x1 + SNAP : Math.abs(r.x0 - at) <= SNAP && r.y0 - SNAP <= mid && mid <= r.y1 + SNAP));

/** Build the grid of one group of touching rules, or null when it is not a grid (a lone underline, a bracket). */
function gridOf(hs: readonly PdfRule[], vs: readonly PdfRule[]): Grid | null {
  if (hs.length < 2 || vs.length < 2) return null;
  const xs = distinct(vs.map((r) => r.x0));
  const ys = distinct(hs.map((r) => r.y0));
  if (xs.length < 2 || ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const uf = new UnionFind(rows * cols);
  for (let r = 0; r < rows; r++) {
    const ym = (ys[r] + ys[r + 1]) / 2;
    for (let c = 0; c + 1 < cols; c++) if (!covers(vs, false, xs[c + 1], ym)) uf.union(r * cols + c, r * cols + c + 1);
  }
  for (let c = 0; c < cols; c++) {
    const xm = (xs[c] + xs[c + 1]) / 2;
    for (let r = 0; r + 1 < rows; r++) if (!covers(hs, true, ys[r + 1], xm)) uf.union(r * cols + c, (r + 1) * cols + c);
  }
  const extent = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = uf.find(r * cols + c);
      const e = extent.get(root);
      if (!e) extent.set(root, { r0: r, c0: c, r1: r, c1: c });
      else {
        e.r0 = Math.min(e.r0, r);
        e.c0 = Math.min(e.c0, c);
        e.r1 = Math.max(e.r1, r);
        e.c1 = Math.max(e.c1, c);
      }
    }
  }
  const cells: GridCell[] = [...extent.values()]
    .map((e) => ({ row: e.r0, col: e.c0, rowSpan: e.r1 - e.r0 + 1, colSpan: e.c1 - e.c0 + 1, x0: xs[e.c0], top: ys[e.r0], x1: xs[e.c1 + 1], bottom: ys[e.r1 + 1] }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return { x0: xs[0], top: ys[0], x1: xs[cols], bottom: ys[rows], xs, ys, cells };
}

/** The ruled grids of a page, top to bottom. */
export function findGrids(rules: readonly PdfRule[]): Grid[] {
  const hs = mergeCollinear(rules.filter(isHorizontal), true);
  const vs = mergeCollinear(
    rules.filter((r) => !isHorizontal(r)),
    false,
  );
  const all = [...hs, ...vs];
  const uf = new UnionFind(all.length);
  for (let i = 0; i < hs.length; i++) {
    for (let j = 0; j < vs.length; j++) {
      const h = hs[i];
      const v = vs[j];
      if (v.x0 >= h.x0 - SNAP && v.x0 <= h.x1 + SNAP && h.y0 >= v.y0 - SNAP && h.y0 <= v.y1 + SNAP) uf.union(i, hs.length + j);
    }
  }
  const groups = new Map<number, { hs: PdfRule[]; vs: PdfRule[] }>();
  all.forEach((r, k) => {
    const root = uf.find(k);
    const g = groups.get(root) ?? { hs: [], vs: [] };
    (k < hs.length ? g.hs : g.vs).push(r);
    groups.set(root, g);
  });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const grid = gridOf(g.hs, g.vs);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => a.top - b.top || a.x0 - b.x0);
}

/** A grid cell with the text of the items whose centres fall in it. */
export interface TableCellText extends GridCell {
  text: string;
}
