/**
 * The tools that read a whole built corpus (export, review, link) hold one document at a time, so a
 * national corpus fits in memory: each is run here as the CLI, in its own process with a V8 heap of
 * 64 MB, over a corpus whose JSON alone is larger than that (the five fixture documents copied 40
 * times over, each copy its own document and region: 83 MB). Holding the documents, as these tools
 * first did, runs out of that heap (checked against that code: all three died of it); streamed, they
 * pass with 36 MB. links.json and links.csv, written link by link,
 * are checked byte for byte against serializing the whole links file at once. review --html reads
 * links.json link by link, setting each aside until its documents' pages come: given the copies'
 * links each 16 times over (a file larger than the heap), it writes every page within that heap,
 * where reading the file whole ran out of it.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../corpus/build.js';
import { linkDocuments, linkRows, LINK_FIELDS } from '../corpus/link/index.js';
import { linkCorpus } from '../corpus/link/run.js';
import { buildReviewSite } from '../corpus/review-site/build-site.js';
import { recordsToCsv } from '../corpus/export/format.js';
import { serialize } from '../pipeline/emit/write.js';
import { CorpusIndex } from '../schemas/corpus.js';
import { PlanDocument } from '../schemas/document.js';
import { FIXTURES, FIXTURE_FILES, ROOT, sharedScratchFolders } from './helpers.js';

const run = promisify(execFile);
const BIN = join(ROOT, 'bin', 'plancorpus.js');
const COPIES = 40;
const HEAP_MB = 64;
const REPEAT = 16;

const scratch = sharedScratchFolders('corpus-tools');
const root = scratch();
const base = join(root, 'base');
const big = join(root, 'big');

/** The CLI in a process of its own with a small heap; its exit code, stdout and stderr. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [`--max-old-space-size=${HEAP_MB}`, BIN, ...args], { maxBuffer: 256 << 20 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const lines = (file: string): string[] => readFileSync(file, 'utf8').trimEnd().split(/\r?\n/);

beforeAll(async () => {
  // the five Henan fixtures, built
  const inputs = ['000', '001', '002', '003', '004'].map((n) => join(FIXTURES, FIXTURE_FILES[n]));
  await buildCorpus({ inputs, outDir: base, workers: 0 });
  // COPIES of each, as documents of their own: own id, own county (so that links stay within a copy)
  const index = CorpusIndex.parse(JSON.parse(readFileSync(join(base, 'index.json'), 'utf8')));
  mkdirSync(big);
  const documents = [];
  for (let k = 0; k < COPIES; k++) {
    for (const e of index.documents) {
      const doc = JSON.parse(readFileSync(join(base, e.output!), 'utf8')) as PlanDocument;
      const id = `${e.id}-copy${String(k).padStart(2, '0')}`;
      doc.id = id;
      if (doc.meta.region.county) doc.meta.region.county = `${doc.meta.region.county}${k}`;
      writeFileSync(join(big, `${id}.json`), serialize(doc));
      documents.push({ ...e, id, output: `${id}.json` });
    }
  }
  writeFileSync(join(big, 'index.json'), serialize({ ...index, documents }));
}, 120_000);

describe('tools over a whole corpus hold one document at a time', () => {
  it(`the corpus's JSON alone is larger than the ${HEAP_MB} MB heap`, () => {
    const bytes = readdirSync(big).reduce((n, f) => n + readFileSync(join(big, f)).length, 0);
    expect(bytes).toBeGreaterThan(HEAP_MB * 2 ** 20);
    expect(readdirSync(big)).toHaveLength(5 * COPIES + 1);
  });

  it('export paragraphs, indicators and facts: every copy exported, each the same rows as the original', async () => {
    for (const [what, format] of [['paragraphs', 'jsonl'], ['indicators', 'csv'], ['facts', 'csv']] as const) {
      const one = join(root, `${what}-base.${format}`);
      const all = join(root, `${what}-big.${format}`);
      expect((await cli(['export', what, base, '--format', format, '--output-file', one])).code).toBe(0);
      // -q: no progress lines on stderr, however slow the machine
      const r = await cli(['export', what, big, '--format', format, '--output-file', all, '-q']);
      expect(r, what).toMatchObject({ code: 0, stderr: '' });
      const header = format === 'csv' ? 1 : 0;
      const rows = lines(one).slice(header);
      const bigRows = lines(all).slice(header);
      expect(rows.length, what).toBeGreaterThan(10);
      expect(bigRows, what).toHaveLength(rows.length * COPIES);
      // the first copy's rows are the original's, but for the id and the county
      const strip = (l: string): string => l.replace(/-copy\d\d/g, '').replace(/(区|县|市)0(?=[",])/g, '$1');
      expect(bigRows.slice(0, rows.length).map(strip), what).toEqual(rows);
    }
  }, 120_000);

  it('review lists the messages of every copy', async () => {
    const r = await cli(['review', big, '--format', 'json']);
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout) as { documents: number; warnings: Array<{ id: string }> };
    expect(items.documents).toBe(5 * COPIES);
    const once = JSON.parse((await cli(['review', base, '--format', 'json'])).stdout) as { warnings: unknown[] };
    expect(items.warnings).toHaveLength(once.warnings.length * COPIES);
  }, 120_000);

  it('link writes links.json and links.csv for every copy', async () => {
    const out = join(root, 'links-big');
    const first = join(root, 'links-base');
    expect((await cli(['link', base, '-o', first, '-q'])).code).toBe(0);
    const r = await cli(['link', big, '-o', out, '--format', 'json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { regions: number; links: number };
    const once = JSON.parse(readFileSync(join(first, 'links.json'), 'utf8')) as { links: unknown[]; regions: unknown[] };
    expect(summary.links).toBe(once.links.length * COPIES);
    expect(summary.regions).toBe(once.regions.length * COPIES);
    expect(lines(join(out, 'links.csv'))).toHaveLength(summary.links + 1);
  }, 120_000);

  it('review --html: a page for every copy with its links, links.json read link by link', async () => {
    // the copies' links beside them, where review --html looks for them, each link written
    // REPEAT times over: a links file far larger than the heap would hold parsed whole
    expect((await cli(['link', big, '-q'])).code).toBe(0);
    const linked = JSON.parse(readFileSync(join(big, 'links.json'), 'utf8')) as { links: unknown[] };
    writeFileSync(join(big, 'links.json'), serialize({ ...linked, links: linked.links.flatMap((l) => Array<unknown>(REPEAT).fill(l)) }));
    expect(statSync(join(big, 'links.json')).size).toBeGreaterThan(HEAP_MB * 2 ** 20);
    const site = join(root, 'site-big');
    const r = await cli(['review', big, '--html', site, '--sources', FIXTURES, '--format', 'json', '-q']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ documents: 5 * COPIES, pages: 5 * COPIES, problems: [] });
    // every link on the pages of its two documents (one page when both sides are one document), in file order
    const { links } = JSON.parse(readFileSync(join(big, 'links.json'), 'utf8')) as { links: Array<{ target: { docId: string }; reported: { docId: string } }> };
    expect(links.length).toBeGreaterThan(1000 * REPEAT);
    const sides = links.reduce((n, l) => n + (l.target.docId === l.reported.docId ? 1 : 2), 0);
    let shown = 0;
    for (const f of readdirSync(join(site, 'doc'))) {
      const id = f.replace(/\.html$/, '');
      const page = readFileSync(join(site, 'data', `${id}.js`), 'utf8');
      const view = JSON.parse(page.replace(/^window\.__DOC__ = /, '').replace(/;\n$/, '')) as { links: unknown[] };
      if (id.endsWith('-copy39')) expect(view.links, id).toEqual(links.filter((l) => l.target.docId === id || l.reported.docId === id));
      shown += view.links.length;
    }
    expect(shown).toBe(sides);
  }, 180_000);
});

describe('link writes the links file as it goes, the same bytes as writing it whole', () => {
  it('links.json and links.csv of the fixtures; the scratch file of observations is removed', async () => {
    const spills = (): string[] => readdirSync(tmpdir()).filter((f) => f.startsWith('plancorpus-link-'));
    const before = spills();
    const r = await linkCorpus(base);
    expect(spills()).toEqual(before);
    const docs = readdirSync(base)
      .filter((f) => f.endsWith('.json') && f !== 'index.json' && f !== 'links.json')
      .sort()
      .map((f) => PlanDocument.parse(JSON.parse(readFileSync(join(base, f), 'utf8'))));
    const file = linkDocuments(docs);
    expect(file.links.length).toBeGreaterThan(10);
    expect(r.summary).toEqual({ regions: file.regions.length, unplaced: file.unplaced.length, links: file.links.length, verdicts: { met: file.links.filter((l) => l.verdict === 'met').length, 'not-met': file.links.filter((l) => l.verdict === 'not-met').length, unknown: file.links.filter((l) => l.verdict === 'unknown').length } });
    expect(readFileSync(join(base, 'links.json'), 'utf8')).toBe(serialize(file));
    expect(readFileSync(join(base, 'links.csv'), 'utf8')).toBe(recordsToCsv(LINK_FIELDS, linkRows(file), {}));
  });

  it('a corpus without links: an empty links array, a CSV header', async () => {
    const one = scratch();
    await buildCorpus({ inputs: [join(FIXTURES, FIXTURE_FILES['002'])], outDir: one, workers: 0 });
    const r = await linkCorpus(one);
    expect(r.summary.links).toBe(0);
    const doc = PlanDocument.parse(JSON.parse(readFileSync(join(one, readdirSync(one).find((f) => f.startsWith('002'))!), 'utf8')));
    expect(readFileSync(join(one, 'links.json'), 'utf8')).toBe(serialize(linkDocuments([doc])));
    expect(readFileSync(join(one, 'links.csv'), 'utf8')).toBe(`${LINK_FIELDS.join(',')}\r\n`);
  }, 60_000);
});

describe('review --html shows each document the links it is a side of', () => {
  it('every link of links.json on the pages of its target and its reported document, in file order; no scratch left', async () => {
    await linkCorpus(base);
    const file = JSON.parse(readFileSync(join(base, 'links.json'), 'utf8')) as { links: Array<{ target: { docId: string }; reported: { docId: string } }> };
    const site = scratch();
    const spills = (): string[] => readdirSync(tmpdir()).filter((f) => f.startsWith('plancorpus-review-'));
    const before = spills();
    await buildReviewSite(base, site, { sources: ROOT });
    // the links were set aside in a scratch file, gone once the site is written
    expect(spills()).toEqual(before);
    const ids = CorpusIndex.parse(JSON.parse(readFileSync(join(base, 'index.json'), 'utf8'))).documents.map((d) => d.id);
    let shown = 0;
    for (const id of ids) {
      const page = readFileSync(join(site, 'data', `${id}.js`), 'utf8');
      const view = JSON.parse(page.replace(/^window\.__DOC__ = /, '').replace(/;\n$/, '')) as { links: unknown[] };
      expect(view.links, id).toEqual(file.links.filter((l) => l.target.docId === id || l.reported.docId === id));
      shown += view.links.length;
    }
    // 000, 001 and 004 are one district: its links are on two pages each, or one when both sides are one document
    expect(shown).toBeGreaterThanOrEqual(file.links.length);
    expect(file.links.length).toBeGreaterThan(10);
  });
});
