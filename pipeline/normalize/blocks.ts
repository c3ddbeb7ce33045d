import type { DocContext } from '../../core/context.js';
import { rawRange, type MappedText } from '../../core/provenance/mapped-text.js';
import { splitLines } from './lines.js';
import type { EmphasisSpan } from './markup.js';
import { lineKind, type LineKind } from '../../core/text/line-kind.js';

/** A logical line of the normalized text: a paragraph, a heading line, a table row … */
export interface Block {
  index: number;
  /** offsets in the normalized text */
  start: number;
  end: number;
  text: string;
  kind: LineKind;
  /** raw offsets */
  rawStart: number;
  rawEnd: number;
  /** 1-based raw lines the block spans */
  firstLine: number;
  lastLine: number;
  /** number of raw lines with content the block was joined from */
  rawLines: number;
  /** display width of the widest raw line of the block */
  maxRawWidth: number;
  /** emphasis spans, offsets relative to the block text */
  emphasis: EmphasisSpan[];
}

export function buildBlocks(mt: MappedText, emphasis: readonly EmphasisSpan[], doc: DocContext): Block[] {
  const blocks: Block[] = [];
  let e = 0;
  for (const line of splitLines(mt.text)) {
    if (line.end === line.start) continue;
    const [rawStart, rawEnd] = rawRange(mt, line.start, line.end);
    const first = doc.lines.toPoint(rawStart).line;
    const last = doc.lines.toPoint(Math.max(rawStart, rawEnd - 1)).line;
    let rawLines = 0;
    let maxRawWidth = 0;
    for (let l = first; l <= last; l++) {
      const w = doc.rawLineWidth(l);
      if (w === 0) continue;
      rawLines++;
      maxRawWidth = Math.max(maxRawWidth, w);
    }
    const own: EmphasisSpan[] = [];
    while (e < emphasis.length && emphasis[e].end <= line.start) e++;
    for (let k = e; k < emphasis.length && emphasis[k].start < line.end; k++) {
      const s = Math.max(emphasis[k].start, line.start);
      const t = Math.min(emphasis[k].end, line.end);
      if (t > s) own.push({ start: s - line.start, end: t - line.start });
    }
    blocks.push({
      index: blocks.length,
      start: line.start,
      end: line.end,
      text: line.text,
      kind: lineKind(line.text),
      rawStart,
      rawEnd,
      firstLine: first,
      lastLine: last,
      rawLines,
      maxRawWidth,
      emphasis: own,
    });
  }
  return blocks;
}
