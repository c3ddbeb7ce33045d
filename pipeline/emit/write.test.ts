import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureText, scratchFolders } from '../../test/helpers.js';
import { isTemporary } from '../../core/atomic-write.js';
import { serialize, utf8, writeAtomic } from './write.js';

describe('writeAtomic', () => {
  const scratch = scratchFolders('write');

  it('makes a missing folder, then writes; no temporary file is left', async () => {
    const dir = join(scratch(), 'a', 'b');
    await writeAtomic(join(dir, 'doc.json'), serialize({ 区: '湛河区' }));
    expect(readFileSync(join(dir, 'doc.json'), 'utf8')).toBe('{\n  "区": "湛河区"\n}\n');
    expect(readdirSync(dir).filter(isTemporary)).toEqual([]);
  });

  it('replaces an existing file whole', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'doc.json'), 'old and longer content');
    await writeAtomic(join(dir, 'doc.json'), 'new');
    expect(readFileSync(join(dir, 'doc.json'), 'utf8')).toBe('new');
  });

  it('fails for a folder it cannot make, leaving nothing behind', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'file'), 'x');
    await expect(writeAtomic(join(dir, 'file', 'doc.json'), 'x')).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(readdirSync(dir)).toEqual(['file']);
  });
});

describe('utf8', () => {
  it('gives the bytes Buffer.from gives: Han, ASCII, pairs, lone surrogates, nothing', () => {
    for (const text of ['', 'GDP 4.8%', '湛河区“十四五”规划', '𠀀𪚥 a 😀', '\ud800x\udc00', 'x\ud83d', '\u3000\ufeff']) {
      expect(utf8(text).equals(Buffer.from(text, 'utf8'))).toBe(true);
    }
  });

  it('gives Buffer.from’s bytes for a serialized fixture document and for a text with a lone surrogate in it', () => {
    const text = serialize({ text: fixtureText('002') });
    expect(utf8(text).equals(Buffer.from(text, 'utf8'))).toBe(true);
    const broken = `${text.slice(0, 5000)}\ud800${text.slice(5000)}`;
    expect(utf8(broken).equals(Buffer.from(broken, 'utf8'))).toBe(true);
  });
});
