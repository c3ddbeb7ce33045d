import { describe, expect, it } from 'vitest';
import { autoWorkers, DOCUMENTS_PER_WORKER } from './build.js';

describe('autoWorkers (the default of --workers)', () => {
  it('builds in this thread on one core, or with too few documents for two busy workers', () => {
    expect(autoWorkers(10_000, 1)).toBe(0);
    expect(autoWorkers(5, 2)).toBe(0);
    expect(autoWorkers(2 * DOCUMENTS_PER_WORKER - 1, 8)).toBe(0);
  });

  it('gives one worker per core once each gets enough documents', () => {
    expect(autoWorkers(2 * DOCUMENTS_PER_WORKER, 2)).toBe(2);
    expect(autoWorkers(1000, 2)).toBe(2);
    expect(autoWorkers(3 * DOCUMENTS_PER_WORKER, 8)).toBe(3);
    expect(autoWorkers(1000, 8)).toBe(8);
  });
});
