import { join } from 'node:path';
import { Link, LinksHead } from '../../schemas/link.js';
import { openCorpus, readEach, type ReadProgress } from '../store.js';
import { JsonSpill, type Spilled } from '../spill.js';
import { csvHeader, csvLine } from '../export/format.js';
import { openAtomic, type AtomicFile } from '../../core/atomic-write.js';
import { utf8 } from '../../pipeline/emit/write.js';
import { LINK_FIELDS, LinkDocument, groupByRegion, linkInputOf, linkRow, regionLinks, regionsOf, type Located, type RegionGroups } from './index.js';
import type { Observation } from './observations.js';

export interface LinkSummary {
  regions: number;
  /** documents without a region */
  unplaced: number;
  links: number;
  /** links by verdict */
  verdicts: Record<Link['verdict'], number>;
}

export interface LinkRun {
  summary: LinkSummary;
  /** documents that could not be read */
  problems: string[];
  written: string[];
}

const LINKS_PER_WRITE = 1000;
/** A link as it stands in links.json: two-space indent, at the depth of the links array's items. */
const linkJson = (l: Link): string => `    ${JSON.stringify(l, null, 2).replace(/\n/g, '\n    ')}`;

/**
 * Link a built corpus and write links.json and links.csv into outDir. Every document is read once,
 * reduced to its region and its observations (the values it states), and let go; the observations
 * are set aside in a scratch file (JsonSpill: unlinked as soon as it is open, so that even a
 * killed run leaves nothing), and region by region they are read back, linked and written, a
 * thousand links at a time. So memory is that of one document or one region, whatever the size of
 * the corpus (holding every document's observations took a heap of 100–200 MB for 5,000 synthetic
 * documents, growing with the corpus; reading the documents a second time instead took half as long
 * again). The files are the same bytes as serializing the whole LinksFile (linkInputs) at once, and
 * appear atomically (temporary files renamed into place once complete).
 */
export async function linkCorpus(dir: string, outDir: string = dir, opts: { bom?: boolean; progress?: ReadProgress } = {}): Promise<LinkRun> {
  const corpus = await openCorpus(dir);
  const problems: string[] = [];
  const spill = new JsonSpill<Observation[]>('link');
  try {
    const located: Array<Located & { spilled: Spilled | null }> = [];
    for (const { doc } of readEach(corpus, LinkDocument, (id, message) => problems.push(`${id}: ${message}`), opts.progress)) {
      const { id, region, observations } = linkInputOf(doc);
      // a document of no known region is never linked: nothing of it to keep
      located.push({ id, region, spilled: region ? spill.put(observations) : null });
    }
    return await writeLinks(groupByRegion(located), (d) => (d.spilled ? spill.get(d.spilled) : []), problems, outDir, opts);
  } finally {
    spill.remove();
  }
}

/** Write links.json and links.csv for the grouped documents, region by region, each region's observations fetched when it comes. */
async function writeLinks<T extends Located>(groups: RegionGroups<T>, observationsOf: (d: T) => Observation[], problems: string[], outDir: string, opts: { bom?: boolean }): Promise<LinkRun> {
  const head = LinksHead.parse({ schemaVersion: '1.0.0', regions: regionsOf(groups), unplaced: groups.unplaced });
  const summary: LinkSummary = { regions: head.regions.length, unplaced: head.unplaced.length, links: 0, verdicts: { met: 0, 'not-met': 0, unknown: 0 } };
  const json = join(outDir, 'links.json');
  const csv = join(outDir, 'links.csv');
  const files: AtomicFile[] = [];
  try {
    const jsonFile = await openAtomic(json);
    files.push(jsonFile);
    const csvFile = await openAtomic(csv);
    files.push(csvFile);
    // the head as serialize() writes it, up to the links array, which is written link by link
    const opening = JSON.stringify({ ...head, links: [] }, null, 2);
    await jsonFile.write(utf8(opening.slice(0, -'[]\n}'.length), '['));
    await csvFile.write(utf8(csvHeader(LINK_FIELDS, opts)));
    let jsonText: string[] = [];
    let csvText = '';
    const flush = async (): Promise<void> => {
      if (jsonText.length === 0) return;
      await jsonFile.write(utf8(summary.links === 0 ? '\n' : ',\n', jsonText.join(',\n')));
      await csvFile.write(utf8(csvText));
      summary.links += jsonText.length;
      jsonText = [];
      csvText = '';
    };
    for (const group of groups.groups) {
      const docs = group.docs.map((d) => ({ id: d.id, region: d.region, observations: observationsOf(d) }));
      for (const made of regionLinks({ ...group, docs })) {
        const link = Link.parse(made);
        jsonText.push(linkJson(link));
        csvText += csvLine(LINK_FIELDS, linkRow(link));
        summary.verdicts[link.verdict]++;
        // written a thousand links at a time: a region can have tens of thousands
        if (jsonText.length === LINKS_PER_WRITE) await flush();
      }
    }
    await flush();
    await jsonFile.write(utf8(summary.links === 0 ? ']\n}\n' : '\n  ]\n}\n'));
    for (const f of files) await f.commit();
  } catch (err) {
    for (const f of files) await f.abort();
    throw err;
  }
  return { summary, problems, written: [json, csv] };
}
