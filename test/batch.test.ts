/**
 * Batches that cannot hang, crash or mislead: hostile inputs next to good ones, plain messages,
 * stale outputs, limits, progress and logs — all through the real binary.
 */
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CorpusIndex } from '../schemas/corpus.js';
import { PlanDocument } from '../schemas/document.js';
import { ROOT, FIXTURES, FIXTURE_FILES, fixtureText, scratchFolders } from './helpers.js';

const run = promisify(execFile);
const BIN = join(ROOT, 'bin', 'plancorpus.js');
const tmp = scratchFolders('batch');

async function cli(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> {
  const t = Date.now();
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], { cwd, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr, seconds: (Date.now() - t) / 1000 };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, seconds: (Date.now() - t) / 1000 };
  }
}

const index = (dir: string) => CorpusIndex.parse(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')));
/** errno words and syscall names must never reach a user */
const RAW_ERRNO = /\b(?:E[A-Z]{3,}|syscall|errno)\b/;

describe('a folder of hostile inputs next to two good documents', () => {
  it('finishes in seconds, writes both good documents, and gives every bad input a clear error or reason', async () => {
    const dir = tmp();
    const inp = join(dir, 'in');
    const out = join(dir, 'out');
    mkdirSync(inp);
    copyFileSync(join(FIXTURES, FIXTURE_FILES['004']), join(inp, 'good-a.txt'));
    copyFileSync(join(FIXTURES, FIXTURE_FILES['001']), join(inp, 'good-b.txt'));
    writeFileSync(join(inp, 'empty.txt'), '');
    writeFileSync(join(inp, 'whitespace.txt'), ' \n\t\u3000\n');
    writeFileSync(join(inp, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    const text = Buffer.from(fixtureText('004').slice(0, 3000), 'utf8');
    writeFileSync(join(inp, 'truncated-utf8.txt'), text.subarray(0, text.length - 1));
    writeFileSync(join(inp, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixtureText('004').slice(0, 3000), 'utf16le')]));
    writeFileSync(join(inp, 'gb18030.txt'), iconv.encode(fixtureText('004').slice(0, 3000), 'gb18030'));
    writeFileSync(join(inp, 'huge.txt'), Buffer.alloc(60_000_000, 0x61));
    writeFileSync(join(inp, '-rf 名 "x" \u00a0.txt'), fixtureText('004').slice(0, 2000));
    symlinkSync('/dev/zero', join(inp, 'zero.txt'));
    symlinkSync('loop.txt', join(inp, 'loop.txt'));
    symlinkSync('..', join(inp, 'parent')); // a link to its own parent folder
    const r = await cli(['build', inp, '--out', out]);
    expect(r.seconds).toBeLessThan(60);
    expect(r.code).toBe(1);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(RAW_ERRNO);
    const docs = index(out).documents;
    const by = Object.fromEntries(docs.map((d) => [d.source, d]));
    // each good document once: the link to the parent folder is not followed into a loop
    expect(docs.filter((d) => d.status === 'ok').map((d) => d.source).sort()).toEqual(['-rf 名 "x" \u00a0.txt', 'gb18030.txt', 'good-a.txt', 'good-b.txt', 'truncated-utf8.txt', 'utf16.txt']);
    expect(by['empty.txt'].error?.code).toBe('empty-input');
    expect(by['whitespace.txt'].error?.code).toBe('no-text');
    expect(by['binary.txt'].error?.code).toBe('binary-input');
    expect(by['huge.txt'].error).toEqual({ code: 'too-large', message: 'huge.txt is 60 MB, over the limit of 50 MB (raise it with --max-bytes)' });
    expect(r.stderr).toMatch(/skipped zero\.txt: a device/);
    expect(r.stderr).toMatch(/skipped loop\.txt: a link that points back to itself \(a link loop\)/);
    expect(r.stderr).toMatch(/skipped parent\/in: a folder already read/);
    for (const d of docs.filter((x) => x.status === 'ok')) PlanDocument.parse(JSON.parse(readFileSync(join(out, d.output!), 'utf8')));
  });

  it('says plainly what is wrong with the paths it is given (exit 2, nothing written)', async () => {
    const dir = tmp();
    copyFileSync(join(FIXTURES, FIXTURE_FILES['004']), join(dir, 'a.txt'));
    const missing = await cli(['build', join(dir, 'nope'), '--out', join(dir, 'o')]);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toBe(`plancorpus: no such file or folder: ${join(dir, 'nope')}\n`);
    const outIsFile = await cli(['build', dir, '--out', join(dir, 'a.txt')]);
    expect(outIsFile.code).toBe(2);
    expect(outIsFile.stderr).toBe(`plancorpus: --out ${join(dir, 'a.txt')} is a file, not a folder\n`);
    const outIsInput = await cli(['build', dir, '--out', dir]);
    expect(outIsInput.code).toBe(2);
    expect(outIsInput.stderr).toBe(`plancorpus: --out ${dir} is also an input folder: write the corpus somewhere else\n`);
    expect(existsSync(join(dir, 'index.json'))).toBe(false);
  });
});

describe('re-building into an existing corpus folder', () => {
  it('removes documents of earlier builds that the new index does not list, keeps other files, and validate names strays', async () => {
    const dir = tmp();
    const inp = join(dir, 'in');
    const out = join(dir, 'out');
    mkdirSync(inp);
    copyFileSync(join(FIXTURES, FIXTURE_FILES['004']), join(inp, 'a.txt'));
    copyFileSync(join(FIXTURES, FIXTURE_FILES['001']), join(inp, 'b.txt'));
    expect((await cli(['build', inp, '--out', out])).code).toBe(0);
    writeFileSync(join(out, 'notes.json'), '{"mine": true}\n');
    writeFileSync(join(out, '.0123456789ab.tmp'), 'half a document'); // a build killed mid-write
    // a document file that index.json does not list
    copyFileSync(join(out, 'a.json'), join(out, 'copy.json'));
    const v = await cli(['validate', out]);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/invalid {2}copy\.json: copy\.json is a plancorpus file that index\.json does not list/);
    expect(v.stdout).toMatch(/^2 of 2 documents valid$/m);
    writeFileSync(join(inp, 'b.txt'), ''); // b now fails, and a is removed
    const { rmSync } = await import('node:fs');
    rmSync(join(inp, 'a.txt'));
    const r = await cli(['build', inp, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/removed 4 files of an earlier build that index\.json no longer lists: \.0123456789ab\.tmp, a\.json, b\.json, copy\.json/);
    expect(readdirSync(out).sort()).toEqual(['index.json', 'notes.json']);
    expect((await cli(['validate', out])).code).toBe(0);
  });
});

describe('limits', () => {
  it('a document past --timeout fails alone; the others are written', async () => {
    const dir = tmp();
    copyFileSync(join(FIXTURES, FIXTURE_FILES['004']), join(dir, 'small.txt'));
    // a table of 900,000 rows (40 MB) takes far longer than the limit to build (about 40 s on an idle machine)
    writeFileSync(join(dir, 'slow.txt'), `表1 主要指标\n序号\t指标\t单位\t2020年\t2025年\t属性\n${'1\t地区生产总值\t亿元\t221.29\t300\t预期性\n'.repeat(900_000)}`);
    const r = await cli(['build', dir, '--out', join(dir, 'out'), '--timeout', '8']);
    expect(r.code).toBe(1);
    const by = Object.fromEntries(index(join(dir, 'out')).documents.map((d) => [d.source, d]));
    expect(by['small.txt'].status).toBe('ok');
    expect(by['slow.txt'].error).toEqual({ code: 'timeout', message: 'slow.txt took longer than 8 s (--timeout); stopped' });
  });

  it('a document that needs more heap than --max-memory fails alone; the others are written', async () => {
    const dir = tmp();
    copyFileSync(join(FIXTURES, FIXTURE_FILES['004']), join(dir, 'small.txt'));
    // fixture 002 forty times over (7 MB) needs several hundred MB of heap; fixture 004 (33 KB) a few
    writeFileSync(join(dir, 'big.txt'), fixtureText('002').repeat(40));
    const r = await cli(['build', dir, '--out', join(dir, 'out'), '--max-memory', '64']);
    expect(r.code).toBe(1);
    const by = Object.fromEntries(index(join(dir, 'out')).documents.map((d) => [d.source, d]));
    expect(by['small.txt'].status).toBe('ok');
    expect(by['big.txt'].error).toEqual({ code: 'out-of-memory', message: 'big.txt needed more than 64 MB of memory (--max-memory); stopped' });
  });

  it('refuses a PDF with more pages than --max-pages', async () => {
    const dir = tmp();
    copyFileSync(join(FIXTURES, 'pdf', 'zhanhe-excerpt.pdf'), join(dir, 'two-pages.pdf'));
    const r = await cli(['build', dir, '--out', join(dir, 'out'), '--max-pages', '1']);
    expect(r.code).toBe(1);
    expect(index(join(dir, 'out')).documents[0].error).toEqual({ code: 'pdf-too-many-pages', message: '2 pages, over the limit of 1 (raise it with --max-pages)' });
    // the refusal came from the limit, not the bytes: a re-run under the default limit builds it
    expect((await cli(['build', dir, '--out', join(dir, 'out')])).code).toBe(0);
    expect(index(join(dir, 'out')).documents[0].status).toBe('ok');
  });

  it('refuses an input over --max-bytes before reading it', async () => {
    const dir = tmp();
    copyFileSync(join(FIXTURES, FIXTURE_FILES['004']), join(dir, 'a.txt'));
    const r = await cli(['build', dir, '--out', join(dir, 'out'), '--max-bytes', '10kb']);
    expect(r.code).toBe(1);
    expect(index(join(dir, 'out')).documents[0].error?.code).toBe('too-large');
  });
});

describe('seeing what happens', () => {
  it('--log-format json: one JSON object per event, a document event as each finishes, then the summary', async () => {
    const dir = tmp();
    copyFileSync(join(FIXTURES, FIXTURE_FILES['004']), join(dir, 'a.txt'));
    writeFileSync(join(dir, 'b.txt'), '');
    const r = await cli(['build', dir, '--out', join(dir, 'out'), '--log-format', 'json']);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; [k: string]: unknown });
    expect(events.filter((e) => e.event === 'document').map((e) => [e.source, e.status])).toEqual(expect.arrayContaining([['a.txt', 'ok'], ['b.txt', 'failed']]));
    expect(events.at(-1)).toMatchObject({ event: 'done', documents: 2, failed: 1 });
  });

  it('summarises warnings by code, and --strict says which warnings made it fail', async () => {
    const r = await cli(['build', join(FIXTURES, FIXTURE_FILES['003']), '--out', tmp(), '--strict']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^warnings: toc-mismatch ×1$/m);
    expect(r.stdout).toMatch(/^ {2}toc-mismatch {2}003_0b1e8b9a0c3e043b\.txt L20: table of contents entry/m);
    expect(r.stdout).toMatch(/^--strict: exit 1 because 1 document has warnings \(toc-mismatch ×1\)$/m);
  });
});
