import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serialize } from '../../pipeline/emit/write.js';
import type { Link } from '../../schemas/link.js';
import { fixtureDocument, sharedScratchFolders } from '../../test/helpers.js';
import { CorpusError } from '../store.js';
import { linkDocuments } from './index.js';
import { readLinksFile } from './read.js';

const scratch = sharedScratchFolders('links-read');
const dir = scratch();
// the links of the five Henan fixtures, as `plancorpus link` writes them
const file = linkDocuments(['000', '001', '002', '003', '004'].map(fixtureDocument));
const text = serialize(file);

/** Write `content` as a links file; read it; what came out, or the error's message. */
function read(name: string, content: string | Buffer, chunkBytes?: number): { links: Link[]; head: unknown } | string {
  const path = join(dir, name);
  writeFileSync(path, content);
  const links: Link[] = [];
  try {
    const head = readLinksFile(path, (l, i) => {
      expect(i).toBe(links.length);
      links.push(l);
    }, { chunkBytes });
    return { links, head };
  } catch (err) {
    expect(err).toBeInstanceOf(CorpusError);
    return (err as Error).message.replace(dir, 'DIR');
  }
}

describe('readLinksFile: links.json link by link', () => {
  it('every link of the fixtures, in file order, and the rest of the file', () => {
    expect(file.links.length).toBeGreaterThan(50);
    const whole = { links: file.links, head: { schemaVersion: file.schemaVersion, regions: file.regions, unplaced: file.unplaced } };
    expect(read('links.json', text)).toEqual(whole);
    // read 4,099 bytes at a time: reads end inside characters (UTF-8 Han is 3 bytes), strings and numbers
    expect(read('links.json', text, 4099)).toEqual(whole);
  });

  it('a links array with no links, and the file written compact', () => {
    expect(read('empty.json', serialize({ ...file, links: [] }))).toEqual({ links: [], head: { schemaVersion: '1.0.0', regions: file.regions, unplaced: file.unplaced } });
    expect(read('compact.json', JSON.stringify(file))).toMatchObject({ links: file.links });
  });

  it('a file cut short, or with text after its object, is not JSON', () => {
    expect(read('cut.json', Buffer.from(text).subarray(0, Math.floor(Buffer.byteLength(text) / 2) + 1))).toMatch(/^DIR\/cut\.json is not valid JSON: /);
    expect(read('after.json', `${text}x`)).toMatch(/^DIR\/after\.json is not valid JSON: Unexpected "x"/);
    expect(read('empty-file.json', '')).toBe('DIR/empty-file.json is not valid JSON: it holds no value');
    expect(read('blank-file.json', ' \n')).toBe('DIR/blank-file.json is not valid JSON: it holds no value');
  });

  it('a link or a head the schema does not allow: which link, which field', () => {
    const links = file.links.map((l, i) => (i === 2 ? { ...l, verdict: 'maybe' } : l));
    expect(read('verdict.json', serialize({ ...file, links }))).toMatch(/^DIR\/verdict\.json: link 3 does not validate against the links schema \(verdict: Invalid option: expected one of "met"\|"not-met"\|"unknown"\)$/);
    expect(read('version.json', serialize({ ...file, schemaVersion: '2.0.0' }))).toMatch(/^DIR\/version\.json does not validate against the links schema \(schemaVersion: /);
    expect(read('extra.json', serialize({ ...file, note: 'x' }))).toBe('DIR/extra.json does not validate against the links schema (unknown key note)');
    const { links: _dropped, ...noLinks } = file;
    expect(read('nolinks.json', serialize(noLinks))).toBe('DIR/nolinks.json does not validate against the links schema (links: missing)');
    expect(read('array.json', '[]')).toMatch(/does not validate against the links schema/);
  });

  it('tells its progress after each read: bytes read of the file', () => {
    const steps: Array<[number, number]> = [];
    readLinksFile(join(dir, 'links.json'), () => {}, { chunkBytes: 100_000, progress: (done, total) => steps.push([done, total]) });
    const size = Buffer.byteLength(text);
    expect(steps).toHaveLength(Math.ceil(size / 100_000));
    expect(steps[0]).toEqual([100_000, size]);
    expect(steps.at(-1)).toEqual([size, size]);
  });

  it("an error of the caller's own (a full scratch disk) comes out as it is, not as the file's fault", () => {
    let seen = 0;
    const full = new Error('review: cannot write its scratch file (ENOSPC)');
    expect(() =>
      readLinksFile(join(dir, 'links.json'), () => {
        if (++seen === 3) throw full;
      }),
    ).toThrow(full);
    expect(seen).toBe(3);
  });

  it('a missing file: a CorpusError naming it', () => {
    expect(() => readLinksFile(join(dir, 'none.json'), () => {})).toThrow(/none\.json cannot be read: ENOENT/);
  });
});
