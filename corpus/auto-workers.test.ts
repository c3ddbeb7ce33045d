import { describe, expect, it } from 'vitest';
import { autoWorkers, DOCUMENTS_PER_WORKER, ONE_WORKER_DOCUMENTS } from './build.js';

describe('autoWorkers (the default of --workers)', () => {
  it('builds in this thread with too few documents for two busy workers, or for one to repay its start', () => {
    expect(autoWorkers(ONE_WORKER_DOCUMENTS - 1, 1)).toBe(0);
    expect(autoWorkers(5, 2)).toBe(0);
    expect(autoWorkers(2 * DOCUMENTS_PER_WORKER - 1, 8)).toBe(0);
  });

  it('gives a big batch on one core one worker thread, whose heap is sized for the pipeline', () => {
    expect(autoWorkers(ONE_WORKER_DOCUMENTS, 1)).toBe(1);
    expect(autoWorkers(10_000, 1)).toBe(1);
  });

  it('gives one worker per core once each gets enough documents', () => {
    expect(autoWorkers(2 * DOCUMENTS_PER_WORKER, 2)).toBe(2);
    expect(autoWorkers(1000, 2)).toBe(2);
    expect(autoWorkers(3 * DOCUMENTS_PER_WORKER, 8)).toBe(3);
    expect(autoWorkers(1000, 8)).toBe(8);
  });
});
