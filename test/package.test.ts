/**
 * The package as a user gets it: `npm pack`, install the tarball into an empty folder, run the
 * README's "Library" example there and type-check it, and run the installed binary. The tarball is
 * packed from the dist/ that `npm test` has just built (no second build while other tests run).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, FIXTURES, FIXTURE_FILES, sharedScratchFolders } from './helpers.js';

const run = promisify(execFile);
const sh = (cmd: string, args: string[], cwd: string) => run(cmd, args, { cwd, maxBuffer: 64 << 20, env: { ...process.env, npm_config_update_notifier: 'false' } });

/** The first ```js block under the README's "## Library" heading: the example a user copies. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Library'));
  const m = /```js\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('README.md has no ```js example under ## Library');
  return m[1];
}

const version = (pkg: string): string => (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

describe('the packed package, installed into an empty folder', () => {
  const dir = sharedScratchFolders('pack')();
  const app = join(dir, 'app');
  let files: string[] = [];

  beforeAll(async () => {
    const { stdout } = await sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT);
    const [packed] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    files = packed.files.map((f) => f.path);
    mkdirSync(join(app, 'fixtures'), { recursive: true });
    for (const name of ['001', '004']) copyFileSync(join(FIXTURES, FIXTURE_FILES[name]), join(app, 'fixtures', FIXTURE_FILES[name]));
    // nodejieba builds its native part at install: npm runs only the install scripts a project allows
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module', allowScripts: { nodejieba: true } }, null, 2));
    await sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, packed.filename), `typescript@${version('typescript')}`, `@types/node@${version('@types/node')}`], app);
  }, 600_000);

  it('ships the compiled code, its types, the JSON Schemas and the data, and no tests or fixtures', () => {
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/document.schema.json', 'dist/index.schema.json', 'data/gazetteer.json', 'data/ocr-confusions.json', 'bin/plancorpus.js', 'package.json', 'README.md']) expect(files).toContain(f);
    expect(files.filter((f) => /(^|\/)(fixtures|test)\/|\.test\.|^node_modules\//.test(f))).toEqual([]);
  });

  it('runs the README example as a user would', async () => {
    writeFileSync(join(app, 'example.mjs'), readmeExample());
    const { stdout } = await sh('node', ['example.mjs'], app);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('关于湛河区2024年国民经济和社会发展规划执行情况与2025年国民经济和社会发展规划计划（草案）的报告 annual-plan-report 湛河区 2025');
    expect(lines[1]).toBe('全区生产总值增速 % plan-2024=7 actual-2024=4.8 plan-2025=6.5');
    expect(lines).toContain('ok 004_28dd4271f70e694a');
    expect(lines.at(-1)).toBe('failed: 0 identical to itself: true');
  });

  it('type-checks the example against the published types', async () => {
    writeFileSync(join(app, 'example.ts'), `${readmeExample()}\nimport type { PlanDocument, IndexEntry } from 'plancorpus';\nexport const typed: (d: PlanDocument) => string | null = (d) => d.meta.title;\nexport const entry: (e: IndexEntry) => string = (e) => e.status;\n`);
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'] }, files: ['example.ts'] }));
    await expect(sh(join(app, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], app)).resolves.toBeDefined();
  });

  it('installs a working plancorpus binary', async () => {
    const { stdout } = await sh(join(app, 'node_modules', '.bin', 'plancorpus'), ['--version'], app);
    expect(stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });
});
