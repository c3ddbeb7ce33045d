import { describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus } from './build.js';
import { pipelineKey, pipelineVersion } from './incremental.js';
import { FIXTURES, FIXTURE_FILES, scratchFolders } from '../test/helpers.js';

const tmp = scratchFolders('incr');
const files = (dir: string): Record<string, string> => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
/** inode and mtime per file: an atomic write (temporary file, rename) always gives the file a new inode */
const stamps = (dir: string): Record<string, string> => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, `${statSync(join(dir, f)).ino}:${statSync(join(dir, f)).mtimeMs}`]));
const rewritten = (before: Record<string, string>, after: Record<string, string>): string[] => Object.keys(after).filter((f) => before[f] !== after[f]).sort();

/** Two small real fixtures and the PDF (with its extracted text beside its JSON). */
function inputs(): string {
  const dir = tmp();
  copyFileSync(join(FIXTURES, FIXTURE_FILES['001']), join(dir, 'a.txt'));
  copyFileSync(join(FIXTURES, FIXTURE_FILES['004']), join(dir, 'b.txt'));
  mkdirSync(join(dir, 'pdf'));
  copyFileSync(join(FIXTURES, 'pdf', 'zhanhe-excerpt.pdf'), join(dir, 'pdf', 'c.pdf'));
  return dir;
}

describe('incremental builds', () => {
  it('an unchanged re-run rewrites nothing; a changed input rebuilds just that one; the result equals a fresh build', async () => {
    const src = inputs();
    const out = tmp();
    const first = await buildCorpus({ inputs: [src], outDir: out });
    expect(first.failed).toBe(0);
    const key = pipelineKey(pipelineVersion({}));
    expect(first.index.documents.map((e) => e.build)).toEqual([key, key, key]);
    expect(Object.keys(files(out))).toEqual(['a.json', 'b.json', 'index.json', 'pdf--c.json', 'pdf--c.source.txt']);

    const before = stamps(out);
    const seen: string[] = [];
    const again = buildCorpus({ inputs: [src], outDir: out });
    for await (const e of again) seen.push(e.id);
    expect((await again).index).toEqual(first.index);
    expect(seen.sort()).toEqual(['a', 'b', 'pdf--c']); // kept entries are still reported
    expect(rewritten(before, stamps(out))).toEqual([]);
    // their warnings are counted as kept, not as this run's by code
    const firstWarnings = first.index.documents.reduce((n, e) => n + e.warnings, 0);
    expect((await again).kept).toEqual({ documents: 3, warnings: firstWarnings, warnedDocuments: first.index.documents.filter((e) => e.warnings > 0).length });
    expect((await again).warnings.byCode).toEqual({});
    expect(first.kept).toEqual({ documents: 0, warnings: 0, warnedDocuments: 0 });

    // one changed input: only its document and the index are written
    appendFileSync(join(src, 'b.txt'), '\n（四）新增一段用于检验增量构建的文字。\n');
    const third = await buildCorpus({ inputs: [src], outDir: out });
    expect(rewritten(before, stamps(out))).toEqual(['b.json', 'index.json']);
    const b = third.index.documents.find((e) => e.id === 'b')!;
    expect(b.sha256).not.toBe(first.index.documents.find((e) => e.id === 'b')!.sha256);
    expect(readFileSync(join(out, 'b.json'), 'utf8')).toContain('新增一段用于检验增量构建的文字');

    const fresh = tmp();
    await buildCorpus({ inputs: [src], outDir: fresh });
    expect(files(out)).toEqual(files(fresh));
  }, 60_000);

  it('a removed input leaves the index; a deleted output file is rebuilt; --force rebuilds all', async () => {
    const src = inputs();
    const out = tmp();
    await buildCorpus({ inputs: [src], outDir: out });
    rmSync(join(src, 'a.txt'));
    rmSync(join(out, 'b.json'));
    const before = stamps(out);
    const r = await buildCorpus({ inputs: [src], outDir: out });
    expect(r.index.documents.map((e) => e.id)).toEqual(['b', 'pdf--c']);
    expect(rewritten(before, stamps(out))).toEqual(['b.json', 'index.json']);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { documents: Array<{ id: string }> };
    expect(index.documents.map((e) => e.id)).toEqual(['b', 'pdf--c']);

    const kept = stamps(out);
    await buildCorpus({ inputs: [src], outDir: out, force: true });
    // every document and its extracted text are written again; the index is byte-identical, so it is left alone
    expect(rewritten(kept, stamps(out))).toEqual(['b.json', 'pdf--c.json', 'pdf--c.source.txt']);
  }, 60_000);

  it('a changed rules file or OCR switched off rebuilds every document, with the new build key', async () => {
    const src = inputs();
    rmSync(join(src, 'pdf'), { recursive: true });
    const out = tmp();
    const rules = join(tmp(), 'rules.yaml');
    writeFileSync(rules, 'protected:\n  - text: 漯河力量\n    note: kept to test protection\n');
    const first = await buildCorpus({ inputs: [src], outDir: out, rules });
    const before = stamps(out);
    await buildCorpus({ inputs: [src], outDir: out, rules });
    expect(rewritten(before, stamps(out))).toEqual([]);

    writeFileSync(rules, 'forced:\n  - from: 细微颗粒物\n    to: 细颗粒物\n    note: the standard term\n');
    const second = await buildCorpus({ inputs: [src], outDir: out, rules });
    expect(second.index.documents[0].build).not.toBe(first.index.documents[0].build);
    // the documents' bytes may not change, but they are rebuilt and rewritten under the new rules
    expect(rewritten(before, stamps(out))).toEqual(['a.json', 'b.json', 'index.json']);

    const beforeOff = stamps(out);
    const off = await buildCorpus({ inputs: [src], outDir: out, ocr: false });
    expect(off.index.documents[0].build).toBe(pipelineKey(pipelineVersion({ ocr: false })));
    expect(rewritten(beforeOff, stamps(out))).toEqual(['a.json', 'b.json', 'index.json']);
  }, 60_000);

  it('the compact layout has a build key of its own; an indented corpus keeps the key it had', () => {
    const indented = pipelineVersion({});
    expect(indented).not.toHaveProperty('compact');
    const compact = pipelineVersion({ compact: true });
    expect(compact).toEqual({ ...indented, compact: true });
    expect(pipelineKey(compact)).not.toBe(pipelineKey(indented));
    // the key of an indented build is the hash of its four parts, as before the layout option
    expect(pipelineKey({ ...indented, compact: false })).toBe(pipelineKey(indented));
  });
});
