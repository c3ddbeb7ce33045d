/**
 * A small corpus folder built from the fixture tables (for the export tests): index.json and
 * one document JSON each, the shape the build writes, with the tables from parseTable.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Table } from '../../schemas/table.js';
import { FIXTURE_TABLES, fixtureDoc, regionFromLines } from './fixture-tables.js';
import { parseTable } from '../../pipeline/tables/parse-table.js';

const DOCS: ReadonlyArray<{ id: string; file: string | null; county: string; year: number; title: string }> = [
  { id: '000_5e002ab9d4a7d847', file: '000_5e002ab9d4a7d847.txt', county: '湛河区', year: 2021, title: '湛河区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要' },
  { id: '001_861a99607351fc64', file: null, county: '新华区', year: 2021, title: '政府工作报告' },
  { id: '003_0b1e8b9a0c3e043b', file: '003_0b1e8b9a0c3e043b.txt', county: '卫东区', year: 2021, title: '卫东区国民经济和社会发展第十四个五年规划纲要' },
  { id: '004_28dd4271f70e694a', file: '004_28dd4271f70e694a.txt', county: '湛河区', year: 2025, title: '政府工作报告' },
];

export function fixtureTables(file: string): Table[] {
  return FIXTURE_TABLES.filter((t) => t.file === file).map(({ region }) => {
    const doc = fixtureDoc(file);
    return parseTable(regionFromLines(doc, region), doc);
  });
}

/** Writes the corpus (plus a failed entry) into an empty folder that the caller makes and removes. */
export async function writeFixtureCorpus(dir: string): Promise<void> {
  await mkdir(join(dir, 'documents'));
  const documents = [];
  for (const d of DOCS) {
    const output = `documents/${d.id}.json`;
    const json = {
      id: d.id,
      meta: { title: d.title, docType: 'other', region: { province: '河南省', city: '平顶山市', county: d.county, code: null }, period: null, year: d.year, date: null, speaker: null, issuer: null, toc: [] },
      tables: d.file === null ? [] : fixtureTables(d.file),
    };
    await writeFile(join(dir, output), JSON.stringify(json, null, 2));
    documents.push({ id: d.id, source: `fixtures/${d.id}.txt`, sha256: null, bytes: null, status: 'ok', error: null, warnings: 0, output });
  }
  documents.push({ id: 'broken', source: 'fixtures/broken.txt', sha256: null, bytes: null, status: 'failed', error: { code: 'empty-input', message: 'empty' }, warnings: 0, output: null });
  await writeFile(join(dir, 'index.json'), JSON.stringify({ schemaVersion: '1.0.0', tool: { name: 'plancorpus', version: '0.1.0' }, documents }, null, 2));
}
