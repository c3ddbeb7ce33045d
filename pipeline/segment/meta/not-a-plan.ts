import type { TextLine } from './hit.js';
import { letterCounts } from './letter-counts.js';

/**
 * Inputs that are not a plan or report at all though they claim to be: a header with no body, a
 * page of another website, a short placeholder summary, a news item about the session opening.
 * Decided from the text itself — the amount of running prose left once site chrome is set aside,
 * and what that prose is — never from the file name or a header's claims.
 */

/** Site chrome and page furniture lines: copyright, ICP, navigation, counters. */
const CHROME = /ICP|All Rights Reserved|Copyright|版权所有|主办[：:单]|承办|网站(?:地图|标识码)|公网安备|备案号|联系方式|打印本页|关闭窗口|浏览次数|添加时间|发布时间|信息发布人|责任编辑|来源[：:]|严正声明|法律声明|关于本站|当前位置|分享到|^\s*[|｜]\s*$|^\s*\[[^\]]*\]\s*$|^标签[：:]|^#/;

/** Sentence punctuation: a line with it and some length is running prose. */
const SENTENCE_PUNCT = /[，。；：！？]/;

/** Below this many Han characters of prose no text is a report (the shortest real excerpt in the test corpora has ~900). */
export const MIN_PROSE = 600;

/** Only a text with less prose than this can be a news item about the session, or (SUMMARY_MAX) a collector's summary. */
const SESSION_NEWS_MAX = 4000;
const SUMMARY_MAX = 3000;

export interface NotAPlan {
  reason: 'no-body' | 'too-short' | 'other-language' | 'session-news' | 'summary-layout';
  message: string;
  prose: number;
}

/**
 * titled: the text opens with its own title line naming a plan or report (not a scraper header's claim);
 * such a text with a 篇/章 structure is a plan, however short (an excerpt).
 */
export function notAPlanDocument(body: readonly TextLine[], options: { titled?: boolean } = {}): NotAPlan | null {
  if (options.titled && body.filter((l) => /^\s*第[一二三四五六七八九十百]+[篇章]/.test(l.text)).length >= 2) return null;
  const content = body.filter((l) => !(l.text.length < 120 && CHROME.test(l.text)));
  // prose: the Chinese characters of the lines besides chrome, once the text has some sentences (a line with sentence punctuation and 15 of them) at all
  let all = 0;
  let sentences = 0;
  let latin = 0; // ASCII letters, for the language check below
  for (const l of content) {
    const n = letterCounts(l.text);
    all += n.han;
    latin += n.latin;
    if (n.han >= 15 && SENTENCE_PUNCT.test(l.text)) sentences++;
  }
  const prose = sentences > 0 ? all : 0;
  if (all < 50) return { reason: 'no-body', prose, message: `no body: ${all} Chinese characters besides site chrome` };
  if (prose < MIN_PROSE) return { reason: 'too-short', prose, message: `only ${prose} Chinese characters of running prose: a placeholder, a page of another site or a header, not a plan or report` };
  // a page written in another language that quotes Chinese titles (a README or catalogue of reports)
  if (latin > all) return { reason: 'other-language', prose, message: `written mostly in another language (${latin} Latin letters, ${all} Chinese characters): a page about plans or reports, not one` };
  // the two layouts below are short texts
  if (prose >= SESSION_NEWS_MAX) return null;
  const text = content.map((l) => l.text).join('\n');
  const firstPerson = /我(?:现在)?代表|我受|各位代表/.test(text);
  // a news item about the session opening reports on the report in the third person and says the session opened
  if (/开幕/.test(text) && /(?:听取|审议|作)[^。]{0,20}政府工作报告/.test(text) && !firstPerson) {
    return { reason: 'session-news', prose, message: 'a news item about the session opening, not the report itself' };
  }
  // a summary in a collector's layout: short, nobody speaking, parts as colon-ended labels (2015年工作回顾： / 重点工作：)
  // (a lead-in sentence of a real text, 总体要求是： / 预期目标如下：, is no label)
  const labels = content.filter((l) => /^\s*[^，。；：:]{2,24}[：:]\s*$/.test(l.text) && !/(?:是|为|如下|包括|有)\s*[：:]\s*$/.test(l.text)).length;
  if (prose < SUMMARY_MAX && labels >= 2 && !firstPerson) {
    return { reason: 'summary-layout', prose, message: `a short summary in a collector's layout (${labels} colon-ended part labels, nobody speaking), not the report itself` };
  }
  return null;
}
