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

  // the 1982 State Council report on the sixth five-year plan names no date and no session of its own; cut from it
  const FYP6 = [
    '各位代表：',
    '现在，我代表国务院，作关于我国国民经济和社会发展第六个五年计划的报告，请大会审议。',
    '第六个五年计划的基本任务',
    '一九八○年，也就是第五个五年计划的最后一年，国务院曾拟订出从一九八一年到一九八五年的第六个五年计划的基本轮廓和主要指标。在五届人大四次会议上，国务院在政府工作报告中提出了以提高经济效益为中心的发展国民经济的十条方针。'.repeat(8),
    '全面实现六五计划的主要措施',
    '我们要在今后三年内全面实现第六个五年计划，就其中的经济发展计划来说，关键在于按照去年五届人大四次会议和今年党的十二大的精神，把全部经济工作转到以提高经济效益为中心的轨道上来。',
  ];

  it('a State Council report that dates a session of the National People’s Congress from the present: 去年五届人大四次会议 → 1982', () => {
    const text = FYP6.join('\n');
    const d = build(text);
    expect(d.meta).toMatchObject({ docType: 'five-year-plan-report', region: { province: null, city: null, county: null }, year: 1982, date: null });
    const e = d.meta.evidence.year!;
    expect(e).toMatchObject({ rule: 'npc-session-last-year', text: '去年五届人大四次会议', inferred: true, source: { line: 6 } });
    expect(text.slice(e.source!.offset, e.source!.endOffset)).toBe('去年五届人大四次会议');
  });

  it('the 1960 report on the 1956–1967 agricultural outline: a plan report, national, dated by how long the outline has run', () => {
    const d = build(
      [
        '各位代表：',
        '我受中共中央和国务院的委托，向大会作关于一九五六年到一九六七年全国农业发展纲要的执行情况和争取提前实现这个纲要的报告。',
        '一',
        '一九五六年到一九六七年全国农业发展纲要，是中共中央政治局根据毛泽东同志的倡议提出的，在一九五六年一月以草案形式公布。全国农民和全国人民为执行农业发展纲要而努力，到现在已经四年了。'.repeat(10),
        '下面我首先说一下农业发展纲要在过去四年中执行的情况。',
      ].join('\n'),
    );
    expect(d.meta).toMatchObject({ docType: 'five-year-plan-report', region: { province: null, city: null, county: null }, year: 1960, date: null });
    expect(d.meta.evidence.year).toMatchObject({ rule: 'plan-execution-years', text: '纲要在过去四年中执行', inferred: true, source: { line: 5 } });
    expect(d.meta.evidence.region).toMatchObject({ rule: 'national', confidence: 'high' });
  });

  it('a national session named in a local report gives it no year: the national table is another body’s calendar', () => {
    const d = build(
      [
        '各位代表：',
        '现在，我代表市人民政府，向大会报告政府工作，请予审议。',
        '去年以来，我们认真贯彻党的十九大和十三届全国人大一次会议精神，按照去年十三届全国人大一次会议的部署，落实去年市十六届人大一次会议确定的各项任务，全市经济社会发展取得新成效。'.repeat(8),
      ].join('\n'),
    );
    expect(d.meta.docType).toBe('government-work-report');
    expect(d.meta.year).toBeNull();
    expect(d.meta.evidence.year).toBeNull();
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
