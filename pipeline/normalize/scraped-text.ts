/**
 * Text scraped from government web pages: a collector's header (标题: … 发布时间: … ==== 正文 ====),
 * page chrome around the article (当前位置 breadcrumbs, 微信 微博 QQ空间 share links, 来源：… 附件下载),
 * and a body that lost its line breaks: the whole document on one line, paragraphs separated by
 * runs of spaces or by literal "\r\n" escapes, headings run into the text (…目标。第二章 …).
 *
 * The chrome goes as logged removals; every restored break is a layout edit at its raw position.
 */
import type { DocContext } from '../../core/context.js';
import type { Edit, MappedText } from '../../core/provenance/mapped-text.js';

/** A line as long as this with no break is a run-together body, not a long paragraph. */
const RUN_TOGETHER_CHARS = 1500;
const SENTENCES_IN_RUN = 10;

/** "标题: …", "发文单位：…": a collector's header field. */
const HEADER_FIELD = /^[\u4e00-\u9fff]{2,6}(?:URL|url)?\s*[:：]/;
/**
 * The line that ends a scraper's header. (A hand-made "…正文：" header, as in the Baoding files, is
 * left to the metadata reader: its 发文单位 and 报告人 lines are what names the region and speaker.)
 */
const HEADER_END = /^\s*=+\s*正文\s*=+\s*$/;
const MAX_HEADER_LINES = 14;

export interface ScraperHeader {
  /** field name → value as printed (标题 → 平潭综合实验区…纲要) */
  fields: Record<string, string>;
  /** raw-text end of the header (the text after 正文) */
  end: number;
}

/**
 * The collector's header at the start of the text: at least two "名称: 值" lines (a few other lines,
 * like "页面链接…详见 links.tsv", may sit among them) ended by a 正文 line. Null when there is none.
 */
export function scraperHeader(text: string): ScraperHeader | null {
  const fields: Record<string, string> = {};
  let offset = 0;
  let fieldCount = 0;
  for (let i = 0; i < MAX_HEADER_LINES && offset < text.length; i++) {
    const nl = text.indexOf('\n', offset);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(offset, lineEnd);
    if (HEADER_END.test(line)) return fieldCount >= 2 ? { fields, end: nl === -1 ? text.length : nl + 1 } : null;
    const m = HEADER_FIELD.exec(line.trim());
    if (m) {
      fieldCount++;
      const name = m[0].replace(/\s*[:：]$/, '');
      fields[name] ??= line.trim().slice(m[0].length).trim();
    } else if (i === 0) {
      return null;
    }
    offset = lineEnd + 1;
  }
  return null;
}

/** Breadcrumbs and share links of a page's top: from 当前位置 to the last chrome word before the article. */
const TOP_CHROME_START = /^\s*当前位置\s*[:：]/;
const CHROME_WORDS = /(?:QQ空间|微信|微博|分享到[:：]?|【?打印(?:本页)?】?|【?关闭(?:窗口)?】?|字号[:：]?\s*[大中小](?:\s*[大中小]){0,2}|浏览次数[:：]?\s*\d*|时间[:：]\s*[\d\-: ]+)/g;
const TOP_CHROME_WINDOW = 400;
/** The end of a page: 来源：…, 附件下载, 打印 关闭, 主办单位… after the article's last sentence. */
const BOTTOM_CHROME = /^\s*(?:来源\s*[:：]|附件下载|【?打印|【?关闭窗口|分享到|主办单位|版权所有|责任编辑)/;
const BOTTOM_CHROME_WINDOW = 300;

function chromeEdits(text: string, from: number): Edit[] {
  const edits: Edit[] = [];
  const top = TOP_CHROME_START.exec(text.slice(from, from + 50));
  if (top) {
    const window = text.slice(from, from + TOP_CHROME_WINDOW);
    let end = -1;
    for (const m of window.matchAll(CHROME_WORDS)) if (!/[。！？]/.test(window.slice(0, m.index))) end = m.index + m[0].length;
    if (end > 0) {
      while (/\s/.test(text[from + end] ?? '')) end++;
      edits.push({ start: from, end: from + end, replacement: '', rule: 'furniture/page-chrome', kind: 'removal' });
    }
  }
  // the tail after the last sentence, when it starts with a chrome word
  const lastSentence = Math.max(text.lastIndexOf('。'), text.lastIndexOf('！'), text.lastIndexOf('？'), text.lastIndexOf('”'));
  const tailStart = lastSentence + 1;
  if (lastSentence > from && text.length - tailStart <= BOTTOM_CHROME_WINDOW && BOTTOM_CHROME.test(text.slice(tailStart))) {
    let start = tailStart;
    while (start < text.length && /[ \t\u3000]/.test(text[start])) start++;
    const end = text.trimEnd().length;
    if (end > start) edits.push({ start, end, replacement: '', rule: 'furniture/page-chrome', kind: 'removal' });
  }
  return edits;
}

/** Remove the collector's header and the page chrome around the article; the header's fields become evidence. */
export function removeScraperChrome(mt: MappedText, doc: DocContext): MappedText {
  const header = scraperHeader(mt.text);
  const edits: Edit[] = [];
  if (header) {
    edits.push({ start: 0, end: header.end, replacement: '', rule: 'furniture/scraper-header', kind: 'removal' });
    for (const [name, value] of Object.entries(header.fields)) {
      if (value === '' || !/^(?:标题|发布时间|发文时间|发文单位|发布机构|报告人)$/.test(name)) continue;
      const at = mt.text.indexOf(value);
      const span = doc.span(mt.starts[at], mt.ends[at + value.length - 1]);
      doc.report('info', 'scraper-field', `${name}: ${value} (from the collector's header, kept as metadata evidence)`, span, { actual: value, expected: name });
    }
  }
  // chrome is looked for only on a scraped page: after a collector's header or in a run-together body
  if (header || longestLine(mt.text) >= RUN_TOGETHER_CHARS) edits.push(...chromeEdits(mt.text, header?.end ?? 0));
  return doc.edit(mt, edits);
}

function longestLine(text: string): number {
  let max = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', i + 1)) {
    const end = i === -1 ? text.length : i;
    max = Math.max(max, end - start);
    if (i === -1) return max;
    start = i + 1;
  }
}

const HAN_OR_PUNCT = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…·]/;
/** A heading marker that a space separates from its title: 第一章 发展基础, 专栏1 …, 表2 … */
const MARKER_BEFORE = /(?:第[〇零一二三四五六七八九十百\d]+[篇章节部]|专栏\s*\d+|表\s*\d+|附件\s*\d*)$/;
/** Where a heading or item starts inside running text, right after a sentence ends. */
const RUN_IN_START = /(?<=[。！？；”）])(?=第[一二三四五六七八九十百]+[篇章节]\s|专栏\s*\d+\s|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|——(?!\d))/g;
/** A table-of-contents entry ends with a dot leader and a page number. */
const TOC_ENTRY_END = /(?:\.{2,}|…{2,}|·{2,})\s*\d{1,3}(?=\s*[^\d\s.…·])/g;
/** A table-of-contents entry: marker, title, leader, page. */
const TOC_ENTRY = /(第[〇零一二三四五六七八九十百]+[篇章节])\s*([^.…·\d\s][^.…·]*?)\s*(?:\.{2,}|…{2,}|·{2,})\s*\d{1,3}/g;
/** A table run into the text: from its header (序号 指标名称 …) to its note (注：) or the next heading. */
const TABLE_START = /(?:分类|类别|领域)?\s*序号\s*(?:指标|项目)/g;
const TABLE_END = /注\s*[:：]|(?<=[。])(?=第[一二三四五六七八九十百]+[篇章节]\s)/g;
/** One label of a table header run together (分类序号指标名称单位2020年2025年指标属性绝对值年均增速[累计]). */
const HEADER_LABEL = /^(?:\s+|分类|类别|领域|序号|指标名称|指标|计量单位|单位|(?:19|20)\d{2}年(?:目标|基数)?|指标属性|属性|绝对值|年均增速|年均增长|增速|[[［(（]累计[\]］)）]|目标值?|基期值|规划值)/;
/** Literal escapes a scraper left for line breaks. */
const ESCAPED_BREAK = /(?:\\r\\n|\\n|\\r)+/g;

/**
 * Breaks for a run-together line [start, end): whitespace runs next to Chinese text, literal
 * "\r\n" escapes, and zero-width breaks before run-in headings and after table-of-contents entries.
 */
export function runTogetherBreaks(text: string, start: number, end: number): Edit[] {
  const line = text.slice(start, end);
  const edits: Edit[] = [];
  const taken: Array<[number, number]> = [];
  const add = (a: number, b: number, rule: string): void => {
    if (taken.some(([x, y]) => a < y && b > x) || taken.some(([x, y]) => a === b && a >= x && a <= y)) return;
    taken.push([a, b]);
    edits.push({ start: start + a, end: start + b, replacement: '\n', rule, kind: 'layout' });
  };
  for (const m of line.matchAll(ESCAPED_BREAK)) add(m.index, m.index + m[0].length, 'layout/escaped-break');
  // a table's cells stay on one line (a space there is an empty cell); its note starts a line
  const tables: Array<[number, number]> = [];
  for (const m of line.matchAll(TABLE_START)) {
    if (tables.some(([x, y]) => m.index >= x && m.index < y)) continue;
    TABLE_END.lastIndex = m.index;
    const e = TABLE_END.exec(line);
    const end = e ? e.index : line.length;
    tables.push([m.index, end]);
    if (e && /^注/.test(e[0])) add(end, end, 'layout/table-note-break');
    // rows: the header's labels end where the first row starts; a row ends with its attribute
    let h = m.index;
    for (let t = HEADER_LABEL.exec(line.slice(h, end)); t && t[0].length > 0; t = HEADER_LABEL.exec(line.slice(h, end))) h += t[0].length;
    if (h > m.index && h < end) add(h, h, 'layout/table-row-break');
    for (const r of line.slice(h, end).matchAll(/(?:预期性|约束性)(?=\s*\S)/g)) add(h + r.index + r[0].length, h + r.index + r[0].length, 'layout/table-row-break');
  }
  // 目 录 前 言: single characters spaced out, two by two a word
  const spacedWords = new Set<number>();
  for (const m of line.matchAll(/(?<![^\s])[\u4e00-\u9fff](?: [\u4e00-\u9fff])+(?![^\s.…·])/g)) {
    for (let k = 1; k + 1 < m[0].length; k += 4) spacedWords.add(m.index + k);
  }
  for (const m of line.matchAll(/[ \t\u3000\u00a0]+/g)) {
    const a = m.index;
    const b = a + m[0].length;
    const before = line[a - 1] ?? '';
    const after = line[b] ?? '';
    if (a === 0 || b === line.length || tables.some(([x, y]) => a > x && a < y)) continue;
    // a dot leader after a table-of-contents title
    if (/^[.…·]{2,}/.test(line.slice(b))) continue;
    if (!HAN_OR_PUNCT.test(before) && !HAN_OR_PUNCT.test(after)) continue;
    // the space inside a marker's heading (第一章 发展基础) or a spaced two-character word (前 言, 目 录)
    if (MARKER_BEFORE.test(line.slice(Math.max(0, a - 12), a))) continue;
    if (spacedWords.has(a)) continue;
    add(a, b, 'layout/scraped-break');
  }
  for (const m of line.matchAll(TOC_ENTRY_END)) add(m.index + m[0].length, m.index + m[0].length, 'layout/toc-entry-break');
  // a heading the table of contents lists, run into the text on either side (…通道。第一节构筑… 人员…)
  let tocEnd = 0;
  const entries: string[] = [];
  for (const m of line.matchAll(TOC_ENTRY)) {
    entries.push(m[1] + m[2].trim());
    tocEnd = m.index + m[0].length;
  }
  for (const entry of new Set(entries)) {
    const [, marker, title] = /^(第[^篇章节]+[篇章节])(.*)$/.exec(entry) ?? [];
    if (!marker || title.length < 2) continue;
    const re = new RegExp(`${marker}\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g');
    for (const m of line.slice(tocEnd).matchAll(re)) {
      const a = tocEnd + m.index;
      const b = a + m[0].length;
      if (a > 0 && /[。！？；”]/.test(line[a - 1])) add(a, a, 'layout/run-in-break');
      if (b < line.length && !/\s/.test(line[b])) add(b, b, 'layout/run-in-break');
    }
  }
  for (const m of line.matchAll(RUN_IN_START)) add(m.index, m.index, 'layout/run-in-break');
  return edits.sort((x, y) => x.start - y.start || x.end - y.end);
}

/** Restore the line breaks of a body scraped onto one line (only lines that are far too long to be a paragraph). */
export function splitRunTogetherLines(mt: MappedText, doc: DocContext): MappedText {
  const edits: Edit[] = [];
  let start = 0;
  for (let i = mt.text.indexOf('\n'); ; i = mt.text.indexOf('\n', i + 1)) {
    const end = i === -1 ? mt.text.length : i;
    // only a line far too long for a paragraph is cut out and counted
    if (end - start >= RUN_TOGETHER_CHARS && (mt.text.slice(start, end).match(/[。！？]/g)?.length ?? 0) >= SENTENCES_IN_RUN) edits.push(...runTogetherBreaks(mt.text, start, end));
    if (i === -1) break;
    start = i + 1;
  }
  return doc.edit(mt, edits);
}
