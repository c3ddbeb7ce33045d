import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonSpill } from './spill.js';

const scratchFolders = (): string[] => readdirSync(tmpdir()).filter((f) => f.startsWith('plancorpus-spill-test-'));
const savedTmp = process.env.TMPDIR;
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

describe('JsonSpill: values set aside on disk', () => {
  it('gives back each value where it was put, in any order, Han text and numbers intact; leaves no folder', () => {
    const before = scratchFolders();
    const spill = new JsonSpill<{ metric: string; value: number | null }>('spill-test');
    const values = [
      { metric: '地区生产总值增速', value: 6.5 },
      { metric: '常住人口城镇化率', value: null },
      { metric: '', value: -0.25 },
    ];
    const where = values.map((v) => spill.put(v));
    // one after another from the start of the file
    expect(where[0].at).toBe(0);
    for (let i = 1; i < where.length; i++) expect(where[i].at).toBe(where[i - 1].at + where[i - 1].bytes);
    expect([2, 0, 1, 0].map((i) => spill.get(where[i]))).toEqual([values[2], values[0], values[1], values[0]]);
    // unlinked once open (POSIX): the folder is gone before remove()
    expect(scratchFolders()).toEqual(before);
    spill.remove();
    expect(scratchFolders()).toEqual(before);
  });

  it('getAll: many values at once, in the order asked, read in runs across small gaps', () => {
    const spill = new JsonSpill<{ n: number; text: string }>('spill-test');
    // values of 1–2,000 characters of Han text, so that some gaps between the ones asked for pass GAP_READ
    const values = Array.from({ length: 400 }, (_, n) => ({ n, text: '湛河区'.repeat(1 + ((n * 37) % 700)) }));
    const where = values.map((v) => spill.put(v));
    const asked = [399, 0, 1, 2, 250, 3, 200, 201, 17, 0];
    expect(spill.getAll(asked.map((i) => where[i]))).toEqual(asked.map((i) => values[i]));
    expect(spill.getAll([])).toEqual([]);
    expect(spill.getAll(where)).toEqual(values);
    spill.remove();
  });

  it('a temporary folder it cannot use: says which, and that TMPDIR chooses another', () => {
    process.env.TMPDIR = join(tmpdir(), 'plancorpus-no-such-folder');
    expect(() => new JsonSpill('spill-test')).toThrow(/^spill-test: cannot make a scratch file in \/.*plancorpus-no-such-folder \(ENOENT: .*\); set TMPDIR to use another folder$/);
  });
});
