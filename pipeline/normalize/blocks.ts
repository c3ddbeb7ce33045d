import type { DocContext } from '../../core/context.js';
import { rawRange, type MappedText } from '../../core/provenance/mapped-text.js';
import { splitLines } from './lines.js';
import type { Block, EmphasisSpan } from '../types.js';
import { lineKind } from '../../core/text/line-kind.js';

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
