import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline/document.js';
import { formatOutline } from '../corpus/outline.js';
import type { PlanDocument } from '../schemas/document.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureDocument, ROOT } from './helpers.js';

const pipeline = createPipeline();
const build = (text: string): PlanDocument =>
  pipeline.fromRaw('case', { source: { path: 'case.txt', sha256: '0'.repeat(64), bytes: text.length, encoding: 'utf-8', format: 'txt' }, text });

// Openings of two 2025 provincial reports of ../shared/corpora/local (.docx), paragraphs as lines: see test/fixtures/meta/README.md.
const opening = (name: string): string => readFileSync(join(ROOT, 'test/fixtures/meta', `${name}-gov-work-report-2025-opening.txt`), 'utf8');
const XIZANG = opening('xizang');
const ZHEJIANG = opening('zhejiang');

describe('metadata from the document’s own formulas', () => {
  it('a province-level report has only its province, though it names a county (定日县) again and again', () => {
    const d = build(XIZANG);
    expect(d.meta).toMatchObject({ docType: 'government-work-report', region: { province: '西藏自治区', city: null, county: null, code: '540000' }, year: 2025, date: '2025-01-19' });
    expect(d.meta.evidence.region).toMatchObject({ rule: 'congress-session', text: '西藏自治区', inferred: false, source: { line: 3 } });
    expect(d.meta.evidence.date).toMatchObject({ rule: 'date-line', source: { line: 3, column: 0 } });
    expect(d.meta.evidence.docType).toMatchObject({ rule: 'title', source: { line: 1 } });
  });

  it('a date line that runs on into the speaker line still dates the report', () => {
    const d = build(ZHEJIANG);
    expect(d.meta).toMatchObject({ docType: 'government-work-report', region: { province: '浙江省', city: null, county: null }, year: 2025, date: '2025-01-14' });
  });

  it.each([
    ['chongqing', '重庆市', '2025-01-19'], // a municipality: a province-level report
    ['guangdong', '广东省', '2025-01-15'],
    ['sichuan', '四川省', '2025-01-20'],
    ['xizang', '西藏自治区', '2025-01-19'],
    ['zhejiang', '浙江省', '2025-01-14'],
  ])('the %s 2025 report: only its province, its year and date', (name, province, date) => {
    const d = build(opening(name));
    expect(d.meta).toMatchObject({ docType: 'government-work-report', region: { province, city: null, county: null }, year: 2025, date });
    expect(d.diagnostics.filter((x) => x.code === 'not-a-plan-document')).toEqual([]);
  });

  it.each([
    ['2010', '清苑县', { county: '清苑县', city: '保定市', province: '河北省', code: '130608' }],
    ['2022', '清苑区', { county: '清苑区', city: '保定市', province: '河北省', code: '130608' }],
  ])('a %s report of %s: the name of its time, today’s code', (year, name, region) => {
    const text = [
      '政府工作报告',
      `——${year}年2月20日在${name}第十五届人民代表大会第三次会议上`,
      `${name}人民政府${name.endsWith('区') ? '区' : '县'}长 某某某`,
      '各位代表：',
      `现在，我代表${name}人民政府，向大会报告工作，请予审议，并请政协委员和列席会议的同志提出意见。`,
      `一、${Number(year) - 1}年工作回顾`,
      '过去的一年，全县生产总值增长7%，一般公共预算收入增长9%，城乡居民人均可支配收入分别增长8%和9%，各项事业取得新进展。'.repeat(12),
    ].join('\n');
    const d = build(text);
    expect(d.meta).toMatchObject({ year: Number(year), region });
    expect(d.meta.evidence.region).toMatchObject({ rule: 'speaker-formula', text: name });
  });

  it('evidence points at the raw text it was read from', () => {
    const d = build(XIZANG);
    const raw = XIZANG;
    const r = d.meta.evidence.region!.source!;
    expect(raw.slice(r.offset, r.endOffset)).toBe('西藏自治区');
  });

  it('a national report has no region, and says why', () => {
    const d = fixtureDocument('wiki');
    expect(d.meta.region).toEqual({ province: null, city: null, county: null, code: null });
    expect(d.meta.evidence.region).toMatchObject({ rule: 'national' });
  });

  it('a stub gets not-a-plan-document and no confident type or region', () => {
    const d = build(['标题：政府工作报告——在保定市第十三届人民代表大会第一次会议上', '发文单位：保定市人民政府', '发文时间：2008-03-15', '报告人：保定市人民政府市长 于群', '', '正文：', '', '[内容来源：http://bd.mzfzw.net/news/show.asp?id=516]'].join('\n'));
    expect(d.meta.docType).toBe('other');
    expect(d.meta.region).toEqual({ province: null, city: null, county: null, code: null });
    expect(d.diagnostics.filter((x) => x.code === 'not-a-plan-document')).toHaveLength(1);
  });

  it('the outline shows the evidence on request', () => {
    const out = formatOutline(fixtureDocument('001'), { evidence: true });
    expect(out.split('\n').slice(0, 10).join('\n')).toMatchInlineSnapshot(`
      "政府工作报告  [government-work-report · 河南省/平顶山市/湛河区 · 2021-03-02]
        title: 政府工作报告  ← title-line L5:0 「政府工作报告」
        docType: government-work-report  ← title L5:0 「政府工作报告」
        region: 河南省/平顶山市/湛河区  ← speaker-formula L11:0 「湛河区」
        period: —
        year: 2021  ← date-line L7:0 「——2021年3月2日在湛河区第五届人民代表大会」
        date: 2021-03-02  ← date-line L7:0 「——2021年3月2日在湛河区第五届人民代表大会」
        speaker: 区长 陈斌  ← speaker-line L11:0 「湛河区人民政府区长 陈 斌」
        issuer: 湛河区人民政府  ← speaker-line L11:0 「湛河区人民政府区长 陈 斌」
      一、 2020年工作回顾及“十三五”主要成就  L17"
    `);
  });
});
