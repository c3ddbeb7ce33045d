import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serialize } from '../../pipeline/emit/write.js';
import { diffCorpora } from './corpus.js';
import { CorpusError } from '../store.js';
import { makeDoc } from '../../test/builders/fixture-docs.js';
import { sharedScratchFolders } from '../../test/helpers.js';
import { readCorpusSnapshot } from './read.js';

const root = sharedScratchFolders('diff-read')();

async function writeCorpus(name: string, docs: unknown[]): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  const documents = docs.map((d) => {
    const doc = d as { id: string };
    return { id: doc.id, source: `${doc.id}.txt`, sha256: null, bytes: null, status: 'ok', error: null, warnings: 0, output: `${doc.id}.json` };
  });
  for (const d of docs) await writeFile(join(dir, `${(d as { id: string }).id}.json`), serialize(d));
  await writeFile(join(dir, 'index.json'), serialize({ schemaVersion: '1.0.0', tool: { name: 'plancorpus', version: '0.1.0' }, documents }));
  return dir;
}

const doc = (id: string) => makeDoc({ id, sections: [{ marker: '第一章', title: '总则', paragraphs: ['正文。'] }] });

describe('readCorpusSnapshot', () => {
  it('reads index.json now and the documents on demand; identical files are not compared', async () => {
    const a = await writeCorpus('a', [doc('d1'), doc('d2')]);
    const b = await writeCorpus('b', [doc('d1'), doc('d2')]);
    const snap = await readCorpusSnapshot(a);
    expect(snap.index.documents.map((e) => e.id)).toEqual(['d1', 'd2']);
    expect(snap.load(snap.index.documents[0]).document().id).toBe('d1');
    expect(diffCorpora(snap, await readCorpusSnapshot(b)).identical).toBe(true);
  });

  it('names the folder or file when it is not a corpus', async () => {
    await expect(readCorpusSnapshot(join(root, 'missing'))).rejects.toThrow(/missing: no such folder/);
    await mkdir(join(root, 'empty'));
    await expect(readCorpusSnapshot(join(root, 'empty'))).rejects.toThrow(/has no index\.json: not a corpus folder/);
    await mkdir(join(root, 'badjson'));
    await writeFile(join(root, 'badjson', 'index.json'), '{');
    await expect(readCorpusSnapshot(join(root, 'badjson'))).rejects.toThrow(/badjson\/index\.json is not valid JSON/);
    await mkdir(join(root, 'badindex'));
    await writeFile(join(root, 'badindex', 'index.json'), '{"documents": [{"id": 1}]}');
    const err = await readCorpusSnapshot(join(root, 'badindex')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusError);
    expect((err as CorpusError).file).toBe(join(root, 'badindex', 'index.json'));
    expect((err as Error).message).toMatch(/index\.json does not validate: .*schemaVersion/);
  });

  it('names the document file that does not validate, when the diff reaches it', async () => {
    const a = await writeCorpus('c', [doc('d1')]);
    const broken = { ...doc('d1'), paragraphs: [{ id: 'p', text: 'x' }] };
    const b = await writeCorpus('d', [broken]);
    const sa = await readCorpusSnapshot(a);
    const sb = await readCorpusSnapshot(b);
    expect(() => diffCorpora(sa, sb)).toThrow(new RegExp(`${join(root, 'd', 'd1.json')} does not validate: paragraphs\\.0`));
    const other = await writeCorpus('e', [doc('d2')]);
    await writeFile(join(other, 'index.json'), serialize({ schemaVersion: '1.0.0', tool: { name: 'plancorpus', version: '0.1.0' }, documents: [{ id: 'd1', source: 'd1.txt', sha256: null, bytes: null, status: 'ok', error: null, warnings: 0, output: 'd2.json' }] }));
    const se = await readCorpusSnapshot(other);
    expect(() => diffCorpora(sa, se)).toThrow(/d2\.json holds document d2, but .*index\.json says d1/);
  });
});
