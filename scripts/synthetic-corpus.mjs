#!/usr/bin/env node
// A synthetic corpus of N documents made from the real text fixtures, deterministic by seed, for
// benchmarks and scale tests. Each document is one fixture with:
//   - its own county swapped for another county of the gazetteer with the same length and suffix
//     (full name 湛河区 and short name 湛河 both), so names vary across documents;
//   - its decimal figures perturbed (4.8 → 5.1: same number of digits, so tables keep their shape);
//   - its long lines hard-wrapped again at a width drawn from 24–40 characters, as PDF text is;
//   - written in UTF-8, UTF-8 with BOM, GB18030 or UTF-16LE with BOM.
// The same (N, seed) gives byte-identical files. Needs `npm run build` first (reads dist/ for decoding).
// Usage: node scripts/synthetic-corpus.mjs N OUT_DIR [--seed S]
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { decodeText } = await import(pathToFileURL(join(ROOT, 'dist/pipeline/ingest/decode.js')).href);
const { seededRandom: prng } = await import(pathToFileURL(join(ROOT, 'dist/core/seeded-random.js')).href);

const pick = (rand, xs) => xs[Math.floor(rand() * xs.length)];

const ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le'];

function encode(text, encoding) {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** The county a text is about: the gazetteer county named most often (at least 5 times), or null (national reports). */
function subjectCounty(text, counties) {
  let best = null;
  let bestCount = 4;
  for (const name of counties) {
    if (name.length < 3) continue;
    let count = 0;
    for (let i = text.indexOf(name); i >= 0 && count <= 10_000; i = text.indexOf(name, i + name.length)) count++;
    if (count > bestCount) [best, bestCount] = [name, count];
  }
  return best;
}

/** Hard-wrap lines longer than 2×width at `width` characters (headings and table rows are short and stay as they are). */
function rewrap(text, width) {
  return text
    .split('\n')
    .map((line) => {
      if ([...line].length <= 2 * width) return line;
      const chars = [...line];
      const out = [];
      for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
      return out.join('\n');
    })
    .join('\n');
}

/** Perturb decimal figures (x.y): each digit after the first moves by up to ±3, staying a digit. */
function perturbNumbers(text, rand) {
  return text.replace(/\d+\.\d+/g, (m) =>
    [...m].map((c, k) => (k === 0 || c === '.' ? c : String((Number(c) + Math.floor(rand() * 7) + 7) % 10))).join(''),
  );
}

/** Load the sources once: the fixtures' texts with their subject county, and the gazetteer's counties by length and suffix. */
export function loadSources(fixturesDir = join(ROOT, 'fixtures')) {
  const gazetteer = JSON.parse(readFileSync(join(ROOT, 'data/gazetteer.json'), 'utf8'));
  const names = [...new Set(gazetteer.counties.map((c) => c[1]))].sort();
  const texts = readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = decodeText(readFileSync(join(fixturesDir, f))).text;
      return { name: f.replace(/\.txt$/, ''), text, county: subjectCounty(text, names) };
    });
  const byShape = new Map();
  for (const n of names) {
    const key = `${n.length}${n.at(-1)}`;
    byShape.set(key, [...(byShape.get(key) ?? []), n]);
  }
  return { texts, byShape };
}

/** Document k of the synthetic corpus (seeded by seed and k alone, so any slice of a corpus can be remade). */
export function syntheticDocument(sources, k, seed) {
  const rand = prng((seed * 1_000_003 + k) >>> 0);
  const src = sources.texts[k % sources.texts.length];
  let text = src.text;
  let county = 'national';
  if (src.county) {
    county = pick(rand, sources.byShape.get(`${src.county.length}${src.county.at(-1)}`));
    text = text.replaceAll(src.county, county).replaceAll(src.county.slice(0, -1), county.slice(0, -1));
  }
  text = rewrap(perturbNumbers(text, rand), 24 + Math.floor(rand() * 17));
  const encoding = pick(rand, ENCODINGS);
  const path = `${String(Math.floor(k / 1000)).padStart(3, '0')}/${String(k).padStart(6, '0')}-${county}-${src.name.slice(0, 12)}.txt`;
  return { path, bytes: encode(text, encoding), encoding };
}

/** Write documents 0…n-1 under outDir (1,000 per folder); returns their total size in bytes. */
export function writeSyntheticCorpus(n, outDir, seed = 1, sources = loadSources()) {
  let total = 0;
  for (let k = 0; k < n; k++) {
    const d = syntheticDocument(sources, k, seed);
    mkdirSync(dirname(join(outDir, d.path)), { recursive: true });
    writeFileSync(join(outDir, d.path), d.bytes);
    total += d.bytes.length;
  }
  return total;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : 1;
  const [n, out] = args;
  if (!Number.isInteger(Number(n)) || Number(n) < 1 || !out || !Number.isInteger(seed)) {
    console.error('usage: node scripts/synthetic-corpus.mjs N OUT_DIR [--seed S]');
    process.exit(2);
  }
  const bytes = writeSyntheticCorpus(Number(n), out, seed);
  console.log(`${n} documents, ${(bytes / 1024 / 1024).toFixed(1)} MB written to ${out} (seed ${seed})`);
}
