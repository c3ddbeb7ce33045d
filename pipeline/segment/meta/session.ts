import { parseNumeral } from '../../../core/text/chinese-numerals.js';
import { npcSessionYears } from '../../../core/npc-sessions.js';
import { hitAt, type Hit, type TextLine } from './hit.js';

/** A people's congress session named in the text: 保定市第十五届人民代表大会第五次会议, 市十六届人大七次会议. */
export interface Session {
  /** what stands before the term number: 保定市, 全国, 市, '' */
  body: string;
  term: number;
  /** null when the session number is not given (向第四届全国人民代表大会作…) */
  session: number | null;
  national: boolean;
}

const N = '([一二三四五六七八九十\\d]{1,3})';
const SESSION = new RegExp(`([\\p{Script=Han}]{0,16}?)第?${N}届(全国)?(?:人民代表大会|人大)(?:第?${N}次(?:会议|全体会议))?`, 'u');

export function sessionOf(line: TextLine): Hit<Session> | null {
  return sessionsOf(line)[0] ?? null;
}

/** Every session named in a line. */
export function sessionsOf(line: TextLine): Hit<Session>[] {
  const out: Hit<Session>[] = [];
  const re = new RegExp(SESSION.source, 'gu');
  for (let m = re.exec(line.text); m; m = re.exec(line.text)) {
    const h = sessionHit(line, m);
    if (h) out.push(h);
  }
  return out;
}

function sessionHit(line: TextLine, m: RegExpExecArray): Hit<Session> | null {
  const term = parseNumeral(m[2]);
  if (term === null) return null;
  const session = m[4] ? parseNumeral(m[4]) : null;
  // the place part of the words before: what follows the last function word (从去年三月在保定市 → 保定市)
  let body = m[1].replace(/^.*(?:在|向|于|从|自|去年|今年|月|我们|本次|这次|出席|召开的|的)/, '');
  if (m[3]) body = body.replace(/全国$/, '');
  // the hit starts at the term (第十五届…): callers read the words before it as context (从去年三月…, 我们…)
  const skip = m[1].length;
  return hitAt(line, { index: m.index + skip, 0: m[0].slice(skip) }, { body: m[3] ? '全国' : body, term, session, national: Boolean(m[3]) }, 'congress-session');
}

/** The year a session of the National People's Congress met (the first session when none is named), from data/npc-sessions.json. */
export function npcSessionYear(s: Session): number | null {
  if (!s.national) return null;
  return npcSessionYears().get(s.term)?.[(s.session ?? 1) - 1] ?? null;
}

/**
 * The year of a State Council report told by how it refers to a session of the National People's
 * Congress in its opening, when it states no date:
 * - the current session: 我们第一届全国人民代表大会第一次会议 / 向第六届…第一次会议作政府工作报告 → that year;
 * - the last one: 从去年三月第五届全国人民代表大会第一次会议闭幕到我们这次会议召开 → the year after;
 * - the start of the term: 第十届全国人民代表大会第一次会议以来的五年, 从第二届…第一次会议以来 (with 五年来) → five years on.
 */
export function relativeSessionYear(line: TextLine, opening: string): Hit<number> | null {
  for (const h of sessionsOf(line)) {
    const y = npcSessionYear(h.value);
    if (y === null) continue;
    const at = h.start - line.start;
    const before = line.text.slice(Math.max(0, at - 8), at);
    const after = line.text.slice(at + h.text.length, at + h.text.length + 30);
    if (/去年[^，。]{0,4}$/.test(before)) return { ...h, value: y + 1, rule: 'npc-session-last-year', inferred: true };
    if (/^(?:以来|，?到)/.test(after) && /五年来|过去五年|以来的五年|过去了五年|五年中/.test(opening)) return { ...h, value: y + 5, rule: 'npc-session-term', inferred: true };
    if (/(?:我们|本次|这次)(?:的)?$/.test(before)) return { ...h, value: y, rule: 'npc-session', inferred: true };
    // 根据一九八三年六月第六届…第一次会议的决议 … 一年来
    if (/^的决议/.test(after) && /一年来/.test(opening)) return { ...h, value: y + 1, rule: 'npc-session-last-year', inferred: true };
  }
  return null;
}

/**
 * A session of the National People's Congress that a State Council report dates from the present,
 * anywhere in its text: 按照去年五届人大四次会议和今年党的十二大的精神 → the year after the 4th
 * session (1981), 1982; 今年…第X届全国人大第Y次会议 → the session's year. In a State Council report a
 * session named without a body (五届人大四次会议) is the National People's Congress's. Only for
 * national reports: in a local report a national session is another body's calendar, and a local
 * session has no table of years.
 */
export function datedSessionYear(line: TextLine): Hit<number> | null {
  for (const h of sessionsOf(line)) {
    const s = h.value.body === '' ? { ...h.value, national: true } : h.value;
    const y = npcSessionYear(s);
    if (y === null) continue;
    const at = h.start - line.start;
    const rel = /(去年|今年)[^，。；、]{0,4}$/.exec(line.text.slice(Math.max(0, at - 8), at));
    if (!rel) continue;
    const from = at - (rel.input.length - rel.index);
    return hitAt(line, { index: from, 0: line.text.slice(from, at + h.text.length) }, rel[1] === '去年' ? y + 1 : y, rel[1] === '去年' ? 'npc-session-last-year' : 'npc-session-this-year', { inferred: true });
  }
  return null;
}
