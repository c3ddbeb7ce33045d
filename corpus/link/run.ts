import { join } from 'node:path';
import { PlanDocument } from '../../schemas/document.js';
import { readCorpus } from '../export/read-corpus.js';
import { recordsToCsv } from '../export/format.js';
import { serialize, writeAtomic } from '../../pipeline/emit/write.js';
import { LINK_FIELDS, linkDocuments, linkRows } from './index.js';
import type { LinksFile } from '../../schemas/link.js';

export interface LinkRun {
  file: LinksFile;
  /** documents that could not be read */
  problems: string[];
  written: string[];
}

/** Link a built corpus and write links.json and links.csv into outDir. */
export async function linkCorpus(dir: string, outDir: string = dir, opts: { bom?: boolean } = {}): Promise<LinkRun> {
  const { docs, problems } = await readCorpus(dir, PlanDocument);
  const file = linkDocuments(docs);
  const json = join(outDir, 'links.json');
  const csv = join(outDir, 'links.csv');
  await writeAtomic(json, serialize(file));
  await writeAtomic(csv, recordsToCsv(LINK_FIELDS, linkRows(file), opts));
  return { file, problems, written: [json, csv] };
}
