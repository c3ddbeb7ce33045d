/**
 * Page and box for every position of a PDF document: a span of the extracted text lies on the
 * lines (or table cells) the layout placed, and gets the page of its first character, its box
 * there (the union of the boxes of its lines on that page), and, when it spans pages, one box
 * per page (a table row cut by a page break: the boxes of its two parts). One function adds them to
 * every SourceSpan of a built document, in place.
 */
import type { Layout, LayoutCell, LayoutLine } from '../ingest/layout.js';
import type { BBox, Placement, SourceSpan } from '../../schemas/source.js';
import type { PhysicalPage } from '../../schemas/document.js';
import type { DocContext } from '../../core/context.js';

interface Placed {
  start: number;
  end: number;
  placements: readonly Placement[];
  furniture?: boolean;
}

const union = (a: BBox, b: BBox): BBox => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

/** First index whose end is past `offset` in a list sorted by start (and so by end: pieces do not overlap). */
function firstEndingAfter(pieces: readonly Placed[], offset: number): number {
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Placements of the raw range [start, end): per page, the union of the boxes of the pieces it
 * touches; a page number inside the range (a box or table crossing a page) counts only when the
 * range holds nothing else.
 */
function placementsIn(pieces: readonly Placed[], start: number, end: number): Placement[] {
  const touched: Placed[] = [];
  for (let k = firstEndingAfter(pieces, start); k < pieces.length && (pieces[k].start < end || (start === end && pieces[k].start <= start)); k++) {
    touched.push(pieces[k]);
    if (start === end) break;
  }
  const content = touched.filter((p) => !p.furniture);
  return byPage((content.length > 0 ? content : touched).flatMap((piece) => piece.placements));
}

/** Boxes in text order, one per page: the union of a page's boxes that follow each other. */
function byPage(placements: readonly Placement[]): Placement[] {
  const out: Placement[] = [];
  for (const p of placements) {
    const last = out[out.length - 1];
    if (last && last.page === p.page) last.bbox = union(last.bbox, p.bbox);
    else out.push({ page: p.page, bbox: [...p.bbox] });
  }
  return out;
}

/** A table row cut by a page break: the cells of its first part and of its rest (LayoutTable.continuedRows), and the text range of each part's line. */
interface Cut {
  above: LayoutCell[];
  below: LayoutCell[];
  aboveStart: number;
  aboveEnd: number;
  belowStart: number;
  belowEnd: number;
}

/** The cuts whose two parts both have cells, their lines' ranges worked out once (every span of the document is checked against them). */
function cutsOf(layout: Layout): Cut[] {
  return layout.tables.flatMap((t) =>
    (t.continuedRows ?? []).flatMap((g) => {
      const above = t.cells.filter((c) => c.row === g - 1);
      const below = t.cells.filter((c) => c.row === g);
      if (above.length === 0 || below.length === 0) return [];
      return [{ above, below, aboveStart: Math.min(...above.map((c) => c.start)), aboveEnd: Math.max(...above.map((c) => c.end)), belowStart: Math.min(...below.map((c) => c.start)), belowEnd: Math.max(...below.map((c) => c.end)) }];
    }),
  );
}

/**
 * The two stretches of a range from a cut row's first part to its rest, leaving out what lies
 * between them (the foot of the page, the next page's repeated header): a cell and the same
 * column's cell of the rest (a value cut in two), else the two lines; null for any other range.
 */
function cutParts(cuts: readonly Cut[], start: number, end: number): Array<[number, number]> | null {
  const cut = cuts.find((c) => start >= c.aboveStart && start < c.aboveEnd && end > c.belowStart && end <= c.belowEnd);
  if (!cut) return null;
  const x = cut.above.find((c) => c.start <= start && start < c.end);
  const y = x && cut.below.find((c) => c.col === x.col && c.start < end && end <= c.end);
  return y
    ? [
        [start, x.end],
        [y.start, end],
      ]
    : [
        [start, cut.aboveEnd],
        [cut.belowStart, end],
      ];
}

/** A function that places a raw range: the table cell that holds it when there is one, else its lines. */
export function placer(layout: Layout): (start: number, end: number) => Placement[] {
  const lines: Placed[] = (layout.lines ?? []).map((l: LayoutLine) => ({ start: l.start, end: l.end, placements: [{ page: l.page, bbox: l.bbox }], furniture: l.furniture }));
  const cells: Placed[] = layout.tables
    .flatMap((t) => t.cells)
    .filter((c) => c.end > c.start && c.placements !== undefined)
    .map((c) => ({ start: c.start, end: c.end, placements: c.placements ?? [] }))
    .sort((a, b) => a.start - b.start);
  const place = (start: number, end: number): Placement[] => {
    const k = firstEndingAfter(cells, start);
    if (k < cells.length && cells[k].start <= start && end <= cells[k].end && end > start) return placementsIn(cells, start, end);
    return placementsIn(lines, start, end);
  };
  const cuts = cutsOf(layout);
  if (cuts.length === 0) return place;
  return (start, end) => {
    const parts = cutParts(cuts, start, end);
    return parts ? byPage(parts.flatMap(([a, b]) => place(a, b))) : place(start, end);
  };
}

const isSpan = (v: object): v is SourceSpan => 'offset' in v && 'endOffset' in v && 'line' in v && 'endColumn' in v;

/** Add page, bbox and (across pages) placements to every SourceSpan inside `value`, in place. */
export function attachPlacements(value: unknown, layout: Layout): void {
  if (!layout.lines || layout.lines.length === 0) return;
  const place = placer(layout);
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    if (isSpan(v)) {
      const ps = place(v.offset, v.endOffset);
      if (ps.length > 0) {
        v.page = ps[0].page;
        v.bbox = ps[0].bbox;
        if (ps.length > 1) v.placements = ps;
      }
      return;
    }
    for (const x of Object.values(v)) visit(x);
  };
  visit(value);
}

/** Every physical page with its printed label and its range in the extracted text. */
export function physicalPages(layout: Layout, doc: DocContext): PhysicalPage[] {
  return layout.pages.map((p) => ({ number: p.number, label: p.label, width: p.width, height: p.height, source: doc.span(p.start, p.end) }));
}
