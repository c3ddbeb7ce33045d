import { describe, expect, it } from 'vitest';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { paragraphRows, PARAGRAPH_FIELDS } from './paragraph-rows.js';
import { execute } from '../../cli/index.js';
import { fixtureDocument, rawLine, scratchFolders } from '../../test/helpers.js';
import { serialize } from '../../pipeline/emit/write.js';

describe('paragraph export', () => {
  const scratch = scratchFolders('par');
  it('lists passages in document order with their heading path, box items where the box stands', () => {
    const rows = paragraphRows([fixtureDocument('000')]);
    const i = rows.findIndex((r) => r.text.startsWith('“十四五”时期（2021-2025年）是湛河区开启'));
    expect(rows[i]).toMatchObject({ document_id: '000_5e002ab9d4a7d847', county: '湛河区', section_path: '第一章 开启全面建设社会主义现代化湛河新征程', kind: 'paragraph', line: 21, end_line: 33 });
    const box = rows.filter((r) => r.kind === 'box-item' && r.section_path.endsWith('专栏 “十四五”生产性服务业提质工程'));
    expect(box.map((r) => r.text.slice(0, 4))).toEqual(['金融服务', '现代物流', '电子商务']);
    expect(rawLine('000', box[0].line)).toContain('金融服务');
    const lines = rows.map((r) => r.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('plancorpus export paragraphs writes JSONL and CSV that parse back', async () => {
    const dir = scratch();
    const doc = fixtureDocument('004');
    writeFileSync(join(dir, 'index.json'), serialize({ schemaVersion: '1.0.0', tool: { name: 'plancorpus', version: '0.1.0' }, documents: [{ id: doc.id, source: doc.source.path, sha256: doc.source.sha256, bytes: doc.source.bytes, status: 'ok', error: null, warnings: 0, output: `${doc.id}.json` }] }));
    writeFileSync(join(dir, `${doc.id}.json`), serialize(doc));
    const out: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: () => undefined, stderrIsTTY: false };
    expect(await execute(['export', 'paragraphs', dir], io)).toBe(0);
    const jsonl = out.join('').trim().split('\n').map((l) => JSON.parse(l));
    expect(jsonl.length).toBe(paragraphRows([doc]).length);
    expect(Object.keys(jsonl[0])).toEqual(PARAGRAPH_FIELDS);
    expect(jsonl.some((r) => r.text.includes('263.06亿元'))).toBe(true);
    expect(await execute(['export', 'paragraphs', dir, '--format', 'csv', '--bom', '--output-file', join(dir, 'p.csv')], io)).toBe(0);
    const csv = readFileSync(join(dir, 'p.csv'), 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const records = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(records).toHaveLength(jsonl.length);
    expect(records[5].text).toBe(jsonl[5].text);
  });
});
