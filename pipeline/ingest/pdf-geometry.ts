/**
 * The geometry of one PDF page as pdfjs gives it: text items with their position, size and font,
 * and the drawn rules (stroked axis-aligned segments and thin filled rectangles) that ruled tables
 * and framed boxes are made of.
 *
 * Internal convention (this file and the pdf-* readers): "view space", the page as displayed (its
 * /Rotate applied) with the origin at the top-left corner and y growing downwards, in PDF units.
 * Boxes leave ingest in PDF's own orientation through `toBBox` (origin bottom-left, y upwards).
 */
import type { BBox } from './layout.js';

/** pdfjs's constructPath paint ops and DrawOPS path codes (pdfjs-dist 5.x, src/shared/util.js). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

export interface PdfItem {
  str: string;
  /** left edge, right edge and baseline in view space */
  x: number;
  right: number;
  y: number;
  /** font size in page units */
  size: number;
  font: string;
  bold: boolean;
  /** whitespace-only item */
  space: boolean;
  /** order in the content stream */
  seq: number;
}

/** An axis-aligned rule in view space: horizontal when y0 === y1, vertical when x0 === x1 (x0 <= x1, y0 <= y1). */
export interface PdfRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPageGeometry {
  /** 1-based physical page */
  number: number;
  width: number;
  height: number;
  items: PdfItem[];
  rules: PdfRule[];
  /** rotated or vertical text, in content order: it has no place in the horizontal reading order */
  rotated: string[];
}

/** Product of two affine matrices [a b c d e f], as pdfjs's Util.transform. */
export function multiply(m: readonly number[], n: readonly number[]): number[] {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

const apply = (m: readonly number[], x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Upright horizontal text in view space: no rotation, no skew beyond rounding. */
function isHorizontal(tx: readonly number[]): boolean {
  const [a, b, c, d] = tx;
  return a > 0 && d < 0 && Math.abs(b) <= 1e-3 * a && Math.abs(c) <= 1e-3 * -d;
}

/** A rectangle thinner than this (PDF units) is a rule drawn as a filled bar. */
const THIN = 2.5;
/** Segments shorter than this are glyph parts, ticks or dots, not rules. */
const MIN_RULE = 4;

/** The subset of pdfjs's TextItem used here. */
export interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** Text items placed in view space; `boldOf` says whether a loaded font is bold. */
export function placeItems(items: readonly RawTextItem[], view: readonly number[], boldOf: (font: string) => boolean): { placed: PdfItem[]; rotated: string[] } {
  const placed: PdfItem[] = [];
  const rotated: string[] = [];
  items.forEach((item, seq) => {
    if (item.str === '') return;
    const tx = multiply(view, item.transform);
    if (!isHorizontal(tx)) {
      if (item.str.trim() !== '') rotated.push(item.str.replace(/\s+/g, ' ').trim());
      return;
    }
    const size = Math.hypot(tx[2], tx[3]) || item.height || 1;
    placed.push({ str: item.str, x: tx[4], right: tx[4] + item.width, y: tx[5], size, font: item.fontName, bold: boldOf(item.fontName), space: item.str.trim() === '', seq });
  });
  return { placed, rotated };
}

/**
 * Rules from an operator list: every stroked straight segment that is horizontal or vertical, and
 * every filled rectangle thinner than THIN (a bar), in view space. The current transformation
 * matrix is tracked through save/restore/transform and form XObjects, since constructPath
 * coordinates are in user space before it.
 */
export function rulesFromOperators(fnArray: readonly number[], argsArray: readonly unknown[], view: readonly number[], ops: OpCodes): PdfRule[] {
  const rules: PdfRule[] = [];
  const stack: number[][] = [];
  let ctm: number[] = [1, 0, 0, 1, 0, 0];
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore || fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === ops.paintFormXObjectBegin) {
      // a form XObject: saves the state and applies its own matrix
      stack.push(ctm);
      const [matrix] = argsArray[i] as [number[] | null];
      if (matrix) ctm = multiply(ctm, Array.from(matrix));
    }
    else if (fn === ops.transform) ctm = multiply(ctm, argsArray[i] as number[]);
    else if (fn === ops.constructPath) {
      const [paint, paths] = argsArray[i] as [number, ArrayLike<ArrayLike<number> | null>];
      const stroke = strokes.has(paint);
      const fill = fills.has(paint);
      if (!stroke && !fill) continue;
      const m = multiply(view, ctm);
      for (const path of Array.from(paths ?? [])) if (path) addPath(path, m, stroke, fill, rules);
    }
  }
  return rules;
}

function addPath(path: ArrayLike<number>, m: readonly number[], stroke: boolean, fill: boolean, rules: PdfRule[]): void {
  // split the path into subpaths of points (curves end a straight run)
  const subpaths: Array<Array<[number, number]>> = [];
  let cur: Array<[number, number]> = [];
  let curved = false;
  for (let k = 0; k < path.length; ) {
    const op = path[k];
    if (op === DRAW.moveTo) {
      if (cur.length > 0) subpaths.push(cur);
      cur = [apply(m, path[k + 1], path[k + 2])];
      k += 3;
    } else if (op === DRAW.lineTo) {
      cur.push(apply(m, path[k + 1], path[k + 2]));
      k += 3;
    } else if (op === DRAW.curveTo) {
      curved = true;
      k += 7;
    } else if (op === DRAW.quadraticCurveTo) {
      curved = true;
      k += 5;
    } else if (op === DRAW.closePath) {
      if (cur.length > 1) cur.push(cur[0]);
      k += 1;
    } else break;
  }
  if (cur.length > 0) subpaths.push(cur);
  if (curved) return;
  for (const pts of subpaths) {
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const x0 = Math.min(...xs);
    const x1 = Math.max(...xs);
    const y0 = Math.min(...ys);
    const y1 = Math.max(...ys);
    if (fill && pts.length >= 4 && (x1 - x0 <= THIN || y1 - y0 <= THIN)) {
      // a filled bar: a rule along its long side
      if (x1 - x0 <= THIN && y1 - y0 >= MIN_RULE) rules.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
      else if (y1 - y0 <= THIN && x1 - x0 >= MIN_RULE) rules.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
      continue;
    }
    if (!stroke) continue;
    for (let k = 1; k < pts.length; k++) {
      const [ax, ay] = pts[k - 1];
      const [bx, by] = pts[k];
      if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= MIN_RULE) rules.push({ x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: (ay + by) / 2, y1: (ay + by) / 2 });
      else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= MIN_RULE) rules.push({ x0: (ax + bx) / 2, x1: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
    }
  }
}

/** A font is bold by its flags or its name (…-Bold, Heavy, Black, SimHei/黑体 as headings use it). */
export function isBoldFont(font: { bold?: boolean; black?: boolean; name?: string } | null | undefined): boolean {
  if (!font) return false;
  return font.bold === true || font.black === true || /bold|black|heavy|semibold|demibold|simhei|heiti|黑体/i.test(font.name ?? '');
}

/** A view-space box as a BBox in PDF orientation: origin at the bottom-left corner of the page, y upwards, rounded to 0.01. */
export function toBBox(pageHeight: number, x0: number, top: number, x1: number, bottom: number): BBox {
  const r = (v: number): number => Math.round(v * 100) / 100;
  return [r(x0), r(pageHeight - bottom), r(x1), r(pageHeight - top)];
}
