import { describe, expect, it } from 'vitest';
import { rulesFromOperators, toBBox, type OpCodes } from './pdf-geometry.js';

// pdfjs-dist 5.6 OPS codes and DrawOPS path codes (moveTo 0, lineTo 1, curveTo 2, closePath 4)
const OPS: OpCodes = { save: 10, restore: 11, transform: 12, constructPath: 91, stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75 };
const ENDPATH = 28;
const rect = (x: number, y: number, w: number, h: number): Float32Array => new Float32Array([0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4]);
/** The view transform of an upright A4 page at scale 1: y flipped, origin at the top-left corner. */
const VIEW = [1, 0, 0, -1, 0, 842];

describe('rulesFromOperators', () => {
  it('takes stroked segments and thin filled bars, through the transformation matrix, in view space', () => {
    const fn = [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath, OPS.constructPath];
    const args = [
      null,
      [2, 0, 0, 2, 10, 10], // scale 2 and move by (10, 10): a 50×20 rectangle becomes 100×40 at (110, 110)
      [OPS.stroke, [rect(50, 50, 50, 20)], null],
      null,
      [OPS.fill, [rect(100, 700, 300, 0.5)], null], // a filled bar: a horizontal rule
      [OPS.fill, [rect(100, 600, 300, 40)], null], // a filled block: no rule
      [ENDPATH, [rect(0, 0, 595, 842)], null], // a clipping path: not painted
    ];
    const rules = rulesFromOperators(fn, args, VIEW, OPS);
    expect(rules).toContainEqual({ x0: 110, x1: 210, y0: 842 - 110, y1: 842 - 110 });
    expect(rules).toContainEqual({ x0: 110, x1: 110, y0: 842 - 150, y1: 842 - 110 });
    expect(rules).toContainEqual({ x0: 100, x1: 400, y0: 842 - 700.25, y1: 842 - 700.25 });
    expect(rules).toHaveLength(5);
  });

  it('applies a form XObject matrix until its end, and ignores curves', () => {
    const fn = [OPS.paintFormXObjectBegin, OPS.constructPath, OPS.paintFormXObjectEnd, OPS.constructPath];
    const curve = new Float32Array([0, 0, 0, 2, 10, 10, 20, 20, 30, 0]);
    const args = [[[1, 0, 0, 1, 0, 100], null], [OPS.stroke, [new Float32Array([0, 50, 0, 1, 250, 0])], null], null, [OPS.stroke, [curve], null]];
    expect(rulesFromOperators(fn, args, VIEW, OPS)).toEqual([{ x0: 50, x1: 250, y0: 742, y1: 742 }]);
  });
});

describe('toBBox', () => {
  it('turns a view-space box into PDF orientation: origin bottom-left, y upwards', () => {
    expect(toBBox(842, 70, 100, 520, 112)).toEqual([70, 730, 520, 742]);
  });
});
