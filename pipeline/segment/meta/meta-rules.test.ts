import { describe, expect, it } from 'vitest';
import { dateLineOf, parseDate } from './dates.js';
import { docTypeOfFormula, docTypeOfNotice, docTypeOfStructure, typeOfName } from './doc-type.js';
import { inferredYearFrom, inferredYearOf, planExecutionYear, titleYearOf, writesAYear } from './year.js';
import { printedLines } from './hit.js';
import { datedSessionYear, npcSessionYear, relativeSessionYear, sessionOf } from './session.js';
import { notAPlanDocument } from './not-a-plan.js';
import { splitScraperHeader } from './scraper-header.js';
import type { TextLine } from './hit.js';

const line = (text: string, start = 0): TextLine => ({ text, start });
const lines = (...texts: string[]): TextLine[] => {
  let at = 0;
  return texts.map((text) => {
    const l = { text, start: at };
    at += text.length + 1;
    return l;
  });
};

describe('date lines', () => {
  it.each([
    ['——2021年3月2日在平顶山市湛河区第十届人民代表大会第六次会议上', '2021-03-02', 'date-line'],
    ['――2022年1月23日在保定市第十六届人民代表大会第二次会议上', '2022-01-23', 'date-line'], // U+2015 doubled
    ['―2022年1月23日在保定市第十六届人民代表大会第二次会议上', '2022-01-23', 'date-line'], // U+2015 single
    ['‐‐2020年1月9日在…会议上', '2020-01-09', 'date-line'], // U+2010
    ['－－2019年2月1日在县第十七届人民代表大会第三次会议上', '2019-02-01', 'date-line'], // full-width hyphen-minus
    ['（2021年2月5日在市第十五届人民代表大会第五次会议上）', '2021-02-05', 'date-line'],
    ['(2 0 0 1 年 2 月 1 6 日云南省第九', '2001-02-16', 'date-line'], // PDF spacing, bracket closed on the next line
    ['二〇二一年一月二十八日', '2021-01-28', 'date-line'],
    ['——二○二一年一月二十八日在县第九届人民代表大会第五次会议上', '2021-01-28', 'date-line'], // ○ U+25CB for 〇
    ['2010年1月26日在保定市第十三届人民代表大会第三次会议上 ', '2010-01-26', 'date-line'],
    ['2025年1月14日在浙江省第十四届人民代表大会第三次会议上浙江省代省长刘捷作政府工作报告', '2025-01-14', 'date-line'],
    ['政府工作报告——2010年1月26日在保定市第十三届人民代表大会第三次会议上', '2010-01-26', 'title-date'],
  ])('%s → %s', (text, date, rule) => {
    expect(dateLineOf(line(text))).toMatchObject({ value: { date }, rule });
  });

  it.each([
    '2020年，面对突如其来的新冠肺炎疫情，全县上下……', // a date in running prose is not the document's
    '今年1月7日，日喀则定日县发生6.8级地震',
    '——2021年13月2日在…会议上', // no such month
  ])('%s is no date line', (text) => {
    expect(dateLineOf(line(text))).toBeNull();
  });

  it('parses dates in Arabic and Chinese numerals', () => {
    expect(parseDate('二〇三五年十二月三十一日')).toEqual({ date: '2035-12-31', year: 2035 });
    expect(parseDate('2024年3月5日')).toEqual({ date: '2024-03-05', year: 2024 });
  });
});

describe('the type a document gives itself', () => {
  it.each([
    ['现在，我代表市人民政府，向大会报告政府工作，请予审议', 'government-work-report'],
    ['现在，我代表保定市人民政府向大会作工作报告，请予审议', 'government-work-report'],
    ['现在，我代表中央人民政府作工作报告', 'government-work-report'],
    ['各位代表，现在，我代表国务院，作政府工作报告，请予审议', 'government-work-report'],
    ['现在，我代表国务院，就当前的经济形势，今后经济建设的方针，以及我国经济发展的前景，向大会作以下报告，请予审议', 'government-work-report'],
    ['我代表国务院向第一届全国人民代表大会第五次会议，提出关于一九五八年度国民经济计划（草案）的报告，请予审议', 'annual-plan-report'],
    ['现在我代表中华人民共和国国务院向第一届全国人民代表大会第三次会议提出关于1955年国家决算和1956年国家预算的报告，请予审查', 'budget-report'],
    ['受县人民政府委托，现在，我向大会报告全县2025年预算执行情况和2026年预算草案，请予审议', 'budget-report'],
    ['现在，我代表国务院，作关于我国国民经济和社会发展第六个五年计划的报告，请大会审议', 'five-year-plan-report'],
    ['现在，我代表国务院向大会作报告，请各位代表连同《纲要（草案）》一并审议', 'five-year-plan-report'],
    // a twelve-year plan outline put before the congress: typed as its title would be (typeOfName: 纲要的报告)
    ['我受中共中央和国务院的委托，向大会作关于一九五六年到一九六七年全国农业发展纲要的执行情况和争取提前实现这个纲要的报告', 'five-year-plan-report'],
    ['现在，我受国务院的委托，向大会作关于中华人民共和国宪法修改草案的报告，请予审议', 'other'], // a kind the enum has no type for
    ['本报讯 2月4日，市长闫继红在市十六届人大七次会议上作政府工作报告时指出', 'government-work-report'],
  ])('%s → %s', (text, type) => {
    expect(docTypeOfFormula(line(text))?.value).toBe(type);
  });

  it('reads no formula in a sentence that only mentions a report', () => {
    expect(docTypeOfFormula(line('在聽了劉少奇同志关于宪法草案的报告并进行了三天的讨论以后'))).toBeNull();
  });

  it.each([
    ['关于平潭县2016年国民经济和社会发展计划执行情况及2017年国民经济和社会发展计划(草案)的报告', 'annual-plan-report'],
    ['关于高阳县2025年预算执行情况和2026年预算（草案）的报告', 'budget-report'],
    ['云南省国民经济和社会发展第十个五年计划纲要', 'five-year-plan'],
    ['湛河区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要', 'five-year-plan'],
    ['2022年保定市政府工作报告', 'government-work-report'],
    ['第六个五年计划的基本任务', null],
  ])('title %s → %s', (title, type) => {
    expect(typeOfName(title)).toBe(type);
  });

  it('reads the issuing notice and the structure', () => {
    expect(docTypeOfNotice(line('三门峡市湖滨区人民政府关于印发三门峡市湖滨区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要的通知'))?.value).toBe('five-year-plan');
    expect(docTypeOfStructure(lines('各位代表：', '现在，……', '一、2017年工作回顾'))).toMatchObject({ value: 'government-work-report', inferred: true });
  });
});

describe('the year when no date is stated (inferred)', () => {
  it.each([
    ['一、2019年工作回顾', 2020, 'review-year'],
    ['一、１９９４年国内工作的回顾'.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)), 1995, 'review-year'],
    ['首先报告2001年的工作', 2002, 'review-year'],
    ['刚刚过去的1984年，是我国各族人民……取得伟大成就的一年', 1985, 'review-year'],
    ['一、2024年国民经济和社会发展规划执行情况', 2025, 'execution-year'],
    ['2020年县政府工作总体要求和主要预期目标', 2020, 'plan-year'],
    ['二、2004年主要任务', 2004, 'plan-year'],
    ['我受国务院的委托，现在向大会提出关于1980、1981年国民经济计划安排的报告', 1980, 'plan-year'],
    ['本届政府从1 9 9 3 年3 月就职，到现在已经五年了', 1998, 'term-years'],
    ['一、“十一五”时期国民经济和社会发展的回顾', 2011, 'period-review-year'],
    ['“十四五”时期经济社会发展回顾', 2026, 'period-review-year'],
  ])('%s → %d', (text, year, rule) => {
    expect(inferredYearOf(line(text))).toMatchObject({ value: year, rule, inferred: true });
  });

  it('reads a yearless review heading with the year opening its first line, and the opening’s past year', () => {
    expect(inferredYearFrom(lines('一、去年工作回顾', '2005年，我国社会主义现代化事业取得显著成就。'))).toMatchObject({ value: 2006, rule: 'review-year' });
    expect(inferredYearFrom(lines('各位代表：', '1986年是开始执行第七个五年计划并取得显著成就的一年'))).toMatchObject({ value: 1987, rule: 'past-year' });
  });

  it('reads the year the opening names as a year of a plan period', () => {
    expect(inferredYearFrom(lines('今年是实行“七五”计划的头一年'))).toMatchObject({ value: 1986, rule: 'plan-period-year' });
    expect(inferredYearFrom(lines('今年是“十三五”规划的收官之年'))).toMatchObject({ value: 2020, rule: 'plan-period-year' });
    expect(inferredYearFrom(lines('2001年是进入新世纪、实施“十五”计划的第一年'))).toMatchObject({ value: 2001, rule: 'plan-year' });
  });

  it('reads how long the plan a report is on has run: its first year from the formula, the years from the text', () => {
    const AGRICULTURE = '向大会作关于一九五六年到一九六七年全国农业发展纲要的执行情况和争取提前实现这个纲要的报告';
    const FYP6 = '现在，我代表国务院，作关于我国国民经济和社会发展第六个五年计划的报告，请大会审议';
    const text = lines('全国农民和全国人民为执行农业发展纲要而努力，到现在已经四年了。', '下面我首先说一下农业发展纲要在过去四年中执行的情况。');
    expect(planExecutionYear(AGRICULTURE, text)).toMatchObject({ value: 1960, rule: 'plan-execution-years', text: '纲要在过去四年中执行', start: text[1].start + text[1].text.indexOf('纲要在'), inferred: true });
    expect(planExecutionYear(AGRICULTURE, lines('总之，全国农业发展纲要四年来实际执行的结果是：'))).toMatchObject({ value: 1960 });
    // 近两年: not yet two years, 1981 + 1
    expect(planExecutionYear(FYP6, lines('第六个五年计划已经执行了近两年，这里把前两年执行的情况向各位代表作如下的报告。'))).toMatchObject({ value: 1982 });
    expect(planExecutionYear('我代表市人民政府，作关于“十四五”规划纲要实施中期评估的报告', lines('“十四五”规划纲要实施两年多来，全市上下……'))).toMatchObject({ value: 2023 });
  });

  it.each([
    ['我代表国务院，作政府工作报告', '纲要在过去四年中执行的情况', 'the formula names no plan'],
    ['作关于一九五六年到一九六七年全国农业发展纲要的执行情况…的报告', '从一九八一年到本世纪末的二十年内力争实现我国工农业年总产值翻两番', 'no time the plan has run'],
    ['作关于我国国民经济和社会发展第六个五年计划的报告', '我们要在今后三年内全面实现第六个五年计划', 'years to come are not years run'],
  ])('%s / %s → no year (%s)', (formula, text) => {
    expect(planExecutionYear(formula, lines(text))).toBeNull();
  });

  it('reads the year of a work report in its title', () => {
    expect(titleYearOf(line('高阳县2018年政府工作报告'))?.value).toBe(2018);
    expect(titleYearOf(line('关于平潭县2016年国民经济和社会发展计划执行情况'))).toBeNull();
  });
});

describe('sessions of a people’s congress', () => {
  it('reads the term and session, local and national', () => {
    expect(sessionOf(line('2018年1月31日在高阳县第十七届人民代表大会第二次会议上'))?.value).toEqual({ body: '高阳县', term: 17, session: 2, national: false });
    expect(sessionOf(line('闫继红在保定市十六届人大七次会议上的政府工作报告'))?.value).toMatchObject({ term: 16, session: 7, national: false });
    const npc = sessionOf(line('向第一届全国人民代表大会第二次会议提出'))!.value;
    expect(npc).toMatchObject({ term: 1, session: 2, national: true });
    expect(npcSessionYear(npc)).toBe(1955);
    expect(npcSessionYear({ body: '全国', term: 4, session: null, national: true })).toBe(1975);
    expect(npcSessionYear({ body: '全国', term: 2, session: 3, national: true })).toBe(1962); // no session in 1961
  });

  it('reads the current, the last and the term’s first session', () => {
    expect(relativeSessionYear(line('我们第一届全国人民代表大会第一次会议，在听了'), '')).toMatchObject({ value: 1954 });
    expect(relativeSessionYear(line('从去年三月第五届全国人民代表大会第一次会议闭幕到我们这次会议召开'), '')).toMatchObject({ value: 1979 });
    expect(relativeSessionYear(line('第十届全国人民代表大会第一次会议以来的五年'), '过去五年工作回顾')).toMatchObject({ value: 2008 });
    expect(relativeSessionYear(line('基本上完成了八届全国人大二次会议确定的任务'), '')).toBeNull();
  });

  it('reads a session a State Council report dates from the present, anywhere in its text (1982: 去年五届人大四次会议)', () => {
    const text = '我们要在今后三年内全面实现第六个五年计划，就其中的经济发展计划来说，关键在于按照去年五届人大四次会议和今年党的十二大的精神';
    expect(datedSessionYear(line(text, 100))).toMatchObject({ value: 1982, rule: 'npc-session-last-year', text: '去年五届人大四次会议', start: 100 + text.indexOf('去年五届'), inferred: true });
    expect(datedSessionYear(line('今年三月第十四届全国人民代表大会第二次会议通过的'))).toMatchObject({ value: 2024, rule: 'npc-session-this-year', text: '今年三月第十四届全国人民代表大会第二次会议' });
  });

  it.each([
    ['在五届人大四次会议上，国务院在政府工作报告中提出了', 'no 去年/今年: the session is not dated from the present'],
    ['按照去年保定市十六届人大七次会议的部署', 'a local session: no table of years'],
    ['去年县十七届人大二次会议以来', 'a local session, its body abbreviated'],
    ['去年第十五届全国人民代表大会第一次会议', 'a term the table does not hold yet'],
  ])('%s → no year (%s)', (text) => {
    expect(datedSessionYear(line(text))).toBeNull();
  });
});

describe('not a plan document', () => {
  const header = ['标题：高阳县2006年政府工作报告', '发文单位：高阳县人民政府', '发文时间：2006-01', '正文：'];
  it('a header with no body', () => {
    const { body } = splitScraperHeader(lines(...header, '[内容来源：http://bd.mzfzw.net/news/show.asp?id=516]'));
    expect(notAPlanDocument(body)?.reason).toBe('no-body');
  });
  it('a short placeholder summary', () => {
    const { body } = splitScraperHeader(
      lines(...header, '2006年高阳县经济社会发展主要情况：', '一、纺织产业发展', '年产毛巾约35-38万吨，继续保持全国最大的毛巾产销基地地位。纺织企业达2000余家。', '2006年工作重点：', '（一）推进纺织产业转型升级。'),
    );
    expect(notAPlanDocument(body)?.reason).toBe('too-short');
  });
  it('a summary in the collector’s layout, however long its lines', () => {
    const item = '全市生产总值保持稳定增长，固定资产投资持续扩大，社会消费品零售总额稳步提升，城乡居民收入持续增长，生态环境质量明显改善。';
    const summary = lines('2015年工作回顾：', ...Array(8).fill(item), '2016年工作安排：', ...Array(8).fill(item), '重点工作：', '（一）推进产业转型升级。');
    expect(notAPlanDocument(summary)?.reason).toBe('summary-layout');
    // lead-in sentences of a real excerpt are no labels (高阳县 2020: 今年政府工作的总体要求是：)
    const excerpt = lines('今年政府工作的总体要求是：', ...Array(8).fill(item), '全县经济社会发展主要预期目标是：', ...Array(8).fill(item));
    expect(notAPlanDocument(excerpt)).toBeNull();
  });
  it('a page in another language that lists reports by their Chinese titles (a README of a collection)', () => {
    const row = 'The file holds the verbatim content of the record: 2024年中华人民共和国国务院政府工作报告, with a license footer and broken links; 各位代表，现在我代表国务院向大会报告政府工作，请予审议。';
    expect(notAPlanDocument(lines(...Array(30).fill(row)))?.reason).toBe('other-language');
  });
  it('news about the session opening', () => {
    const news = '本报讯 县第十八届人民代表大会第三次会议今天上午在县会议中心隆重开幕。大会听取和审议了县长所作的政府工作报告，审查了计划和预算报告。'.repeat(12);
    expect(notAPlanDocument(lines(news))?.reason).toBe('session-news');
  });
  it('a short text under its own plan title with a 章 structure is a plan (an excerpt); a header’s claim is not enough', () => {
    const excerpt = lines('某区国民经济和社会发展第十四个五年规划纲要', '第一章 发展基础', '正文。', '第二章 主要任务', '正文。');
    expect(notAPlanDocument(excerpt, { titled: true })).toBeNull();
    expect(notAPlanDocument(excerpt, { titled: false })).not.toBeNull();
  });
  it('a real report, even an excerpt or a whole body on one line with chrome, is not flagged', () => {
    const report = '现在，我代表县人民政府，向大会报告工作，请予审议。过去一年，全县生产总值增长6.5%，一般公共预算收入增长8%，城乡居民收入稳步提高。'.repeat(20);
    expect(notAPlanDocument(lines(report))).toBeNull();
    expect(notAPlanDocument(lines(`当前位置： 首页 政务公开 ${report}`, '[打印本页]', '冀ICP备05019657号-1'))).toBeNull();
  });
});

describe('cheap tests before the regexes', () => {
  it('writesAYear is the regex (a year digit, whitespace, 年) by a native search', () => {
    const plain = (t: string) => /[0-9〇○Ｏ零一二三四五六七八九]\s*年/.test(t);
    for (const t of ['', '年', '2020年', '2020 \t年', '二〇二〇年', '今年是“十四五”开局之年', '青年就业', '1年', 'x年2年', '十年', '五\u3000年', 'Ｏ年', '2020\n年']) expect(writesAYear(t)).toBe(plain(t));
  });

  it('printedLines keeps the lines split() and trim() would keep, with their offsets', () => {
    const plain = (text: string) => {
      const out: Array<{ text: string; start: number }> = [];
      let start = 0;
      for (const part of text.split('\n')) {
        if (part.trim().length > 0) out.push({ text: part, start });
        start += part.length + 1;
      }
      return out;
    };
    for (const text of ['', '\n', 'a', 'a\n', '\na\n\n b \n\u3000\n\t\r\nc', '标题\r\n正文\n\ufeff\n末行']) {
      expect(printedLines(text, (o) => o + 100)).toEqual(plain(text).map((l) => ({ ...l, rawStart: l.start + 100 })));
    }
  });
});
