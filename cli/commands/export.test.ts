import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { buildCorpus } from '../../corpus/build.js';
import { FIXTURES, scratchFolders, sharedScratchFolders } from '../../test/helpers.js';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { exportCommand } from './export.js';
import { writeFixtureCorpus } from '../../test/builders/fixture-corpus.js';

const dir = sharedScratchFolders('export')();
const scratch = scratchFolders('export');
beforeAll(() => writeFixtureCorpus(dir));
afterEach(() => {
  process.exitCode = undefined;
});

async function run(args: string[]): Promise<{ stdout: string; stderr: string; code: number | undefined }> {
  let stdout = '';
  let stderr = '';
  let code: number | undefined;
  const cmd = exportCommand({ stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stderrIsTTY: false }, (c) => void (code = Math.max(code ?? 0, c)));
  await cmd.parseAsync(args, { from: 'user' });
  return { stdout, stderr, code };
}

describe('plancorpus export indicators', () => {
  it('writes CSV with a BOM to a file', async () => {
    const out = join(dir, 'indicators.csv');
    const r = await run(['indicators', dir, '--format', 'csv', '--bom', '--output-file', out]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const text = await readFile(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const records = parse(text, { bom: true, columns: true }) as Array<{ [k: string]: string }>;
    expect(new Set(records.map((x) => x.document_id))).toEqual(new Set(['000_5e002ab9d4a7d847', '003_0b1e8b9a0c3e043b', '004_28dd4271f70e694a']));
    const r6 = records.filter((x) => x.document_id === '003_0b1e8b9a0c3e043b' && x.table_id === 'table-2' && x.seq === '6');
    expect(r6.map((x) => [x.column_header, x.value])).toEqual([
      ['“十三五”基数 / 2020年绝对值', '1.62'],
      ['“十三五”基数 / 年均增长(%)', '5.74'],
      ['“十四五”目标 / 2025年绝对值', '2.27'],
      ['“十四五”目标 / 年均增速(%)', '6.96'],
    ]);
  });

  it('writes JSONL to stdout', async () => {
    const r = await run(['indicators', dir, '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const objs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { [k: string]: unknown });
    const row6 = objs.find((o) => o.document_id === '004_28dd4271f70e694a' && o.seq === '6' && o.column_key === 'actual-2024');
    expect(row6).toMatchObject({ raw: '[2]', kind: 'bracketed', value: 2, qualifier: 'estimate' });
  });

  it('exits 2 on a bad format or a folder with no corpus', async () => {
    const bad = await run(['indicators', dir, '--format', 'xlsx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be csv or jsonl/);
    expect(bad.stdout).toBe('');
    const missing = await run(['indicators', join(dir, 'nope'), '--format', 'csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read corpus/);
  });
});

describe('export subcommands through execute()', () => {
  it('--help and a bad option return exit codes instead of ending the process', async () => {
    const { execute } = await import('../index.js');
    const out: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void out.push(s), stderrIsTTY: false };
    expect(await execute(['export', 'paragraphs', '--help'], io)).toBe(0);
    expect(out.join('')).toMatch(/--format <format>/);
    expect(await execute(['export', 'indicators', '--no-such-option'], io)).toBe(2);
  });

  it('exits 1 and names the documents it could not read, exporting the rest', async () => {
    const { cp, writeFile } = await import('node:fs/promises');
    const broken = join(scratch(), 'broken');
    await cp(dir, broken, { recursive: true });
    await writeFile(join(broken, 'documents', '003_0b1e8b9a0c3e043b.json'), '{ cut off');
    const r = await run(['indicators', broken, '--format', 'jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/plancorpus export indicators: skipped 003_0b1e8b9a0c3e043b: .*003_0b1e8b9a0c3e043b\.json is not valid JSON/);
    expect(r.stdout).toContain('004_28dd4271f70e694a');
  });
});

describe('plancorpus export facts', () => {
  it('one row per fact with its region, period and raw position', { timeout: 60_000 }, async () => {
    const built = scratch();
    await buildCorpus({ inputs: [join(FIXTURES, '004_28dd4271f70e694a.txt')], root: FIXTURES, outDir: built });
    const r = await run(['facts', built, '--format', 'csv']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const records = parse(r.stdout, { columns: true }) as Array<{ [k: string]: string }>;
    const gdp = records.find((x) => x.document_id === '004_28dd4271f70e694a' && x.metric === '地区生产总值' && x.period_start === '2024')!;
    expect(gdp).toMatchObject({ county: '湛河区', region_code: '410411', value: '263.06', unit: '亿元', change: '4.8', change_unit: '%', polarity: 'achieved', line: '23', raw: '地区生产总值263.06亿元，同比增长4.8%' });
    const jsonl = await run(['facts', built, '--format', 'jsonl']);
    expect(jsonl.stdout.trim().split('\n')).toHaveLength(records.length);
  });
});
