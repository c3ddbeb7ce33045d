import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureText, scratchFolders } from '../../test/helpers.js';
import { isTemporary } from '../../core/atomic-write.js';
import { serialize, serializedBytes, utf8, writeAtomic } from './write.js';

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

  it('encodes several texts as their concatenation, a surrogate pair split between two included', () => {
    expect(utf8('湛河', '区', '').equals(Buffer.from('湛河区', 'utf8'))).toBe(true);
    expect(utf8('a\ud840', '\udc00b').equals(Buffer.from('a𠀀b', 'utf8'))).toBe(true);
    expect(utf8('x\ud800', 'y').equals(Buffer.from('x\ud800y', 'utf8'))).toBe(true);
  });

  it('reuses its scratch without mixing texts: longer, shorter, and beyond what it keeps', () => {
    const long = '规划纲要'.repeat(50_000);
    const huge = `${'a'.repeat(9_000_000)}湛`;
    for (const text of [long, '湛河区', huge, 'GDP', long.slice(3)]) {
      const bytes = utf8(text);
      expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
      utf8('覆盖'.repeat(1000)); // a later call must not change bytes already returned
      expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
    }
  });
});

describe('serializedBytes', () => {
  it('is the UTF-8 of serialize, for a whole fixture document and for small values', () => {
    const doc = { id: 'x', text: fixtureText('000'), lines: fixtureText('001').split('\n'), nothing: undefined, n: [1.5, null, '𠀀'] };
    for (const value of [doc, {}, [], '湛', 0, null]) expect(serializedBytes(value).equals(Buffer.from(serialize(value), 'utf8'))).toBe(true);
  });
});
