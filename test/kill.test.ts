/**
 * Kill the build at random moments (SIGKILL: no cleanup runs): the output folder never holds a
 * partial or invalid document or index.json, and the next run completes and equals an
 * uninterrupted build byte for byte.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusIndex } from '../schemas/corpus.js';
import { PlanDocument } from '../schemas/document.js';
import { ROOT, FIXTURES, FIXTURE_FILES, childProcesses, scratchFolders, seededRandom } from './helpers.js';

const BIN = join(ROOT, 'bin', 'plancorpus.js');
const scratch = scratchFolders('kill');
const started = childProcesses();

function build(inp: string, out: string, killAfterMs?: number): Promise<number | string | null> {
  return new Promise((resolve) => {
    // --force: every run rebuilds every document (an unchanged re-run would finish before most kills)
    const child = started(spawn('node', [BIN, 'build', inp, '--out', out, '--quiet', '--force'], { cwd: ROOT, stdio: 'ignore' }));
    const timer = killAfterMs !== undefined ? setTimeout(() => child.kill('SIGKILL'), killAfterMs) : null;
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve(signal ?? code);
    });
  });
}

/** Every file a reader would take as a document or index must be whole and valid. */
function checkFolder(out: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(out);
  } catch {
    return; // killed before the folder was made
  }
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const value = JSON.parse(readFileSync(join(out, name), 'utf8')) as unknown;
    if (name === 'index.json') CorpusIndex.parse(value);
    else PlanDocument.parse(value);
  }
}

const files = (dir: string): Record<string, string> => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('a build killed with SIGKILL at random moments', () => {
  it('leaves only whole, valid files, and the next run equals an uninterrupted build', async () => {
    const dir = scratch();
    const inp = join(dir, 'in');
    mkdirSync(inp);
    for (const name of ['001', '004', 'gbk']) copyFileSync(join(FIXTURES, FIXTURE_FILES[name]), join(inp, FIXTURE_FILES[name]));
    const reference = join(dir, 'reference');
    let t0 = Date.now();
    expect(await build(inp, reference)).toBe(0);
    // kill moments are drawn up to the fastest whole build seen so far: a build that runs faster
    // than the first (a warm file cache, a machine less loaded) must still be caught mid-way
    let fastest = Date.now() - t0;
    const out = join(dir, 'out');
    const random = seededRandom(20261130);
    let killed = 0;
    for (let k = 0; k < 24; k++) {
      t0 = Date.now();
      const how = await build(inp, out, Math.round(50 + random() * Math.max(0, fastest - 50)));
      if (how === 'SIGKILL') killed++;
      else {
        expect(how).toBe(0);
        fastest = Math.min(fastest, Date.now() - t0);
      }
      checkFolder(out);
    }
    expect(killed).toBeGreaterThanOrEqual(20);
    expect(await build(inp, out)).toBe(0);
    expect(files(out)).toEqual(files(reference));
  }, 300_000);
});
