import type { DocType, Meta, Paragraph, TocEntry } from '../../schemas/document.js';
import type { Block } from '../normalize/blocks.js';
import { displayWidth } from '../../core/text/chars.js';
import { parseNumeral } from '../../core/text/chinese-numerals.js';
import { DATE_LINE } from './front-matter.js';

export interface Region {
  province: string | null;
  city: string | null;
  county: string | null;
  code: string | null;
}

export interface MetaInput {
  cover: readonly Block[];
  front: readonly Block[];
  /** the first paragraphs of the body, for documents without a cover (title from the preface's first sentence) */
  leadParagraphs: readonly Paragraph[];
  toc: TocEntry[];
  region: Region;
  /** the last blocks of the document: a signature and a date often close it */
  closing?: readonly Block[];
  /** a title read outside the text (a scraper's 标题 field, removed as furniture): used when the text has none */
  fallbackTitle?: string | null;
}

/** Words that make a line part of a document's title. */
const TITLE_WORD = /(?:纲要|规划|计划|报告|方案|意见|决定|通知|公报)/;
const TITLE_START = /(?:国民经济|政府工作|规划|纲要|报告|计划|关于)/;

/** The title: consecutive short cover lines that together name the document; else the first 《…》 of the text. */
export function findTitle(cover: readonly Block[], lead: readonly Paragraph[]): string | null {
  let best: string | null = null;
  for (let i = 0; i < cover.length; i++) {
    const b = cover[i];
    if (/[。；：，]/.test(b.text) || displayWidth(b.text) > 120 || b.text.startsWith('——')) continue;
    if (!TITLE_START.test(b.text) && !TITLE_WORD.test(b.text)) continue;
    // join following short lines without punctuation (a title printed over several lines)
    let title = b.text;
    let j = i + 1;
    while (j < cover.length && !/[。；：，]/.test(cover[j].text) && !cover[j].text.startsWith('——') && !DATE_LINE.test(cover[j].text) && displayWidth(cover[j].text) <= 60 && !TITLE_WORD.test(title.slice(-4)) && !/(?:会议文件|人民政府|委员会)/.test(cover[j].text)) {
      title += cover[j].text;
      j++;
    }
    if (TITLE_WORD.test(title)) {
      best = title;
      break;
    }
  }
  if (best) return best;
  for (const p of lead.slice(0, 3)) {
    const m = /《([^》]{6,80}(?:纲要|规划|计划|报告))》/.exec(p.text);
    if (m) return m[1];
  }
  return null;
}

export function docTypeOf(title: string | null, cover: readonly Block[]): DocType {
  const text = [title ?? '', ...cover.slice(0, 8).map((b) => b.text)].join('\n');
  if (/政府工作报告/.test(text)) return 'government-work-report';
  if (/(?:计划|规划)(?:的)?执行情况|(?:计划|规划)(?:（草案）|\(草案\)|草案)的?报告/.test(text)) return 'annual-plan-report';
  if (/五年规划|远景目标纲要|规划纲要|五年计划/.test(title ?? '')) return 'five-year-plan';
  return 'other';
}

/** The nth five-year plan's years: the 3rd ran 1966–1970 and the sequence was regular from then on. */
export function fiveYearPeriod(n: number): { start: number; end: number } | null {
  if (n === 1) return { start: 1953, end: 1957 };
  if (n === 2) return { start: 1958, end: 1962 };
  if (n < 3 || n > 30) return null;
  const start = 1966 + 5 * (n - 3);
  return { start, end: start + 4 };
}

export function periodOf(title: string | null, docType: DocType): { start: number; end: number } | null {
  if (docType !== 'five-year-plan' || !title) return null;
  const m = /第([一二三四五六七八九十]{1,3}|\d{1,2})个?五年/.exec(title) ?? /“?([一二三四五六七八九十]{1,3})五”?规划/.exec(title);
  if (!m) return null;
  const n = parseNumeral(m[1]);
  return n === null ? null : fiveYearPeriod(n);
}

/** The date of issue or delivery: ——2021年3月2日在…会议上, or a date line of the cover or notice. */
export function dateOf(blocks: readonly Block[]): { date: string | null; year: number | null } {
  let year: number | null = null;
  for (const b of blocks) {
    const m = /^(?:——|—|-)?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(b.text) ?? DATE_LINE.exec(b.text);
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
        return { date: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, year: y };
      }
    }
    const ym = /^(\d{4})\s*年\s*(\d{1,2})\s*月$/.exec(b.text);
    if (ym && year === null) year = Number(ym[1]);
  }
  return { date: null, year };
}

const OFFICE = '(?:总理|副总理|省长|副省长|市长|副市长|区长|副区长|县长|副县长|旗长|州长|主任|副主任|局长|书记)';
const ORGANIZATION = /^[\p{Script=Han}]{2,30}(?:人民政府|委员会|政府办公室|办公室|局|委|厅|政府)$/u;

export function speakerOf(blocks: readonly Block[]): { speaker: Meta['speaker']; issuer: string | null } {
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i].text.replace(/\s+/g, '');
    const m = new RegExp(`^(.*?)(${OFFICE})([\\p{Script=Han}·]{2,4})$`, 'u').exec(t);
    if (m && displayWidth(t) <= 50) return { speaker: { title: m[2], name: m[3] }, issuer: m[1] || null };
    // office on one line, name on the next (国务院总理 / 李克强)
    const office = new RegExp(`^(.*?)(${OFFICE})$`, 'u').exec(t);
    const next = blocks[i + 1]?.text.replace(/\s+/g, '');
    if (office && next && /^[\p{Script=Han}·]{2,4}$/u.test(next)) return { speaker: { title: office[2], name: next }, issuer: office[1] || null };
  }
  for (const b of blocks) {
    const t = b.text.replace(/\s+/g, '');
    if (ORGANIZATION.test(t) && !/会议|文件/.test(t)) return { speaker: null, issuer: t };
  }
  return { speaker: null, issuer: null };
}

export function buildMeta(input: MetaInput): Meta {
  const title = findTitle(input.cover, input.leadParagraphs) ?? input.fallbackTitle ?? null;
  const docType = docTypeOf(title, input.cover);
  let dated = dateOf([...input.front, ...input.cover]);
  if (dated.date === null) {
    // a date line closing the document (…会议秘书处 / 2021年2月21日): the date of issue
    const closing = (input.closing ?? []).filter((b) => DATE_LINE.test(b.text));
    const last = closing.length > 0 ? dateOf(closing.slice(-1)) : null;
    if (last?.date && (dated.year === null || last.year === dated.year)) dated = last;
  }
  const people = speakerOf([...input.cover, ...input.front]);
  return {
    title,
    docType,
    region: input.region,
    period: periodOf(title, docType),
    year: dated.year,
    date: dated.date,
    speaker: people.speaker,
    issuer: people.issuer,
    toc: input.toc,
  };
}
