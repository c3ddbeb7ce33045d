/**
 * Tables and boxes that ingest found by their drawing (a PDF's ruled tables and framed 专栏, a
 * .docx or HTML table): the blocks inside a layout table or box are claimed before the text rules
 * run, so a table's rows never become headings or paragraphs and a box ends where its frame ends.
 * Also: a table caption with no table after it is reported, never left as a silent paragraph.
 */
import type { DocContext } from '../../core/context.js';
import type { Layout } from '../ingest/layout.js';
import type { Block } from '../types.js';
import { captionOf, type TableRegionBlocks } from './table-regions.js';
import { boxTitle, type BoxRegion } from './boxes.js';
import { BOX_MARKER } from '../../core/text/line-kind.js';
import { displayWidth } from '../../core/text/chars.js';
import type { Taken } from './claims.js';

export interface LayoutRegions {
  tables: TableRegionBlocks[];
  boxes: BoxRegion[];
}

/** Indices [from, to) of the blocks that start inside the raw range [start, end]. */
function blocksIn(blocks: readonly Block[], start: number, end: number): [number, number] {
  let from = 0;
  while (from < blocks.length && blocks[from].rawStart < start) from++;
  let to = from;
  while (to < blocks.length && blocks[to].rawStart <= end) to++;
  return [from, to];
}

/** A title line right above a table: a caption (表1 …), or a short line without sentence punctuation. */
function titleAbove(blocks: readonly Block[], i: number, taken: Taken): { number: number | null; title: string } | null {
  if (i < 0 || taken.has(i)) return null;
  const cap = captionOf(blocks, i);
  if (cap) return cap;
  const b = blocks[i];
  if (b.kind === 'text' && displayWidth(b.text) <= 60 && !/[。；，：:]/.test(b.text) && /表|指标|情况|目标|计划/.test(b.text)) return { number: null, title: b.text };
  return null;
}

/** Claim the layout's tables and boxes among the blocks. */
export function layoutRegions(blocks: readonly Block[], layout: Layout | undefined, taken: Taken): LayoutRegions {
  const tables: TableRegionBlocks[] = [];
  const boxes: BoxRegion[] = [];
  if (!layout) return { tables, boxes };
  const mine = new Set<number>();
  const claimed: Taken & { add(i: number): void } = { has: (i) => taken.has(i) || mine.has(i), add: (i) => void mine.add(i) };
  for (const t of layout.tables) {
    const [from, to] = blocksIn(blocks, t.start, t.end);
    if (to <= from || [...Array(to - from).keys()].some((k) => claimed.has(from + k))) continue;
    const cap = titleAbove(blocks, from - 1, claimed);
    const start = cap ? from - 1 : from;
    let end = to;
    while (end < blocks.length && !claimed.has(end) && blocks[end].kind === 'note') end++;
    tables.push({
      caption: blocks[start],
      number: cap?.number ?? null,
      title: cap?.title ?? '',
      body: blocks.slice(from, to),
      notes: blocks.slice(to, end),
      start,
      end,
    });
    for (let k = start; k < end; k++) claimed.add(k);
  }
  for (const b of layout.blocks) {
    if (b.kind !== 'box') continue;
    const [from, to] = blocksIn(blocks, b.start, b.end);
    // a frame is a 专栏 when it opens with the marker; other frames (a boxed note) stay text
    if (to <= from || claimed.has(from) || !BOX_MARKER.test(blocks[from].text)) continue;
    let end = from + 1;
    while (end < to && !claimed.has(end)) end++;
    // a frame around the marker line alone (a .docx text box holding just 专栏N …) says nothing of the
    // box's extent: the text rules find its items
    if (end === from + 1) continue;
    boxes.push({ marker: blocks[from], title: boxTitle(blocks[from]), body: blocks.slice(from + 1, end), start: from, end });
    for (let k = from; k < end; k++) claimed.add(k);
  }
  return { tables, boxes };
}

/** A numbered caption (表1 …) or a 主要指标 title that no table claimed: warn, it is read as a paragraph. */
export function reportOrphanCaptions(blocks: readonly Block[], tableStarts: ReadonlySet<number>, taken: Taken, doc: DocContext): void {
  blocks.forEach((b, i) => {
    if (taken.has(i) || tableStarts.has(i)) return;
    const numbered = b.kind === 'caption';
    const indicators = b.kind === 'text' && /主要(?:经济社会发展)?指标(?:表|体系|完成情况)?$/.test(b.text) && displayWidth(b.text) <= 60;
    if (!numbered && !indicators) return;
    doc.report('warning', 'table-not-found', `table title without a table after it: ${b.text}`, doc.span(b.rawStart, b.rawEnd));
  });
}
