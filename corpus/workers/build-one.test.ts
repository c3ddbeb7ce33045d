import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline/document.js';
import { FIXTURES, FIXTURE_FILES, scratchFolders } from '../../test/helpers.js';
import { buildOne, type BuildJob } from './build-one.js';

describe('buildOne reads its input synchronously, and refuses before reading', () => {
  const scratch = scratchFolders('build-one');
  const pipeline = createPipeline();
  const job = (dir: string, name: string, maxBytes = 50_000_000): BuildJob => ({ id: name, path: name, file: join(dir, name), outDir: join(dir, 'out'), maxBytes });

  it('builds and writes a fixture', async () => {
    const dir = scratch();
    copyFileSync(join(FIXTURES, FIXTURE_FILES['004']), join(dir, '004.txt'));
    const { entry } = await buildOne(job(dir, '004.txt'), pipeline);
    expect(entry).toMatchObject({ status: 'ok', output: '004.txt.json', error: null });
    expect(readdirSync(join(dir, 'out'))).toEqual(['004.txt.json']);
  });

  it('a FIFO in a file’s place is refused at once, not waited on (opened non-blocking)', async () => {
    const dir = scratch();
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const { entry } = await buildOne(job(dir, 'pipe.txt'), pipeline);
    expect(entry.error).toEqual({ code: 'not-a-file', message: 'pipe.txt is not a regular file' });
  });

  it('a file over the limit and a missing file fail with their codes; nothing is written', async () => {
    const dir = scratch();
    copyFileSync(join(FIXTURES, FIXTURE_FILES['004']), join(dir, 'big.txt'));
    const big = await buildOne(job(dir, 'big.txt', 1000), pipeline);
    expect(big.entry).toMatchObject({ status: 'failed', bytes: 32649, error: { code: 'too-large', message: 'big.txt is 0.0 MB, over the limit of 0.0 MB (raise it with --max-bytes)' } });
    const missing = await buildOne(job(dir, 'gone.txt'), pipeline);
    expect(missing.entry.error?.code).toBe('read-error');
    expect(missing.entry.error?.message).toMatch(/^cannot read gone\.txt: /);
    expect(readdirSync(dir).sort()).toEqual(['big.txt']);
  });
});
