import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline/document.js';
import type { PlanDocument } from '../../schemas/document.js';
import { ROOT, fixtureDocument } from '../../test/helpers.js';
import { LinkDocument, linkDocuments, linkInputOf, linkInputs, linkRows } from './index.js';
import { regionOf } from './region.js';
import { judge } from './verdict.js';
import type { Observation } from './observations.js';

describe('link: the 湛河区 fixtures and their neighbours', () => {
  const docs = ['000', '001', '002', '003', '004'].map(fixtureDocument);
  const file = linkDocuments(docs);

  it('groups by region: 000, 001, 004 are 湛河区; 002 and 003 are other districts', () => {
    const zhanhe = file.regions.find((r) => r.region.endsWith('湛河区'))!;
    expect(zhanhe.documents.map((d) => d.slice(0, 3))).toEqual(['000', '001', '004']);
    expect(file.regions.map((r) => r.region)).toEqual(expect.arrayContaining(['河南省/三门峡市/湖滨区', '河南省/平顶山市/卫东区']));
  });

  it("000's 表2 地区生产总值增长 7左右 (2021–2025) ↔ 004's 2024年完成 4.8 (not met) and 2025年计划 6.5 (a plan)", () => {
    const fromPlan = file.links.filter((l) => l.target.docId.startsWith('000') && l.metric === '地区生产总值增速' && l.target.period.start === 2021);
    expect(fromPlan[0].target.value.raw).toBe('7左右');
    const result = fromPlan.find((l) => l.reported.docId.startsWith('004') && l.reportedKind === 'result')!;
    expect([result.reported.value.value, result.reported.period, result.reported.ref, result.verdict]).toEqual([4.8, { start: 2024, end: 2024 }, 'table-1/table-1-1/actual-2024', 'not-met']);
    expect(result.rule).toBe('about: band 6.5–7.5, reported short of it (annual average over 2021–2025 against one year)');
    const plan2025 = fromPlan.filter((l) => l.reportedKind === 'plan' && l.reported.period.start === 2025);
    expect(plan2025.map((l) => [l.reported.docId.slice(0, 3), l.reported.value.value, l.verdict])).toEqual([['004', 6.5, 'unknown']]);
    // both sides point at their raw text
    const raw000 = readFileSync(join(ROOT, 'fixtures', '000_5e002ab9d4a7d847.txt'), 'utf8');
    expect(raw000.slice(result.target.source.offset, result.target.source.endOffset)).toBe('7左右');
  });

  it('the 十三五 targets of 000 against what 001 reports for 2020', () => {
    const gdp = file.links.find((l) => l.metric === '地区生产总值' && l.target.docId.startsWith('000') && l.reported.docId.startsWith('001'))!;
    expect([gdp.target.value.value, gdp.reported.value.value, gdp.reported.ref, gdp.verdict]).toEqual([154.9, 221.29, 'fact-1', 'met']);
  });

  it('read with the schema link reads a corpus by (LinkDocument), the documents give the same links', () => {
    expect(linkInputs(docs.map((d) => linkInputOf(LinkDocument.parse(JSON.parse(JSON.stringify(d))))))).toEqual(file);
  });

  it('never links documents of different regions', () => {
    const region = new Map(docs.map((d) => [d.id, regionOf(d)?.label]));
    expect(file.links.length).toBeGreaterThan(20);
    for (const l of file.links) expect(region.get(l.target.docId)).toBe(region.get(l.reported.docId));
  });

  it('one CSV row per link with both positions', () => {
    const rows = linkRows(file);
    expect(rows).toHaveLength(file.links.length);
    expect(rows.find((r) => r.reported_ref === 'table-1/table-1-1/actual-2024' && String(r.target_doc).startsWith('000'))).toMatchObject({ target: '7左右', target_period: '2021-2025', reported: '4.8', reported_year: '2024', verdict: 'not-met' });
  });
});

describe('link: verdict rules', () => {
  const obs = (raw: string, kind: Observation['value']['kind'], value: number, basis: Observation['basis'] = 'year'): Observation => ({
    docId: 'd', role: 'target', origin: 'table', ref: 'r', metric: 'm', metricText: 'm', unit: '%', value: { raw, kind, value }, period: { start: 2021, end: 2025 }, basis,
    source: { line: 1, column: 0, endLine: 1, endColumn: 1, offset: 0, endOffset: 1 },
  });
  it.each([
    ['7左右', 'about', 7, 6.6, 'higher', 'met'],
    ['7左右', 'about', 7, 8.2, 'higher', 'met'],
    ['7左右', 'about', 7, 6.4, 'higher', 'not-met'],
    ['3左右', 'about', 3, 4, 'lower', 'not-met'],
    ['3左右', 'about', 3, 4, null, 'unknown'],
    ['4.5以内', 'atMost', 4.5, 4.6, null, 'not-met'],
    ['1000以上', 'atLeast', 1000, 1322, null, 'met'],
    ['5', 'number', 5, 4, 'lower', 'met'],
    ['5', 'number', 5, 4, null, 'unknown'],
  ] as const)('%s against %d (%s is better) → %s', (raw, kind, tv, rv, direction, verdict) => {
    expect(judge(obs(raw, kind, tv), obs(String(rv), 'number', rv), direction).verdict).toBe(verdict);
  });
  it('a cumulative target is never met by one year', () => {
    expect(judge(obs('[60]', 'bracketed', 60, 'cumulative'), obs('14', 'number', 14), 'higher')).toEqual({ verdict: 'unknown', rule: "cumulative over 2021–2025: one year's value alone cannot meet it" });
  });
});

const NATIONAL = join(ROOT, '..', 'shared', 'corpora', 'national');
describe.skipIf(!existsSync(NATIONAL))('link: national reports of successive years (../shared/corpora)', () => {
  it('each report’s 国内生产总值增长 target is linked to the next report’s result for that year', { timeout: 60_000 }, async () => {
    const pipeline = createPipeline();
    const docs: PlanDocument[] = [];
    for (const y of [2009, 2010, 2014, 2015]) {
      const path = `cn-state-council-gwr-${y}.txt`;
      const r = await pipeline.run(`national-${y}`, { path, bytes: readFileSync(join(NATIONAL, path)) });
      if (r.status === 'ok') docs.push(r.document);
    }
    const file = linkDocuments(docs);
    expect(file.regions.map((r) => r.region)).toEqual(['全国']);
    // read as `plancorpus link` reads a corpus (LinkDocument, not the whole schema): the same links,
    // the State Council's opening still telling the region
    expect(linkInputs(docs.map((d) => linkInputOf(LinkDocument.parse(JSON.parse(JSON.stringify(d))))))).toEqual(file);
    const gdp = file.links.filter((l) => l.metric === '国内生产总值增速' && l.reportedKind === 'result');
    const pairs = gdp.map((l) => [l.target.docId, l.target.value.raw, l.reported.docId, l.reported.value.raw, l.reported.period.start, l.verdict]);
    expect(pairs).toContainEqual(['national-2014', '7.5%左右', 'national-2015', '比上年增长7.4%', 2014, 'met']);
    expect(pairs).toContainEqual(['national-2009', '8%左右', 'national-2010', '比上年增长8.7%', 2009, 'met']);
    // a target is linked only to results of its own year
    for (const l of gdp) expect(l.reported.period.start).toBe(l.target.period.start);
  });
});
