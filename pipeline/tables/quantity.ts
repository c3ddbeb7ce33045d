import type { Quantity } from '../../schemas/table.js';
import { compactText } from './cell-text.js';

/** A quantity as read from its text alone: no source, no merge flag, no bracket meaning yet. */
export type ParsedQuantity = Omit<Quantity, 'source' | 'merged' | 'period'>;

const NUM = String.raw`[-+]?\d+(?:,\d{3})*(?:\.\d+)?`;
const PCT = String.raw`(?:\s*[%‰])?`;
const ABOUT_SUFFIX = '左右';
const AT_LEAST_SUFFIX = '(?:及以上|以上)';
const AT_MOST_SUFFIX = '(?:及以下|以下|以内)';

const re = (body: string): RegExp => new RegExp(`^${body}$`, 'u');

const NUMBER = re(`(${NUM})${PCT}`);
const SUFFIXED = re(`(${NUM})${PCT}\\s*(${ABOUT_SUFFIX}|${AT_LEAST_SUFFIX}|${AT_MOST_SUFFIX})`);
const PREFIX_AT_LEAST = re(`(?:≥|>=|＞=|≧|不低于|不少于|大于等于|>|＞|高于|超过)\\s*(${NUM})${PCT}`);
const PREFIX_AT_MOST = re(`(?:≤|<=|＜=|≦|不高于|不超过|不大于|小于等于|控制在|<|＜|低于)\\s*(${NUM})${PCT}\\s*${AT_MOST_SUFFIX}?`);
const PREFIX_ABOUT = re(`(?:约|大约|左右)\\s*(${NUM})${PCT}`);
/** 14/10万以下, 13/10 万, 3/千 */
const RATE = re(`(${NUM})\\s*[/／]\\s*(\\d+(?:\\.\\d+)?\\s*[十百千万亿]*|[十百千万亿]+)\\s*(${ABOUT_SUFFIX}|${AT_LEAST_SUFFIX}|${AT_MOST_SUFFIX})?`);
const BRACKETED = re(`[\\[［【〔]\\s*(.+?)\\s*[\\]］】〕]`);
const ESTIMATE = re(`(?:预计|预估|估计|预测)\\s*(.+)`);
const NONE = re(`[—–―\\-－‐−_/／\\s]*`);

function toNumber(s: string): number {
  return Number(s.includes(',') ? s.replace(/,/g, '') : s);
}

function qualifierOf(suffix: string): 'about' | 'atLeast' | 'atMost' {
  if (suffix === ABOUT_SUFFIX) return 'about';
  return /以上/.test(suffix) ? 'atLeast' : 'atMost';
}

/**
 * The quantity grammar of indicator cells. `raw` is kept as given; numbers become numbers.
 *   7.5, -11.59 → number · 7左右 → about · 40 以上, ≥83 → atLeast · 4.5以下, 5 以内, ≤3 → atMost
 *   14/10万以下 → rate (denominator 10万, atMost) · [5] → bracketed (meaning set from the table note)
 *   预计 2.5 → estimate · —, —— → none · anything else (按市定目标执行, 完成市定 目标) → text
 */
export function parseQuantity(raw: string): ParsedQuantity {
  const s = raw.trim();
  let m: RegExpMatchArray | null;
  if (NONE.test(s)) return { raw, kind: 'none' };
  if ((m = s.match(NUMBER))) return { raw, kind: 'number', value: toNumber(m[1]) };
  if ((m = s.match(SUFFIXED))) {
    const q = qualifierOf(m[2]);
    return { raw, kind: q, value: toNumber(m[1]), qualifier: q };
  }
  if ((m = s.match(PREFIX_AT_LEAST))) return { raw, kind: 'atLeast', value: toNumber(m[1]), qualifier: 'atLeast' };
  if ((m = s.match(PREFIX_AT_MOST))) return { raw, kind: 'atMost', value: toNumber(m[1]), qualifier: 'atMost' };
  if ((m = s.match(PREFIX_ABOUT))) return { raw, kind: 'about', value: toNumber(m[1]), qualifier: 'about' };
  if ((m = s.match(RATE))) {
    const q: ParsedQuantity = { raw, kind: 'rate', value: toNumber(m[1]), denominator: m[2].replace(/\s+/g, '') };
    if (m[3] !== undefined) q.qualifier = qualifierOf(m[3]);
    return q;
  }
  if ((m = s.match(BRACKETED))) {
    const inner = parseQuantity(m[1]);
    const q: ParsedQuantity = { raw, kind: 'bracketed' };
    if (inner.value !== undefined) q.value = inner.value;
    if (inner.denominator !== undefined) q.denominator = inner.denominator;
    if (inner.kind === 'text') q.text = inner.text;
    return q;
  }
  if ((m = s.match(ESTIMATE))) {
    const inner = parseQuantity(m[1]);
    if (inner.value !== undefined) {
      const q: ParsedQuantity = { raw, kind: 'estimate', value: inner.value, qualifier: 'estimate' };
      if (inner.denominator !== undefined) q.denominator = inner.denominator;
      return q;
    }
  }
  return { raw, kind: 'text', text: compactText(s) };
}

