import { describe, expect, it } from 'vitest';
import { loadHistory } from './history.js';
import { nameLengths, pickSubject, subjectNames } from './subject-region.js';

const history = loadHistory();
const names = (text: string, year: number | null = 2020) => subjectNames(text, year, history).map((m) => m.division.name);

describe('place names as whole words in subject position', () => {
  it.each([
    ['和县人民政府', ['和县']],
    ['政府和县委', []], // 和 县委: 和县 is not a token here
    ['坚持开放兴县战略', []], // 开放 兴县: a slogan, not 兴县 (山西)
    ['兴县人民政府关于印发…的通知', ['兴县']],
    ['在保定市第十五届人民代表大会第五次会议上', ['保定市']],
    ['高阳县2018年政府工作报告', ['高阳县']],
    ['三门峡市湖滨区国民经济和社会发展第十四个五年规划', ['三门峡市', '湖滨区']],
    ['新和县人民政府', ['新和县']], // the longer name wins over 和县 inside it
    ['今年1月7日，日喀则定日县发生6.8级地震', []], // a mention in prose is not a subject
  ])('%s → %j', (text, expected) => {
    expect([...new Set(names(text))]).toEqual(expected);
  });

  it('a city report names no county; a county report keeps its city and province', () => {
    const city = pickSubject(subjectNames('保定市人民政府市长 李谦', 2010, history));
    expect(city?.division).toMatchObject({ province: '河北省', city: '保定市', county: null, code: '130600' });
    const county = pickSubject(subjectNames('河北省保定市高阳县人民政府', 2018, history));
    expect(county?.division).toMatchObject({ province: '河北省', city: '保定市', county: '高阳县', code: '130628' });
  });

  it('a province-level report has only its province', () => {
    const p = pickSubject(subjectNames('——2025年1月19日在西藏自治区第十二届人民代表大会第三次会议上', 2025, history));
    expect(p?.division).toMatchObject({ level: 'province', province: '西藏自治区', city: null, county: null, code: '540000' });
  });

  it('a name several divisions share stays open unless a parent is named', () => {
    expect(pickSubject(subjectNames('新华区人民政府', 2020, history))).toBeNull();
    expect(pickSubject(subjectNames('石家庄市新华区人民政府', 2020, history))?.division).toMatchObject({ city: '石家庄市', county: '新华区' });
  });
});

describe('renamed districts across years', () => {
  it.each([
    ['清苑县', 2010, { county: '清苑县', city: '保定市', code: '130608', former: true }],
    ['清苑区', 2022, { county: '清苑区', city: '保定市', code: '130608', former: false }],
    ['徐水县', 2012, { county: '徐水县', code: '130609', former: true }],
    ['徐水区', 2016, { county: '徐水区', code: '130609', former: false }],
    ['满城县', 2014, { county: '满城县', code: '130607', former: true }],
    ['满城区', 2020, { county: '满城区', code: '130607', former: false }],
    ['襄樊市', 2009, { city: '襄樊市', county: null, code: '420600', former: true }],
  ])('%s in %d', (name, year, expected) => {
    expect(history.named(name, year)).toEqual([expect.objectContaining({ name, province: expect.any(String), ...expected })]);
  });

  it.each([
    ['清苑区', 2010], // not yet a district
    ['清苑县', 2022], // no longer a county
  ])('%s is no name of %d', (name, year) => {
    expect(history.named(name, year)).toEqual([]);
  });

  it('both names of 2015, the year of the change, resolve', () => {
    expect(history.named('清苑县', 2015)).toHaveLength(1);
    expect(history.named('清苑区', 2015)).toHaveLength(1);
  });

  it('a report of 清苑县 of 2010 and one of 清苑区 of 2022 resolve to the names of their time', () => {
    expect(pickSubject(subjectNames('清苑县人民政府县长', 2010, history))?.division).toMatchObject({ county: '清苑县', code: '130608' });
    expect(pickSubject(subjectNames('清苑区人民政府区长', 2022, history))?.division).toMatchObject({ county: '清苑区', code: '130608' });
    expect(pickSubject(subjectNames('清苑区人民政府区长', 2010, history))).toBeNull();
  });

  it('states its source', () => {
    expect(history.source).toMatchObject({ package: 'gb2260', version: '0.6.0' });
  });
});

describe('the name index of subjectNames', () => {
  it('offers, for two leading characters, exactly the lengths (2–16) of the names that begin with them, longest first', () => {
    const plain = new Map<string, number[]>();
    for (const name of history.names) {
      if (name.length < 2 || name.length > 16) continue;
      const lengths = plain.get(name.slice(0, 2)) ?? [];
      if (!lengths.includes(name.length)) plain.set(name.slice(0, 2), [...lengths, name.length].sort((a, b) => b - a));
    }
    const index = nameLengths(history);
    for (const [pair, lengths] of plain) expect(index.get(pair.charCodeAt(0))?.get(pair.charCodeAt(1))).toEqual(lengths);
    expect([...index.values()].reduce((n, second) => n + second.size, 0)).toBe(plain.size);
  });
});
