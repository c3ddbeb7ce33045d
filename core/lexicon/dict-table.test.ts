import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { buildDictTable, DictTable, dictTableKey } from './dict-table.js';
import { cacheTablePath, dictTable, jiebaDictKey, jiebaDictPath, loadDictTableBuffer } from './jieba-dict.js';
import { sharedScratchFolders } from '../../test/helpers.js';

// lines as they appear in jieba.dict.utf8 (word, frequency, tag); 发展 twice: the last line wins
const SMALL = ['发展 5000 v', '发展规划 300 n', '湛河区 20 ns', '𠀋字 7 n', '发展 6000 vn', '空频 0 n', 'bad-line-without-frequency', ''].join('\n');

describe('buildDictTable / DictTable', () => {
  const table = new DictTable(buildDictTable(SMALL, 'small@1').buffer);

  it('looks words up by their code units, 0 when absent, the last line of a repeated word winning', () => {
    expect(table.wordFrequency('发展')).toBe(6000);
    expect(table.wordFrequency('发展规划')).toBe(300);
    expect(table.wordFrequency('湛河区')).toBe(20);
    expect(table.wordFrequency('𠀋字')).toBe(7);
    expect(table.wordFrequency('发')).toBe(0);
    expect(table.wordFrequency('发展规')).toBe(0);
    expect(table.wordFrequency('')).toBe(0);
    expect(table.size).toBe(5);
  });

  it('looks up a slice of a longer text without cutting it', () => {
    const text = '推动湛河区发展规划';
    expect(table.wordFrequency(text, 2, 5)).toBe(20);
    expect(table.wordFrequency(text, 5, 9)).toBe(300);
    expect(table.wordFrequency(text, 0, 2)).toBe(0);
  });

  it('answers every slice of three units or more as the plain definition does, the slices that open no word included', () => {
    const words = new Map([['发展', 6000], ['发展规划', 300], ['湛河区', 20], ['𠀋字', 7]]);
    const text = '推动湛河区发展规划𠀋字发展规湛河';
    for (let i = 0; i < text.length; i++) for (let j = i + 3; j <= text.length; j++) expect(table.wordFrequency(text, i, j)).toBe(words.get(text.slice(i, j)) ?? 0);
  });

  it('sums frequencies per character (code point) and keeps totals', () => {
    expect(table.charFrequency('发')).toBe(6300);
    expect(table.charFrequency('河')).toBe(20);
    expect(table.charFrequency('𠀋')).toBe(7);
    expect(table.charFrequency('无')).toBe(0);
    expect(table.totals).toEqual({ total: 6327, min: 7, maxLength: 4 });
  });

  it('carries the key of its source and refuses bytes that are not a table', () => {
    expect(dictTableKey(buildDictTable(SMALL, 'small@1'))).toBe('small@1');
    expect(dictTableKey(new TextEncoder().encode(SMALL))).toBeNull();
    expect(() => new DictTable(new TextEncoder().encode(SMALL.repeat(5)).buffer)).toThrow(/not a plancorpus dictionary table/);
    const cut = buildDictTable(SMALL, 'small@1').slice(0, 200);
    expect(() => new DictTable(cut.buffer)).toThrow(/truncated/);
  });

  it('refuses frequencies it cannot store exactly', () => {
    expect(() => buildDictTable('大 1.5 n', 'k')).toThrow(/frequency of 大 is not a whole number/);
    expect(() => buildDictTable('大 5000000000 n', 'k')).toThrow(/below 2\^32/);
  });
});

describe('jieba’s dictionary as a table', () => {
  it('gives every word of the text dictionary the frequency a Map of its lines gives', () => {
    const text = readFileSync(jiebaDictPath(), 'utf8');
    const map = new Map<string, number>();
    for (const line of text.split('\n')) {
      const [word, freq] = line.split(' ');
      if (word && freq !== undefined) map.set(word, Number(freq) || 0);
    }
    const table = dictTable();
    let wrong = 0;
    let total = 0;
    for (const [word, freq] of map) {
      total += freq;
      if (table.wordFrequency(word) !== freq) wrong++;
    }
    expect(map.size).toBeGreaterThan(340_000);
    expect(wrong).toBe(0);
    expect(table.size).toBe(map.size);
    expect(table.totals.total).toBe(total);
    // and 0 for what is no word: every other slice of 2–4 units of the words run together (a fingerprint, a probe or the pair cache never answers for another word)
    const run = [...map.keys()].slice(0, 60_000).join('');
    let absentWrong = 0;
    // twice: the second time two-unit words come from the pair cache, wherever the first left them
    for (let pass = 0; pass < 2; pass++) for (let i = 0; i < run.length; i += 3) for (let n = 2; n <= 4 && i + n <= run.length; n++) if (table.wordFrequency(run, i, i + n) !== (map.get(run.slice(i, i + n)) ?? 0)) absentWrong++;
    expect(absentWrong).toBe(0);
  });

  describe('loading', () => {
    const dir = sharedScratchFolders('dict')();

    it('builds a missing or stale table and caches it for the next process', () => {
      const built = join(dir, 'missing.bin');
      const cache = join(dir, 'cache', 'jieba.bin');
      writeFileSync(join(dir, 'stale.bin'), buildDictTable(SMALL, 'nodejieba@0.0.0 1'));
      const first = loadDictTableBuffer(jiebaDictKey(), [built, join(dir, 'stale.bin'), cache]);
      expect(dictTableKey(new Uint8Array(first))).toBe(jiebaDictKey());
      expect(dictTableKey(readFileSync(cache))).toBe(jiebaDictKey());
      const again = loadDictTableBuffer(jiebaDictKey(), [built, cache]);
      expect(Buffer.from(new Uint8Array(again)).equals(readFileSync(cache))).toBe(true);
    });

    it('still works when the cache folder cannot be written', () => {
      const blocker = join(dir, 'a-file');
      writeFileSync(blocker, 'not a folder');
      const shared = loadDictTableBuffer(jiebaDictKey(), [join(blocker, 'jieba.bin')]);
      expect(new DictTable(shared).wordFrequency('发展')).toBeGreaterThan(0);
    });

    it('puts the cache under PLANCORPUS_CACHE_DIR, else XDG_CACHE_HOME, else ~/.cache', () => {
      expect(cacheTablePath({ PLANCORPUS_CACHE_DIR: '/c' })).toMatch(/^\/c\/jieba-dict\.v\d+\.bin$/);
      expect(cacheTablePath({ XDG_CACHE_HOME: '/x' })).toMatch(/^\/x\/plancorpus\/jieba-dict\.v\d+\.bin$/);
      expect(cacheTablePath({})).toMatch(/\.cache\/plancorpus\/jieba-dict\.v\d+\.bin$/);
    });
  });

  it('is read by another thread from the same shared memory, without a copy', async () => {
    const shared = dictTable().buffer;
    expect(shared).toBeInstanceOf(SharedArrayBuffer);
    const source = `
      const { parentPort, workerData } = require('node:worker_threads');
      const bytes = new Uint8Array(workerData);
      parentPort.postMessage({ length: workerData.byteLength, shared: workerData instanceof SharedArrayBuffer, first: bytes[0] });
    `;
    const worker = new Worker(source, { eval: true, workerData: shared });
    const reply = await new Promise<{ length: number; shared: boolean; first: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(reply).toEqual({ length: shared.byteLength, shared: true, first: new Uint8Array(shared)[0] });
  });
});
