import { describe, expect, it } from 'vitest';
import { divisionSuffix, shortName } from './short-name.js';

describe('shortName', () => {
  it('strips the generic suffix of counties, cities and provinces', () => {
    expect(shortName('湛河区')).toBe('湛河');
    expect(shortName('平顶山市')).toBe('平顶山');
    expect(shortName('河南省')).toBe('河南');
    expect(shortName('锡林郭勒盟')).toBe('锡林郭勒');
  });
  it('strips nationality names before 自治州/自治县/自治区', () => {
    expect(shortName('延边朝鲜族自治州')).toBe('延边');
    expect(shortName('恩施土家族苗族自治州')).toBe('恩施');
    expect(shortName('长阳土家族自治县')).toBe('长阳');
    expect(shortName('新疆维吾尔自治区')).toBe('新疆');
    expect(shortName('广西壮族自治区')).toBe('广西');
  });
  it('keeps names whose stem would be one character', () => {
    expect(shortName('郏县')).toBe('郏县');
    expect(shortName('城区')).toBe('城区');
    expect(shortName('赵县')).toBe('赵县');
  });
  it('reports the suffix', () => {
    expect(divisionSuffix('湛河区')).toBe('区');
    expect(divisionSuffix('郏县')).toBe('');
  });
});
