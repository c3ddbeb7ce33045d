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

  it('under a heap limit builds in child processes: a document past it fails alone (out-of-memory), the process is replaced, the others are the bytes a thread writes', async () => {
    const [onThread, onProcess] = [scratch(), scratch()];
    const big = join(scratch(), 'big.txt');
    // fixture 002 forty times over (7 MB) needs several hundred MB of heap
    writeFileSync(big, readFileSync(join(FIXTURES, FIXTURE_FILES['002']), 'utf8').repeat(40));
    const limited = startPool({ workers: 1, setup: {}, maxMemoryMb: 64 });
    const threads = startPool({ workers: 1, setup: {} });
    try {
      const [before, oom, after] = await Promise.all(['004', 'big', '000'].map((name) => limited.run(job(onProcess, name, name === 'big' ? big : join(FIXTURES, FIXTURE_FILES[name])))));
      expect(oom.entry).toMatchObject({ status: 'failed', error: { code: 'out-of-memory', message: 'big.txt needed more than 64 MB of memory (--max-memory); stopped' } });
      expect([before.entry.status, after.entry.status]).toEqual(['ok', 'ok']);
      for (const name of ['004', '000']) await threads.run(job(onThread, name, join(FIXTURES, FIXTURE_FILES[name])));
      expect(readdirSync(onProcess).sort()).toEqual(['000.json', '004.json']);
      for (const f of readdirSync(onProcess)) expect(readFileSync(join(onProcess, f)).equals(readFileSync(join(onThread, f)))).toBe(true);
    } finally {
      await Promise.all([limited.close(), threads.close()]);
    }
  }, 60_000);

  it('a child process past the time limit is killed, and the next job runs on a new one', async () => {
    const out = scratch();
    const big = join(scratch(), 'big.txt');
    writeFileSync(big, Buffer.concat(Array.from({ length: 80 }, () => readFileSync(join(FIXTURES, FIXTURE_FILES['000'])))));
    const pool = startPool({ workers: 1, setup: {}, timeoutMs: 1000, maxMemoryMb: 4096 });
    try {
      const [slow, next] = await Promise.all([pool.run(job(out, 'big', big)), pool.run(job(out, 'small', join(FIXTURES, FIXTURE_FILES['004'])))]);
      expect(slow.entry).toMatchObject({ status: 'failed', error: { code: 'timeout' } });
      expect(next.entry).toMatchObject({ status: 'ok', output: 'small.json' });
    } finally {
      await pool.close();
    }
  }, 60_000);
});
