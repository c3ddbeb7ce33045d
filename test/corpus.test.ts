import { describe, expect, it, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, readdirSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, FIXTURES, FIXTURE_FILES, fixtureText, scratchFolders, sharedScratchFolders } from './helpers.js';
import iconv from 'iconv-lite';
import { CorpusIndex } from '../schemas/corpus.js';
import { PlanDocument } from '../schemas/document.js';

const run = promisify(execFile);
const BIN = join(ROOT, 'bin', 'plancorpus.js');

async function cli(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...args], { cwd, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const tmp = scratchFolders('corpus');
const files = (dir: string): Record<string, string> => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('plancorpus build (the real binary)', () => {
  let a: string;
  let b: string;
  let first: { code: number; stdout: string; stderr: string };
  const shared = sharedScratchFolders('corpus');
  beforeAll(async () => {
    a = shared();
    b = shared();
    first = await cli(['build', 'fixtures', '--out', a]);
    await cli(['build', FIXTURES, '--out', b, '--concurrency', '1']);
  });

  it('writes one validated document per fixture plus index.json, results on stdout only', () => {
    expect(first.code).toBe(0);
    // off a terminal, stderr carries nothing but the plain progress line every few seconds
    expect(first.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('progress ['))).toEqual([]);
    const index = CorpusIndex.parse(JSON.parse(readFileSync(join(a, 'index.json'), 'utf8')));
    expect(index.documents.map((d) => d.status)).toEqual(index.documents.map(() => 'ok'));
    expect(index.documents.map((d) => d.source)).toContain('000_5e002ab9d4a7d847.txt');
    for (const d of index.documents) {
      const doc = PlanDocument.parse(JSON.parse(readFileSync(join(a, d.output!), 'utf8')));
      expect(doc.id).toBe(d.id);
      expect(doc.source.sha256).toBe(d.sha256);
    }
    expect(first.stdout).toMatch(/documents written to/);
    // a PDF's positions refer to its extracted text, saved beside it
    const pdf = PlanDocument.parse(JSON.parse(readFileSync(join(a, 'pdf--zhanhe-excerpt.json'), 'utf8')));
    const extracted = readFileSync(join(a, pdf.source.extracted!.path), 'utf8');
    const p = pdf.sections[1].paragraphs[0];
    expect(extracted.slice(p.source.offset, p.source.offset + 14)).toBe('“十四五”时期（2021-2');
  });

  it('is byte-identical across builds into different folders (no timestamps or absolute paths)', () => {
    const fa = files(a);
    expect(fa).toEqual(files(b));
    for (const content of Object.values(fa)) {
      expect(content).not.toContain(a);
      expect(content).not.toContain(ROOT);
    }
  });

  it('builds the same corpus on one worker thread and on two', async () => {
    for (const workers of ['1', '2']) {
      const c = tmp();
      const r = await cli(['build', 'fixtures', '--out', c, '--workers', workers]);
      expect(r.code).toBe(0);
      expect(files(c)).toEqual(files(a));
    }
  });

  it('--compact writes each document on one line, the same data; switching layout rebuilds, keeping it does not', async () => {
    const c = tmp();
    const r = await cli(['build', 'fixtures', '--out', c, '--compact']);
    expect(r.code).toBe(0);
    const [indented, compact] = [files(a), files(c)];
    expect(Object.keys(compact)).toEqual(Object.keys(indented));
    const index = CorpusIndex.parse(JSON.parse(compact['index.json']));
    const before = CorpusIndex.parse(JSON.parse(indented['index.json']));
    // the entries differ only in their build key: the layout is part of it
    expect(index.documents.map((d) => ({ ...d, build: '' }))).toEqual(before.documents.map((d) => ({ ...d, build: '' })));
    expect(new Set(index.documents.map((d) => d.build)).size).toBe(1);
    expect(index.documents[0].build).not.toBe(before.documents[0].build);
    for (const d of index.documents) {
      const text = compact[d.output!];
      expect(text.indexOf('\n')).toBe(text.length - 1); // one line, then the newline
      expect(JSON.parse(text)).toEqual(JSON.parse(indented[d.output!]));
      expect(text.length).toBeLessThan(indented[d.output!].length);
    }
    const size = (fs: Record<string, string>) => index.documents.reduce((n, d) => n + Buffer.byteLength(fs[d.output!]), 0);
    expect(size(compact)).toBeLessThan(size(indented) * 0.6);
    // the extracted texts of PDFs and .docx are the same files
    for (const f of Object.keys(compact).filter((f) => f.endsWith('.txt'))) expect(compact[f]).toBe(indented[f]);
    expect((await cli(['validate', c])).code).toBe(0);
    // kept as it is by a --compact re-run; rebuilt, indented, by one without
    expect((await cli(['build', 'fixtures', '--out', c, '--compact'])).stdout).toMatch(new RegExp(`${index.documents.length} documents unchanged since the last build`));
    const back = await cli(['build', 'fixtures', '--out', c]);
    expect(back.stdout).not.toMatch(/unchanged since the last build/);
    expect(files(c)).toEqual(indented);
  });

  it('says which documents a re-run kept unchanged, and counts their warnings for --strict', async () => {
    const c = tmp();
    const input = join('fixtures', FIXTURE_FILES['003']);
    const first = await cli(['build', input, '--out', c]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/warnings: toc-mismatch ×1/);
    const again = await cli(['build', input, '--out', c, '--strict']);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/1 document unchanged since the last build, kept as it was \(\d+ warnings? in 1 unchanged document: plancorpus review lists them\)/);
    expect(again.stdout).toMatch(/--strict: exit 1 because 1 document has warnings \(\d+ warnings? in 1 unchanged document\)/);
  });

  it('takes --workers auto (the default) or a number, and says what it takes otherwise', async () => {
    const c = tmp();
    expect((await cli(['build', 'fixtures/000_5e002ab9d4a7d847.txt', '--out', c, '--workers', 'auto', '--quiet'])).code).toBe(0);
    const r = await cli(['build', 'fixtures', '--out', tmp(), '--workers', 'two']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workers takes auto or a whole number ≥ 0, not two');
  });

  it('validate accepts the corpus and rejects a tampered document with its raw position', async () => {
    expect((await cli(['validate', a])).code).toBe(0);
    const c = tmp();
    for (const [f, content] of Object.entries(files(a))) writeFileSync(join(c, f), content);
    const doc = JSON.parse(files(a)['000_5e002ab9d4a7d847.json']);
    doc.sections[1].children[0].ordinal = 'one';
    writeFileSync(join(c, '000_5e002ab9d4a7d847.json'), JSON.stringify(doc));
    const r = await cli(['validate', c]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/000_5e002ab9d4a7d847: .*000_5e002ab9d4a7d847\.json does not validate: sections\.1\.children\.0\.ordinal: .*\(raw line 35, column 0\)/);
  });

  it('prints the JSON Schema generated from the zod schemas', async () => {
    const r = await cli(['schema']);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.sections).toBeDefined();
    expect(schema.required).toContain('corrections');
  });

  it('--strict exits 1 when a document has warnings', async () => {
    expect((await cli(['build', join(FIXTURES, FIXTURE_FILES['001']), '--out', tmp(), '--strict', '-q'])).code).toBe(0);
    expect((await cli(['build', join(FIXTURES, FIXTURE_FILES['003']), '--out', tmp(), '--strict', '-q'])).code).toBe(1);
  });

  it('names inputs without clashes: the same file name in two folders, a document called index', async () => {
    const d = tmp();
    const out = tmp();
    mkdirSync(join(d, 'd1'));
    mkdirSync(join(d, 'd2'));
    copyFileSync(join(FIXTURES, FIXTURE_FILES['001']), join(d, 'd1', 'a.txt'));
    copyFileSync(join(FIXTURES, FIXTURE_FILES['004']), join(d, 'd2', 'a.txt'));
    copyFileSync(join(FIXTURES, FIXTURE_FILES['004']), join(d, 'd2', 'index.txt'));
    expect((await cli(['build', join(d, 'd1'), join(d, 'd2'), '--out', out])).code).toBe(0);
    const index = CorpusIndex.parse(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')));
    expect(index.documents.map((e) => [e.source, e.output])).toEqual([
      ['d1/a.txt', 'd1--a.json'],
      ['d2/a.txt', 'd2--a.json'],
      ['index.txt', 'index-document.json'],
    ]);
    // a file input is named by itself, wherever the command runs
    const r = await cli(['build', join(d, 'd1', 'a.txt'), '--out', out], tmpdir());
    expect(r.stdout).toMatch(/^ok {6}a\.txt → /m);
  });

  it('does not read back an output folder inside the input folder', async () => {
    const d = tmp();
    mkdirSync(join(d, 'pdf'));
    copyFileSync(join(FIXTURES, 'pdf', 'zhanhe-excerpt.pdf'), join(d, 'pdf', 'x.pdf'));
    await cli(['build', d, '--out', join(d, 'out')]);
    const again = await cli(['build', d, '--out', join(d, 'out')]);
    expect(again.stdout).not.toMatch(/source\.txt/);
    const index = CorpusIndex.parse(JSON.parse(readFileSync(join(d, 'out', 'index.json'), 'utf8')));
    expect(index.documents.map((e) => e.source)).toEqual(['pdf/x.pdf']);
  });

  it('writes nothing when no input is found, and refuses an output path that is a file', async () => {
    const out = tmp();
    writeFileSync(join(out, 'index.json'), '{"keep": true}');
    expect((await cli(['build', 'no-such-folder-here', '--out', out])).code).toBe(2);
    expect(readFileSync(join(out, 'index.json'), 'utf8')).toBe('{"keep": true}');
    const r = await cli(['build', join(FIXTURES, FIXTURE_FILES['004']), '--out', join(out, 'index.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*index\.json is a file, not a folder/);
  });

  it('exits 2 on usage errors, 0 on --help', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(['export'])).code).toBe(2);
    expect((await cli(['build', '--concurrency', 'zero'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['build', 'no-such-folder-here', '--out', tmp()])).code).toBe(2);
    const help = await cli(['build', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--out <dir>/);
  });
});

describe('--rules FILE', () => {
  it('applies a user’s forced correction and protected name, from YAML', async () => {
    const dir = tmp();
    const out = tmp();
    copyFileSync(join(FIXTURES, FIXTURE_FILES['004']), join(dir, 'report.txt'));
    const rules = join(dir, 'rules.yaml');
    writeFileSync(rules, 'forced:\n  - from: 细微颗粒物\n    to: 细颗粒物\n    note: the standard term\nprotected:\n  - text: 漯河力量\n    note: kept to test protection\n');
    const r = await cli(['build', dir, '--out', out, '--rules', rules]);
    expect(r.code).toBe(0);
    const doc = PlanDocument.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    expect(doc.corrections.filter((c) => c.rule === 'ocr/forced').map((c) => c.source.line)).toEqual([156]);
    const text = JSON.stringify(doc.sections);
    expect(text).toContain('漯河力量');
  });

  it('rejects a rules file that does not validate, naming the file and the key (exit 2)', async () => {
    const dir = tmp();
    const rules = join(dir, 'bad.json');
    writeFileSync(rules, JSON.stringify({ protectd: [] }));
    const r = await cli(['build', join(FIXTURES, FIXTURE_FILES['004']), '--out', tmp(), '--rules', rules]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json.*protectd/);
  });
});

describe('bad input', () => {
  it('gives each bad file a clear error or warning in index.json while the others are written', async () => {
    const dir = tmp();
    const out = tmp();
    copyFileSync(join(FIXTURES, FIXTURE_FILES['004']), join(dir, 'good.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.txt'), '  \n\n\u3000 \n');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]));
    const text = Buffer.from(fixtureText('001'), 'utf8');
    writeFileSync(join(dir, 'truncated.txt'), text.subarray(0, text.length - 1));
    writeFileSync(join(dir, 'not-a.pdf'), '%PDF-1.7\n1 0 obj garbage');
    const r = await cli(['build', dir, '--out', out]);
    expect(r.code).toBe(1);
    const index = CorpusIndex.parse(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')));
    const by = Object.fromEntries(index.documents.map((d) => [d.source, d]));
    expect(by['empty.txt'].error?.code).toBe('empty-input');
    expect(by['blank.txt'].error?.code).toBe('no-text');
    expect(by['binary.txt'].error?.code).toBe('binary-input');
    expect(by['not-a.pdf'].error?.code).toBe('pdf-invalid');
    expect(by['good.txt'].status).toBe('ok');
    expect(by['truncated.txt'].status).toBe('ok');
    const truncated = PlanDocument.parse(JSON.parse(readFileSync(join(out, by['truncated.txt'].output!), 'utf8')));
    expect(truncated.diagnostics.map((d) => d.code)).toContain('truncated-utf8');
    expect(r.stdout).toMatch(/failed {2}empty\.txt: empty-input/);
  });

  it('reads a GB18030 re-encoding of a fixture into the same document, apart from its source', async () => {
    const dir = tmp();
    const out = tmp();
    mkdirSync(join(dir, 'utf8'));
    mkdirSync(join(dir, 'gb'));
    copyFileSync(join(FIXTURES, FIXTURE_FILES['004']), join(dir, 'utf8', 'doc.txt'));
    // Node's TextDecoder cannot encode: iconv-lite writes the GB18030 bytes (four-byte codes for ₁₀ too)
    writeFileSync(join(dir, 'gb', 'doc.txt'), iconv.encode(fixtureText('004'), 'gb18030'));
    await cli(['build', join(dir, 'utf8'), '--out', join(out, 'a')]);
    await cli(['build', join(dir, 'gb'), '--out', join(out, 'b')]);
    const a = JSON.parse(readFileSync(join(out, 'a', 'doc.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(out, 'b', 'doc.json'), 'utf8'));
    expect(b.source.encoding).toBe('gb18030');
    delete a.source;
    delete b.source;
    expect(b).toEqual(a);
  });
});

