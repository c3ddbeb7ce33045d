/**
 * `plancorpus diff` on real data: a corpus built from the fixtures, and a copy with three
 * deliberate edits to 000 (a target value in 表2, a retitled section, a deleted paragraph).
 */
import { writeFileSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CommanderError } from 'commander';
import { buildCorpus } from '../../corpus/build.js';
import type { PlanDocument, Section } from '../../schemas/document.js';
import type { CorpusDiff } from '../../corpus/diff/types.js';
import { diffCommand } from './diff.js';
import { fixtureDocument, scratchFolders, sharedScratchFolders } from '../../test/helpers.js';

const ID = '000_5e002ab9d4a7d847';
const root = sharedScratchFolders('diff')();
const a = join(root, 'a');
const b = join(root, 'b');
const copy = join(root, 'copy');
const expected = { retitledFrom: '“十四五”面临新形势', retitledTo: '“十四五”面临的新形势', deleted: '' };

function findSection(secs: Section[], title: string): Section | undefined {
  for (const s of secs) {
    if (s.title === title) return s;
    const r = findSection(s.children, title);
    if (r) return r;
  }
  return undefined;
}

beforeAll(async () => {
  await buildCorpus({ inputs: [resolve('fixtures')], outDir: a, concurrency: 4 });
  await cp(a, b, { recursive: true });
  await cp(a, copy, { recursive: true });
  const file = join(b, `${ID}.json`);
  const doc = JSON.parse(await readFile(file, 'utf8')) as PlanDocument;
  // 1. a target value in 表2
  const t2 = doc.tables.find((t) => t.number === 2)!;
  const urban = t2.indicators.find((i) => i.name === '常住人口城镇化率')!;
  expect(urban.values['target-2025']).toMatchObject({ raw: '≥83', value: 83 });
  urban.values['target-2025'] = { ...urban.values['target-2025'], raw: '≥85', value: 85 };
  // 2. a retitled section
  findSection(doc.sections, expected.retitledFrom)!.title = expected.retitledTo;
  // 3. a deleted paragraph
  const s1 = findSection(doc.sections, '决胜全面建成小康社会取得决定性成就')!;
  expected.deleted = s1.paragraphs.splice(2, 1)[0].text;
  await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
});

/** Run the command as cli/index.ts does: commander errors are usage errors (exit 2). */
async function run(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  let stdout = '';
  let stderr = '';
  let code = 0;
  const io = { stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), stderrIsTTY: false };
  const cmd = diffCommand(io, (c) => void (code = Math.max(code, c)))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  try {
    await cmd.parseAsync(args, { from: 'user' });
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    code = err.code === 'commander.helpDisplayed' || err.code === 'commander.help' ? 0 : 2;
  }
  return { stdout, stderr, code };
}

describe('plancorpus diff on a corpus built from the fixtures', () => {
  it('identical corpora: exit 0 and an "identical" message', async () => {
    const self = await run([a, a]);
    expect(self).toMatchObject({ code: 0, stderr: '' });
    expect(self.stdout).toMatch(/^identical: 16 document\(s\) compared, no differences$/m);
    const r = await run([a, copy, '--format', 'json']);
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout) as CorpusDiff;
    expect(diff).toMatchObject({ identical: true, documents: [], added: [], removed: [], summary: { compared: 16, changed: 0 } });
  });

  it('text output names exactly the three edits', async () => {
    const r = await run([a, b]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[2]).toBe('16 compared: 1 changed, 15 unchanged; 0 added, 0 removed; 0 status change(s)');
    expect(lines.filter((l) => l.startsWith('== '))).toEqual([`== ${ID} (${ID}.txt)`]);
    const body = lines.slice(lines.indexOf(`== ${ID} (${ID}.txt)`) + 1).filter(Boolean);
    expect(body).toEqual([
      '  outline:',
      `    ~ retitled: 第一章 开启全面建设社会主义现代化湛河新征程 › 第二节 ${expected.retitledFrom} → 第二节 ${expected.retitledTo}`,
      '  paragraphs:',
      `    - 第一章 开启全面建设社会主义现代化湛河新征程 › 第一节 决胜全面建成小康社会取得决定性成就 ¶3: «${Array.from(expected.deleted).slice(0, 60).join('')}…»`,
      '  tables:',
      '    ~ 表2 “十四五”经济社会发展主要指标',
      '        ~ 3 常住人口城镇化率 · target-2025 (2025年目标): ≥83 (83) → ≥85 (85)',
    ]);
  });

  it('JSON output names exactly the three edits', async () => {
    const r = await run([a, b, '--format', 'json']);
    expect(r.code).toBe(1);
    const diff = JSON.parse(r.stdout) as CorpusDiff;
    expect(diff.identical).toBe(false);
    expect(diff.documents).toHaveLength(1);
    const d = diff.documents[0];
    expect(d).toMatchObject({ id: ID, status: null, meta: [], boxes: [], figures: [], messages: [], notes: [] });
    expect(d.outline).toEqual([
      {
        change: 'changed',
        what: ['title'],
        before: expect.objectContaining({ marker: '第二节', title: expected.retitledFrom, depth: 2 }),
        after: expect.objectContaining({ marker: '第二节', title: expected.retitledTo, depth: 2 }),
      },
    ]);
    expect(d.outline[0].before).not.toHaveProperty('source');
    expect(d.paragraphs).toEqual([{ change: 'removed', what: [], before: expect.objectContaining({ index: 3, text: expected.deleted }), after: null, edits: [] }]);
    expect(d.tables).toHaveLength(1);
    expect(d.tables[0]).toMatchObject({ change: 'changed', before: { number: 2 }, fields: [], columns: [], notes: [], rows: [] });
    expect(d.tables[0].indicators).toEqual([
      {
        change: 'changed',
        before: expect.objectContaining({ seq: '3', name: '常住人口城镇化率' }),
        after: expect.objectContaining({ seq: '3', name: '常住人口城镇化率' }),
        fields: [],
        values: [
          {
            column: 'target-2025',
            header: '2025年目标',
            before: expect.objectContaining({ raw: '≥83', value: 83 }),
            after: expect.objectContaining({ raw: '≥85', value: 85 }),
            what: ['raw', 'value'],
          },
        ],
      },
    ]);
  });

  it('--only, --quiet and --positions', async () => {
    expect((await run([a, b, '--only', 'meta,messages'])).code).toBe(0);
    const tables = JSON.parse((await run([a, b, '--only', 'tables', '--format', 'json'])).stdout) as CorpusDiff;
    expect(tables.documents[0]).toMatchObject({ outline: [], paragraphs: [], tables: [expect.objectContaining({ change: 'changed' })] });
    expect(await run([a, b, '--quiet'])).toEqual({ stdout: `changed  ${ID}\n`, stderr: '', code: 1 });
    expect(await run([a, copy, '--quiet'])).toEqual({ stdout: '', stderr: '', code: 0 });
    // the edited JSON keeps every other span as it was, so with positions the outline still
    // shows only the retitle, now with its raw position
    const pos = JSON.parse((await run([a, b, '--positions', '--format', 'json', '--only', 'outline'])).stdout) as CorpusDiff;
    expect(pos.options).toEqual({ only: ['outline'], positions: true });
    expect(pos.documents[0].outline).toHaveLength(1);
    expect(pos.documents[0].outline[0].before).toHaveProperty('source');
  });

  it('--help describes the command', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: diff \[options\] <old> <new>/);
    expect(r.stdout).toMatch(/--positions/);
    expect(r.stdout).toMatch(/--only <categories>/);
  });
});

describe('plancorpus diff usage errors (exit 2)', () => {
  it('a missing folder, or a folder that is not a corpus', async () => {
    const missing = await run([a, join(root, 'nope')]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe(`plancorpus diff: ${join(root, 'nope')}: no such folder\n`);
    const notCorpus = await run([resolve('fixtures'), a]);
    expect(notCorpus.code).toBe(2);
    expect(notCorpus.stderr).toMatch(/fixtures has no index\.json: not a corpus folder/);
  });

  it('a document that does not validate is named', async () => {
    const bad = join(root, 'bad');
    await cp(a, bad, { recursive: true });
    await writeFile(join(bad, `${ID}.json`), '{"id": "x"}');
    const r = await run([a, bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`plancorpus diff: .*bad/${ID}\\.json does not validate`));
  });

  it('bad options and missing arguments', async () => {
    const format = await run([a, b, '--format', 'xml']);
    expect(format).toMatchObject({ code: 2, stdout: '' });
    expect(format.stderr).toMatch(/argument 'xml' is invalid\. Allowed choices are text, json/);
    const only = await run([a, b, '--only', 'meta,headings']);
    expect(only.code).toBe(2);
    expect(only.stderr).toMatch(/--only takes a comma-separated list of meta, outline, paragraphs, tables, boxes, messages; unknown: headings/);
    const one = await run([a]);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/missing required argument 'new'/);
  });
});

describe('diff of two document files', () => {
  const scratch = scratchFolders('diff-docs');

  it('compares two versions of one document under different names', async () => {
    const { serialize } = await import('../../pipeline/emit/write.js');
    const { execute } = await import('../index.js');
    const dir = scratch();
    const before = fixtureDocument('004');
    const after = structuredClone(before);
    after.id = 'report-2025-revised';
    after.sections[0].title = '2024年国民经济和社会发展规划执行情况（修订）';
    writeFileSync(join(dir, 'a.json'), serialize(before));
    writeFileSync(join(dir, 'b.json'), serialize(after));
    const out: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: () => undefined, stderrIsTTY: false };
    expect(await execute(['diff', join(dir, 'a.json'), join(dir, 'b.json')], io)).toBe(1);
    expect(out.join('')).toMatch(/retitled: 一、 ?2024年国民经济和社会发展规划执行情况 → 一、 ?2024年国民经济和社会发展规划执行情况（修订）/);
    expect(await execute(['diff', join(dir, 'a.json'), join(dir, 'a.json')], io)).toBe(0);
  });
});
