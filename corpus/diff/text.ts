/**
 * Character/word-level hunks for a changed text: CJK text is compared character by character,
 * runs of Latin letters and numbers (7.5, 2025, GDP) as whole tokens.
 */
import { alignKeys, gaps } from './align.js';
import type { TextEdit } from './types.js';

const TOKEN = /[0-9]+(?:[.,][0-9]+)*%?|[A-Za-z]+|[^]/gu;

export function tokenize(s: string): string[] {
  return s.match(TOKEN) ?? [];
}

/** Edits that turn `before` into `after`; edits separated by at most `join` characters are merged. */
export function textEdits(before: string, after: string, opts: { context?: number; join?: number; budget?: number } = {}): TextEdit[] {
  if (before === after) return [];
  const context = opts.context ?? 12;
  const join = opts.join ?? 1;
  const ta = tokenize(before);
  const tb = tokenize(after);
  const offA = offsets(ta);
  const offB = offsets(tb);
  const { matches } = alignKeys(ta, tb, opts.budget ?? 4_000_000);
  const raw: Array<{ a0: number; a1: number; b0: number; b1: number }> = gaps(ta.length, tb.length, matches).map(([i0, i1, j0, j1]) => ({
    a0: offA[i0],
    a1: offA[i1],
    b0: offB[j0],
    b1: offB[j1],
  }));
  const merged: typeof raw = [];
  for (const e of raw) {
    const last = merged[merged.length - 1];
    if (last && e.a0 - last.a1 <= join && e.b0 - last.b1 <= join && e.a0 - last.a1 === e.b0 - last.b1) {
      last.a1 = e.a1;
      last.b1 = e.b1;
    } else merged.push({ ...e });
  }
  return merged.map((e) => ({
    at: e.a0,
    removed: before.slice(e.a0, e.a1),
    added: after.slice(e.b0, e.b1),
    left: clipLeft(before.slice(0, e.a0), context),
    right: clipRight(before.slice(e.a1), context),
  }));
}

function offsets(tokens: readonly string[]): number[] {
  const out = new Array<number>(tokens.length + 1);
  out[0] = 0;
  for (let i = 0; i < tokens.length; i++) out[i + 1] = out[i] + tokens[i].length;
  return out;
}

function clipLeft(s: string, n: number): string {
  const cps = Array.from(s);
  return cps.length <= n ? s : cps.slice(cps.length - n).join('');
}

function clipRight(s: string, n: number): string {
  const cps = Array.from(s);
  return cps.length <= n ? s : cps.slice(0, n).join('');
}

/** Keep the start and the end of a long run: 前三十个字…后十个字 */
function clipMiddle(s: string, n: number): string {
  const cps = Array.from(s);
  if (cps.length <= n) return s;
  const tail = Math.floor(n / 4);
  return `${cps.slice(0, n - tail).join('')}…${cps.slice(cps.length - tail).join('')}`;
}

/** One line per edit: …left[-removed-]{+added+}right… (long runs clipped in the middle) */
export function renderEdit(e: TextEdit, whole: string, max = 80): string {
  const pre = e.at - e.left.length > 0 ? '…' : '';
  const post = e.at + e.removed.length + e.right.length < whole.length ? '…' : '';
  return `${pre}${e.left}${e.removed ? `[-${clipMiddle(e.removed, max)}-]` : ''}${e.added ? `{+${clipMiddle(e.added, max)}+}` : ''}${e.right}${post}`;
}

/** Apply text edits to the text they were computed from (the inverse check of textEdits). */
export function applyTextEdits(before: string, edits: readonly TextEdit[]): string {
  let out = '';
  let p = 0;
  for (const e of edits) {
    out += before.slice(p, e.at) + e.added;
    p = e.at + e.removed.length;
  }
  return out + before.slice(p);
}
