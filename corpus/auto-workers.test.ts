import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoWorkers, inputWork, resolveInputs, WORK_PER_WORKER } from './build.js';
import { FIXTURES, ROOT } from '../test/helpers.js';

const workOf = async (folder: string): Promise<number> => (await resolveInputs([folder], ROOT)).inputs.reduce((sum, r) => sum + inputWork(r.path, r.bytes), 0);

describe('autoWorkers (the default of --workers)', () => {
  it('weighs a PDF byte as 12 bytes of text and a .docx byte as 2', () => {
    expect(inputWork('a/b.pdf', 1000)).toBe(12_000);
    expect(inputWork('B.PDF', 1000)).toBe(12_000);
    expect(inputWork('r.docx', 1000)).toBe(2000);
    expect(inputWork('r.txt', 1000)).toBe(1000);
    expect(inputWork('r.html', 1000)).toBe(1000);
    expect(inputWork('noext', 1000)).toBe(1000);
  });

  it('builds in this thread with too little work for two busy workers, or for one to repay its start', () => {
    expect(autoWorkers(WORK_PER_WORKER - 1, 1)).toBe(0);
    expect(autoWorkers(2 * WORK_PER_WORKER - 1, 2)).toBe(0);
    expect(autoWorkers(2 * WORK_PER_WORKER - 1, 8)).toBe(0);
  });

  it('gives a big batch on one core one worker thread, whose heap is sized for the pipeline', () => {
    expect(autoWorkers(WORK_PER_WORKER, 1)).toBe(1);
    expect(autoWorkers(1000 * WORK_PER_WORKER, 1)).toBe(1);
  });

  it('gives one worker per core once each gets enough work', () => {
    expect(autoWorkers(2 * WORK_PER_WORKER, 2)).toBe(2);
    expect(autoWorkers(50 * WORK_PER_WORKER, 2)).toBe(2);
    expect(autoWorkers(3 * WORK_PER_WORKER, 8)).toBe(3);
    expect(autoWorkers(50 * WORK_PER_WORKER, 8)).toBe(8);
  });

  it('builds ../shared/corpora (65 documents) in this thread, and the fixtures, heavy with PDFs, on two workers: as measured', async () => {
    // ../shared/corpora, one PDF among 65: 2.5–3.1 s in this thread against 2.7–3.3 s on two workers
    expect(autoWorkers(await workOf(join(ROOT, '..', 'shared', 'corpora')), 2)).toBe(0);
    // the fixtures, 3.4 MB of which 2.8 MB are six PDFs: 3.9–4.7 s against 3.6–3.8 s
    const { inputs } = await resolveInputs([FIXTURES], ROOT);
    expect(autoWorkers(inputs.reduce((sum, r) => sum + r.bytes, 0), 2)).toBe(0); // as if every byte were text
    expect(autoWorkers(await workOf(FIXTURES), 2)).toBe(2);
  });
});
