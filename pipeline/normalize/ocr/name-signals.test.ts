import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../core/gazetteer/index.js';
import { compactText, originalRange } from '../../../core/provenance/compact-text.js';
import { confusionIndex, nameVariants } from './confusion-index.js';
import { contextSnippet } from './context-snippet.js';
import { jiebaLexicon } from '../../../core/lexicon/lexicon.js';
import { dictionaryCompound, listOfPlaces, quoted, realDivision, suffixForm, waterContext } from './name-signals.js';
import type { NameTarget } from './name-targets.js';
import { defaultRules } from './rules.js';
import { suspectMessage } from './suspect-message.js';

const g = loadGazetteer();
const rules = defaultRules();
const [zhanhe] = g.byName('湛河区');
const subject: NameTarget = { role: 'subject', name: '湛河区', stem: '湛河', suffix: '区', division: zhanhe };
const at = (text: string, form: string) => ({ text, at: text.indexOf(form), form });

describe('compactText', () => {
  it('drops whitespace and keeps the offsets of the rest', () => {
    const ct = compactText('五个漯\n\n河 建设');
    expect(ct.text).toBe('五个漯河建设');
    expect(originalRange(ct, 2, 4)).toEqual([2, 6]);
  });
});

describe('nameVariants', () => {
  it('lists the forms one confusable character away', () => {
    const forms = nameVariants('湛河', confusionIndex(rules.confusions)).map((v) => v.form);
    expect(forms).toEqual(expect.arrayContaining(['漯河', '淮河', '湛江']));
  });
});

describe('name signals (cases cut from the fixtures)', () => {
  it('suffixForm: 漯河区 is no real division, 漯河区域 is not a suffix', () => {
    expect(suffixForm(at('使漯河区成为备受青睐', '漯河'), subject, g)).toBe('漯河区');
    expect(suffixForm(at('成立漯河新区指挥部', '漯河'), subject, g)).toBe('漯河新区');
    expect(suffixForm(at('漯河区域合作', '漯河'), subject, g)).toBeNull();
  });
  it('realDivision: 漯河市 is real', () => {
    expect(realDivision(at('深化与漯河市合作', '漯河'), subject, g)?.code).toBe('411100');
  });
  it('listOfPlaces: 平顶山、漯河、周口', () => {
    expect(listOfPlaces(at('推动平顶山、漯河、周口协同', '漯河'), g)).toBe('平顶山');
  });
  it('quoted: “五个淮河”, not a long quotation', () => {
    expect(quoted(at('锚定“五个淮河”发展目标', '淮河'))).toBe(true);
    expect(quoted(at('“我们要在淮河流域上游区域建设生态廊道和湿地公园”', '淮河'))).toBe(false);
  });
  it('waterContext: 湛江全流域, 湛江卫东区段', () => {
    expect(waterContext(at('湛江全流域治理', '湛江'), subject, '卫东区', rules.waterContexts)).toBe('…全流域');
    expect(waterContext(at('对湛江卫东区段开展', '湛江'), subject, '卫东区', rules.waterContexts)).toBe('…段');
  });
  it('dictionaryCompound: 淮河路, 淮河流域', () => {
    expect(dictionaryCompound(at('长江路东段、淮河路、规划七路', '淮河'), jiebaLexicon())).toBe('淮河路');
    expect(dictionaryCompound(at('五个淮河”发展', '淮河'), jiebaLexicon())).toBeNull();
  });
});

describe('contextSnippet and suspectMessage', () => {
  it('shows 20 characters each side with the span marked', () => {
    const text = '一二三四五六七八九十一二三四五六七八九十XX一二三四五六七八九十一二三四五六七八九十尾';
    expect(contextSnippet(text, 20, 22)).toBe('一二三四五六七八九十一二三四五六七八九十【XX】一二三四五六七八九十一二三四五六七八九十');
  });
  it('puts form, proposal, context and rule in the diagnostic message', () => {
    const msg = suspectMessage({ start: 0, end: 1, from: '江', to: '河', rule: 'ocr/subject-entity', reason: 'evidence below the bar (1 < 3)', evidence: { form: '湛江', corrected: '湛河', context: '活动，“【湛江】营商”' } });
    expect(msg).toBe('湛江 → 湛河? 活动，“【湛江】营商” — ocr/subject-entity: evidence below the bar (1 < 3)');
  });
});
