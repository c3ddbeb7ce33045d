/**
 * Line breaks the layout fixes: inside a table or a framed box that ingest read from the drawing
 * (one grid row, or one box item, per line, already joined from its wrapped lines), and at its
 * edges, a line break is never a wrap. A break across a page break is left to the usual rules
 * (a box item can run on to the next page).
 */
import type { Layout } from '../ingest/layout.js';

/** Is the raw gap [lo, hi] between two lines inside or at the edge of a layout table or box? */
export function fixedBreaks(layout: Layout | undefined): ((lo: number, hi: number) => boolean) | undefined {
  if (!layout) return undefined;
  const regions = [...layout.tables.map((t) => [t.start, t.end]), ...layout.blocks.filter((b) => b.kind === 'box').map((b) => [b.start, b.end])].sort((a, b) => a[0] - b[0]);
  if (regions.length === 0) return undefined;
  return (lo, hi) => regions.some(([start, end]) => hi >= start && lo <= end);
}
