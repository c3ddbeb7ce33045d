/**
 * Visual lines from placed text items (view space, see pdf-geometry.ts): items whose baselines are
 * within half a font size form one line, ordered left to right, with a space where pdfjs saw one
 * or the gap between two items is wider than a third of the font size.
 */
import type { PdfItem } from './pdf-geometry.js';

export interface PdfLine {
  text: string;
  x0: number;
  right: number;
  top: number;
  bottom: number;
  /** largest font size on the line */
  size: number;
  /** every visible character of the line is in a bold font */
  bold: boolean;
}

/** Fraction of the font size: a horizontal gap wider than this between two items is a space. */
const SPACE_GAP = 1 / 3;
/** Fraction of the font size: baselines closer than this belong to one line. */
const BASELINE_TOLERANCE = 0.5;
/** Ascent and descent of a CJK font as fractions of its size: the box of a glyph around its baseline. */
const ASCENT = 0.88;
const DESCENT = 0.12;

/** The vertical centre of an item: what decides which cell it is in. */
export const itemCentreY = (it: PdfItem): number => it.y - (it.size * (ASCENT - DESCENT)) / 2;

/** Assemble one visual line from its items, left to right. */
function lineOf(items: PdfItem[]): PdfLine | null {
  items.sort((p, q) => p.x - q.x || q.right - p.right || p.seq - q.seq);
  let out = '';
  let prev: PdfItem | null = null;
  let x0 = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  let size = 0;
  let bold = true;
  for (const it of items) {
    if (it.space) {
      out += ' ';
      continue;
    }
    if (prev) {
      // text drawn twice at (almost) the same place: fake bold or a shadow; keep one copy
      if (it.str === prev.str && Math.abs(it.x - prev.x) < 0.2 * it.size && Math.abs(it.y - prev.y) < 0.2 * it.size) continue;
      const gap = it.x - prev.right;
      if (gap > SPACE_GAP * Math.min(it.size, prev.size)) out += ' ';
    }
    out += it.str;
    prev = it;
    x0 = Math.min(x0, it.x);
    right = Math.max(right, it.right);
    top = Math.min(top, it.y - it.size * ASCENT);
    bottom = Math.max(bottom, it.y + it.size * DESCENT);
    size = Math.max(size, it.size);
    bold &&= it.bold;
  }
  const text = out.replace(/\s+/g, ' ').trim();
  if (text === '' || prev === null) return null;
  return { text, x0, right, top, bottom, size, bold };
}

/** Group items into lines by baseline, top to bottom. */
export function groupLines(items: readonly PdfItem[]): PdfLine[] {
  const placed = [...items].sort((p, q) => p.y - q.y || p.seq - q.seq);
  const groups: PdfItem[][] = [];
  let current: PdfItem[] = [];
  let baseline = Number.NaN;
  let lineSize = 0;
  for (const it of placed) {
    const size = it.space ? lineSize || it.size : it.size;
    if (current.length > 0 && Math.abs(baseline - it.y) <= BASELINE_TOLERANCE * Math.min(size, lineSize || size)) {
      current.push(it);
      if (!it.space) lineSize = Math.max(lineSize, it.size);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [it];
    baseline = it.y;
    lineSize = it.space ? 0 : it.size;
  }
  if (current.length > 0) groups.push(current);
  const lines: PdfLine[] = [];
  for (const g of groups) {
    const l = lineOf(g);
    if (l) lines.push(l);
  }
  return lines;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’（）《》、，。；：！？]/u;

/** Join the lines of one cell or paragraph: nothing between CJK text, a space between Latin words. */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const l of lines) {
    if (out !== '' && !CJK.test(out[out.length - 1]) && !CJK.test(l[0]) && !/[-/]$/.test(out)) out += ' ';
    out += l;
  }
  return out;
}
