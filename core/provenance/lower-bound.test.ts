import { describe, expect, it } from 'vitest';
import { lowerBound } from './lower-bound.js';

describe('lowerBound', () => {
  it('is the index of the first value ≥ x, as a linear scan finds it', () => {
    const xs = [2, 5, 5, 9, 30];
    for (let x = 0; x <= 31; x++) {
      const scan = xs.findIndex((v) => v >= x);
      expect(lowerBound(xs, x)).toBe(scan === -1 ? xs.length : scan);
    }
    expect(lowerBound(new Int32Array(0), 3)).toBe(0);
  });
});
