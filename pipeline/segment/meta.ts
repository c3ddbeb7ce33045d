import type { DocType, Meta, Paragraph } from '../../schemas/document.js';
import type { Block } from '../types.js';
import { displayWidth } from '../../core/text/chars.js';
import { parseNumeral } from '../../core/text/chinese-numerals.js';
import { DATE_LINE } from './front-matter.js';
import type { DocContext } from '../../core/context.js';
import { decideMeta } from './meta/decide.js';
import { fiveYearPeriod } from './meta/five-year-period.js';
import type { MetaInput } from './meta/input.js';

export type { MetaInput } from './meta/input.js';

/** Words that make a line part of a document's title. */
const TITLE_WORD = /(?:纲要|规划|计划|报告|方案|意见|决定|通知|公报)/;
const TITLE_START = /(?:国民经济|政府工作|规划|纲要|报告|计划|关于)/;

/** The title: consecutive short cover lines that together name the document; else the first 《…》 of the text. */
export function findTitle(allCover: readonly Block[], lead: ReadonlyArray<Pick<Paragraph, 'text'>>): string | null {
  // lines after the address to the deputies (各位代表：) are the speech, not its title
  const address = allCover.findIndex((b) => /^各位代表[：:！!，,]/.test(b.text));
  const cover = address >= 0 ? allCover.slice(0, address) : allCover;
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

export { fiveYearPeriod };

export function periodOf(title: string | null, docType: DocType): { start: number; end: number } | null {
  if (docType !== 'five-year-plan' || !title) return null;
  const m = /第([一二三四五六七八九十]{1,3}|\d{1,2})个?五年/.exec(title) ?? /“?([一二三四五六七八九十]{1,3})五”?规划/.exec(title);
  if (!m) return null;
  const n = parseNumeral(m[1]);
  return n === null ? null : fiveYearPeriod(n);
}

const OFFICE = '(?:总理|副总理|省长|副省长|市长|副市长|区长|副区长|县长|副县长|旗长|州长|主任|副主任|局长|书记)';
const OFFICE_AND_NAME = new RegExp(`^(.*?)(${OFFICE})([\\p{Script=Han}·]{2,4})$`, 'u');
const OFFICE_ONLY = new RegExp(`^(.*?)(${OFFICE})$`, 'u');
const ORGANIZATION = /^[\p{Script=Han}]{2,30}(?:人民政府|委员会|政府办公室|办公室|局|委|厅|政府)$/u;

/** Speaker and issuer, and the index of the line they were read from (with the next line too when the name stands on it). */
export function speakerOf(blocks: readonly { text: string }[]): { speaker: Meta['speaker']; issuer: string | null; at: number | null; lines: number } {
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i].text.replace(/\s+/g, '');
    const m = OFFICE_AND_NAME.exec(t);
    if (m && displayWidth(t) <= 50) return { speaker: { title: m[2], name: m[3] }, issuer: m[1] || null, at: i, lines: 1 };
    // office on one line, name on the next (国务院总理 / 李克强)
    const office = OFFICE_ONLY.exec(t);
    const next = blocks[i + 1]?.text.replace(/\s+/g, '');
    if (office && next && /^[\p{Script=Han}·]{2,4}$/u.test(next)) return { speaker: { title: office[2], name: next }, issuer: office[1] || null, at: i, lines: 2 };
  }
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i].text.replace(/\s+/g, '');
    if (ORGANIZATION.test(t) && !/会议|文件/.test(t)) return { speaker: null, issuer: t, at: i, lines: 1 };
  }
  return { speaker: null, issuer: null, at: null, lines: 0 };
}

/** The document's metadata with its evidence: each field from the strongest signal that gives it (see meta/). */
export function buildMeta(input: MetaInput, doc?: DocContext): Meta {
  return decideMeta(input, {
    title: findTitle(input.cover, input.leadParagraphs) ?? input.fallbackTitle ?? null,
    period: periodOf,
    // the speaker line as printed (unwrapping may have joined it to the date line); else the cover blocks
    people: (opening) => speakerOf(opening ?? [...input.cover, ...input.front]),
    report: doc ? (code, message, source) => doc.report('warning', code, message, source) : undefined,
  });
}
