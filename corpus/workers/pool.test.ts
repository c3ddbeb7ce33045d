import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES, FIXTURE_FILES, ROOT, scratchFolders } from '../../test/helpers.js';
import type { BuildJob } from './build-one.js';
import type * as Pool from './pool.js';

// worker threads run compiled code: the pool is the one `npm run build` put in dist/ (npm test builds first)
const { startPool } = (await import(pathToFileURL(join(ROOT, 'dist', 'corpus', 'workers', 'pool.js')).href)) as typeof Pool;

describe('startPool (the worker threads of build --workers and of a queue worker)', () => {
  const scratch = scratchFolders('pool');
  const job = (dir: string, name: string, file: string): BuildJob => ({ id: name, path: `${name}.txt`, file, outDir: dir, maxBytes: 50_000_000 });

  it('builds jobs as they come, a bad one failing alone; once closed it takes none', async () => {
    const out = scratch();
    const pool = startPool({ workers: 1, setup: {} });
    await pool.ready;
    const ok = await pool.run(job(out, 'a', join(FIXTURES, FIXTURE_FILES['004'])));
    expect(ok.entry).toMatchObject({ id: 'a', status: 'ok', output: 'a.json' });
    const missing = await pool.run(job(out, 'b', join(out, 'nowhere.txt')));
    expect(missing.entry).toMatchObject({ id: 'b', status: 'failed', error: { code: 'read-error' } });
    const changed = await pool.run({ ...job(out, 'c', join(FIXTURES, FIXTURE_FILES['004'])), sha256: '0'.repeat(64) });
    expect(changed.entry).toMatchObject({ id: 'c', status: 'failed', error: { code: 'input-changed' } });
    await pool.close();
    await expect(pool.run(job(out, 'd', join(FIXTURES, FIXTURE_FILES['004'])))).rejects.toThrow('the build pool is closed');
    expect(readdirSync(out)).toEqual(['a.json']);
  });

  it('ends a job past its time limit, even in synchronous work, and builds the next on a new thread', async () => {
    const out = scratch();
    const big = join(scratch(), 'big.txt');
    writeFileSync(big, Buffer.concat(Array.from({ length: 80 }, () => readFileSync(join(FIXTURES, FIXTURE_FILES['000'])))));
    const pool = startPool({ workers: 1, setup: {}, timeoutMs: 1000, timeoutOption: '--job-timeout' });
    try {
      const [slow, next] = await Promise.all([pool.run(job(out, 'big', big)), pool.run(job(out, 'small', join(FIXTURES, FIXTURE_FILES['004'])))]);
      expect(slow.entry).toMatchObject({ status: 'failed', error: { code: 'timeout', message: 'big.txt took longer than 1 s (--job-timeout); stopped' } });
      expect(next.entry).toMatchObject({ status: 'ok', output: 'small.json' });
      expect(readdirSync(out)).toEqual(['small.json']);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
