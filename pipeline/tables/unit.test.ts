import { describe, expect, it } from 'vitest';
import { isUnit, normalizeUnit, splitNameUnit, UNIT_GRAMMAR } from './unit.js';

describe('splitNameUnit', () => {
  it('takes the unit from the trailing parentheses, full- or half-width', () => {
    expect(splitNameUnit('生产总值（亿元）')).toEqual({ name: '生产总值', unit: '亿元', unitNote: null });
    expect(splitNameUnit('城镇化率(%)')).toEqual({ name: '城镇化率', unit: '%', unitNote: null });
    expect(splitNameUnit('婴儿死亡率控制（‰）')).toMatchObject({ name: '婴儿死亡率控制', unit: '‰' });
    expect(splitNameUnit('外贸进出口总值（万美元）')).toMatchObject({ unit: '万美元' });
    expect(splitNameUnit('人均绿地面积（平方米）')).toMatchObject({ unit: '平方米' });
  });

  it('keeps what the unit parentheses add as a note', () => {
    expect(splitNameUnit('全员劳动生产率增长(元/人, 2020年价格)')).toEqual({ name: '全员劳动生产率增长', unit: '元/人', unitNote: '2020年价格' });
  });

  it('skips parentheses that are words, not units', () => {
    expect(splitNameUnit('现代结核病策略（DOTS）覆盖率（%）')).toEqual({ name: '现代结核病策略（DOTS）覆盖率', unit: '%', unitNote: null });
    expect(splitNameUnit('基本养老保险参保率（%）（城乡居民、城镇企业职工、机关事业基本养老保险参保率）')).toEqual({
      name: '基本养老保险参保率（城乡居民、城镇企业职工、机关事业基本养老保险参保率）',
      unit: '%',
      unitNote: null,
    });
    expect(splitNameUnit('细微颗粒物（PM2.5）年均浓度')).toEqual({ name: '细微颗粒物（PM2.5）年均浓度', unit: null, unitNote: null });
    expect(splitNameUnit('孕产妇女死亡率控制')).toEqual({ name: '孕产妇女死亡率控制', unit: null, unitNote: null });
  });

  it('recognizes compound units and rejects words', () => {
    for (const u of ['件/万人', '微克/立方米', '吨', '万吨', '个', '岁', '亩', '%']) expect(isUnit(u), u).toBe(true);
    for (const w of ['DOTS', '助理', '城乡居民、', 'PM2.5', '']) expect(isUnit(w), w).toBe(false);
  });
});

describe('isUnit', () => {
  it('answers as the unit grammar does, for every prefix of a unit run into the next words', () => {
    const texts = ['亿元，同比增长', '万元/人 以上', '%左右，', '％）', '微克/立方米以下', '每万人口', 'm²，人均', '10万人', '个百分点，', 'μg/m³）', '万 吨标准煤', '年均增长', 'kWh/万元'];
    for (const text of texts) {
      for (let k = 1; k <= text.length; k++) {
        const t = normalizeUnit(text.slice(0, k));
        expect(isUnit(text.slice(0, k))).toBe(t.length > 0 && UNIT_GRAMMAR.test(t));
      }
    }
  });
});
