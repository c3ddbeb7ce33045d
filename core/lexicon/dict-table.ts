/**
 * A word-frequency dictionary as one flat binary table: an open-addressing hash of the words
 * (UTF-16 code units in one pool), their frequencies, and the per-character sums, with the totals
 * in a header. Built once from jieba's 350,000-line text dictionary (0.3 s and ~40 MB of short-lived
 * strings per process when parsed into a Map), it loads with one file read and no parsing, needs no
 * garbage collection, and can live in a SharedArrayBuffer that every worker thread reads.
 *
 * Layout (little-endian, every section 8-byte aligned):
 *   header   128 bytes: magic, format, counts, totals, and the source key (what it was built from)
 *   slots    Uint32[2^bits]   word index + 1 in the low 20 bits (0 = empty) and the top 12 bits of
 *                             the word's hash above them, so that a probe rejects another word
 *                             without reading its letters (linear probing over FNV-1a hashes)
 *   starts   Uint32[words+1]  offsets of each word in the pool
 *   freqs    Uint32[words]    (jieba's frequencies are whole numbers well below 2^32)
 *   chars    Uint32[chars]    code points, ascending
 *   charFreq Float64[chars]   summed frequency of the words containing the character
 *   pool     Uint16[units]
 */

const MAGIC = 0x4a434350; // 'PCCJ'
export const DICT_TABLE_FORMAT = 3;
const HEADER = 128;
const KEY_OFFSET = 64;
const KEY_MAX = HEADER - KEY_OFFSET;
/** A slot: the word index + 1 below INDEX_BITS, the hash's fingerprint (its top 32 - INDEX_BITS bits) above. */
const INDEX_BITS = 20;
const INDEX_MASK = (1 << INDEX_BITS) - 1;
const fingerprint = (hash: number) => hash >>> INDEX_BITS;
/** Entries of a table's two-unit lookup cache (a power of two). */
const PAIR_CACHE = 4096;
/** Bits of a table's set of the first two units of its longer words, by a hash of the two (a power of two: 128 KB). */
const OPENING_BITS = 1 << 20;
/** The hash of two units in the set of openings (collisions only let a lookup through). */
const openingHash = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ b) & (OPENING_BITS - 1);

export interface DictTotals {
  /** Sum of all word frequencies. */
  total: number;
  /** Smallest non-zero frequency. */
  min: number;
  /** Longest word, in UTF-16 code units. */
  maxLength: number;
}

interface Sections {
  bits: number;
  words: number;
  chars: number;
  units: number;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

function offsets(s: Sections): { slots: number; starts: number; freqs: number; chars: number; charFreq: number; pool: number; end: number } {
  const slots = HEADER;
  const starts = align8(slots + 4 * 2 ** s.bits);
  const freqs = align8(starts + 4 * (s.words + 1));
  const chars = align8(freqs + 4 * s.words);
  const charFreq = align8(chars + 4 * s.chars);
  const pool = align8(charFreq + 8 * s.chars);
  return { slots, starts, freqs, chars, charFreq, pool, end: align8(pool + 2 * s.units) };
}

/** FNV-1a over the UTF-16 code units of text[start, end). */
function hashUnits(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Parses a jieba-format dictionary (`word freq [tag]` per line; a repeated word keeps its last
 * line, as a Map would) into the binary table. `key` names the source (e.g. package version and
 * size) so a stale table can be told from a current one.
 */
export function buildDictTable(text: string, key: string): Uint8Array {
  const index = new Map<string, number>();
  const words: string[] = [];
  const freqList: number[] = [];
  let start = 0;
  while (start < text.length) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    const sp1 = text.indexOf(' ', start);
    if (sp1 > start && sp1 < nl) {
      const word = text.slice(start, sp1);
      const sp2 = text.indexOf(' ', sp1 + 1);
      const freq = Number(text.slice(sp1 + 1, sp2 > sp1 && sp2 < nl ? sp2 : nl)) || 0;
      const at = index.get(word);
      if (at === undefined) {
        index.set(word, words.length);
        words.push(word);
        freqList.push(freq);
      } else freqList[at] = freq;
    }
    start = nl + 1;
  }

  let total = 0;
  let min = Infinity;
  let maxLength = 0;
  let units = 0;
  const charSums = new Map<number, number>();
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    const f = freqList[w];
    total += f;
    if (f > 0) min = Math.min(min, f);
    maxLength = Math.max(maxLength, word.length);
    units += word.length;
    for (const c of word) {
      const cp = c.codePointAt(0)!;
      charSums.set(cp, (charSums.get(cp) ?? 0) + f);
    }
  }
  if (min === Infinity) min = 1;

  // a load factor of at most 0.7 keeps linear probes short
  let bits = 4;
  while (2 ** bits * 0.7 < words.length) bits++;
  const codes = [...charSums.keys()].sort((a, b) => a - b);
  const s: Sections = { bits, words: words.length, chars: codes.length, units };
  const o = offsets(s);
  const buf = new ArrayBuffer(o.end);
  const u32 = new Uint32Array(buf);
  const f64 = new Float64Array(buf);
  const pool = new Uint16Array(buf, o.pool, units);
  const slots = new Uint32Array(buf, o.slots, 2 ** bits);
  const starts = new Uint32Array(buf, o.starts, words.length + 1);
  const freqs = new Uint32Array(buf, o.freqs, words.length);
  const mask = 2 ** bits - 1;
  if (words.length >= INDEX_MASK) throw new Error(`dictionary table: more than ${INDEX_MASK - 1} words`);
  let at = 0;
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    starts[w] = at;
    for (let i = 0; i < word.length; i++) pool[at++] = word.charCodeAt(i);
    const f = freqList[w];
    if (!Number.isInteger(f) || f < 0 || f > 0xffffffff) throw new Error(`dictionary table: frequency of ${word} is not a whole number below 2^32: ${f}`);
    freqs[w] = f;
    const hash = hashUnits(word, 0, word.length);
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = ((fingerprint(hash) << INDEX_BITS) | (w + 1)) >>> 0;
  }
  starts[words.length] = at;
  new Uint32Array(buf, o.chars, codes.length).set(codes);
  new Float64Array(buf, o.charFreq, codes.length).set(codes.map((c) => charSums.get(c)!));

  u32[0] = MAGIC;
  u32[1] = DICT_TABLE_FORMAT;
  u32[2] = bits;
  u32[3] = words.length;
  u32[4] = codes.length;
  u32[5] = units;
  u32[6] = maxLength;
  f64[4] = total;
  f64[5] = min;
  const keyBytes = new TextEncoder().encode(key);
  if (keyBytes.length > KEY_MAX) throw new Error(`dictionary table key longer than ${KEY_MAX} bytes: ${key}`);
  new Uint8Array(buf, KEY_OFFSET, KEY_MAX).set(keyBytes);
  return new Uint8Array(buf);
}

/** The source key a table was built with, or null when the bytes are not a table of this format. */
export function dictTableKey(bytes: Uint8Array): string | null {
  if (bytes.byteLength < HEADER) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== DICT_TABLE_FORMAT) return null;
  const raw = bytes.subarray(KEY_OFFSET, HEADER);
  const end = raw.indexOf(0);
  return new TextDecoder().decode(end === -1 ? raw : raw.subarray(0, end));
}

/** Read-only lookups over a table made by buildDictTable (its bytes are not copied). */
export class DictTable {
  readonly totals: DictTotals;
  readonly size: number;
  private readonly mask: number;
  private readonly slots: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly freqs: Uint32Array;
  private readonly chars: Uint32Array;
  private readonly charFreqs: Float64Array;
  private readonly pool: Uint16Array;
  /**
   * The last two-unit words asked (已经, 治理…: most lookups, the same ones over and over) by a
   * hash of their units, direct-mapped: a hit reads 48 KB of this thread's memory instead of
   * several cache lines of the 7 MB table; an entry holds the table's own answer (key -1: empty).
   */
  private readonly pairKeys = new Float64Array(PAIR_CACHE).fill(-1);
  private readonly pairFreqs = new Uint32Array(PAIR_CACHE);
  /**
   * The first two units of every word of three units or more, as bits by their hash (built on the
   * first such lookup): most three- and four-unit slices a segmenter asks about open no word, and
   * are answered 0 from 128 KB of this thread's memory without a probe of the 7 MB table.
   */
  private openings: Int32Array | null = null;

  /** `buffer` must be 8-byte aligned at `byteOffset` (a whole ArrayBuffer or SharedArrayBuffer is). */
  constructor(readonly buffer: ArrayBufferLike, byteOffset = 0, byteLength = buffer.byteLength - byteOffset) {
    if (byteOffset % 8 !== 0) throw new Error('dictionary table: buffer offset not 8-byte aligned');
    if (dictTableKey(new Uint8Array(buffer, byteOffset, byteLength)) === null) throw new Error('dictionary table: not a plancorpus dictionary table of format ' + DICT_TABLE_FORMAT);
    const u32 = new Uint32Array(buffer, byteOffset, 8);
    const f64 = new Float64Array(buffer, byteOffset, 6);
    const s: Sections = { bits: u32[2], words: u32[3], chars: u32[4], units: u32[5] };
    const o = offsets(s);
    if (o.end > byteLength) throw new Error('dictionary table: truncated');
    this.size = s.words;
    this.mask = 2 ** s.bits - 1;
    this.slots = new Uint32Array(buffer, byteOffset + o.slots, 2 ** s.bits);
    this.starts = new Uint32Array(buffer, byteOffset + o.starts, s.words + 1);
    this.freqs = new Uint32Array(buffer, byteOffset + o.freqs, s.words);
    this.chars = new Uint32Array(buffer, byteOffset + o.chars, s.chars);
    this.charFreqs = new Float64Array(buffer, byteOffset + o.charFreq, s.chars);
    this.pool = new Uint16Array(buffer, byteOffset + o.pool, s.units);
    this.totals = { total: f64[4], min: f64[5], maxLength: u32[6] };
  }

  /** Frequency of text[start, end) as a word, 0 when absent (no substring is made). */
  wordFrequency(text: string, start = 0, end = text.length): number {
    const length = end - start;
    if (length === 2) return this.pairFrequency(text.charCodeAt(start), text.charCodeAt(start + 1), text, start);
    if (length > 2) {
      const h = openingHash(text.charCodeAt(start), text.charCodeAt(start + 1));
      if (((this.openings ??= this.buildOpenings())[h >>> 5] & (1 << (h & 31))) === 0) return 0; // no word opens so
    }
    return this.lookup(text, start, end);
  }

  /** The set of openings: one pass over the words' units. */
  private buildOpenings(): Int32Array {
    const bits = new Int32Array(OPENING_BITS >>> 5);
    const { starts, pool } = this;
    for (let w = 0; w < this.size; w++) {
      const at = starts[w];
      if (starts[w + 1] - at < 3) continue;
      const h = openingHash(pool[at], pool[at + 1]);
      bits[h >>> 5] |= 1 << (h & 31);
    }
    return bits;
  }

  /** wordFrequency of the two units a, b (= text[start], text[start + 1]), through the pair cache. */
  private pairFrequency(a: number, b: number, text: string, start: number): number {
    const key = a * 0x10000 + b;
    const slot = ((a * 0x9e37) ^ b) & (PAIR_CACHE - 1);
    if (this.pairKeys[slot] === key) return this.pairFreqs[slot];
    const f = this.lookup(text, start, start + 2);
    this.pairKeys[slot] = key;
    this.pairFreqs[slot] = f;
    return f;
  }

  /** The table's answer for text[start, end). */
  private lookup(text: string, start: number, end: number): number {
    const length = end - start;
    if (length <= 0 || length > this.totals.maxLength) return 0;
    const { slots, starts, pool, mask } = this;
    const hash = hashUnits(text, start, end);
    const print = fingerprint(hash);
    let slot = hash & mask;
    for (;;) {
      const entry = slots[slot];
      if (entry === 0) return 0;
      // another word's fingerprint: passed over without touching its letters
      if (entry >>> INDEX_BITS === print) {
        const w = (entry & INDEX_MASK) - 1;
        const at = starts[w];
        if (starts[w + 1] - at === length) {
          let i = 0;
          while (i < length && pool[at + i] === text.charCodeAt(start + i)) i++;
          if (i === length) return this.freqs[w];
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Summed frequency of the words that contain the character (a code point), 0 when none does. */
  charFrequency(ch: string): number {
    const cp = ch.codePointAt(0);
    if (cp === undefined) return 0;
    const { chars } = this;
    let lo = 0;
    let hi = chars.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = chars[mid];
      if (c === cp) return this.charFreqs[mid];
      if (c < cp) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}
