import { splitPieces, type Fragment } from './header-fragments.js';
import { parseQuantity, type ParsedQuantity } from './quantity.js';
import { splitNameUnit } from './unit.js';
import { ATTRIBUTE_WORD } from './draft.js';

/** A cell-sized token of a space-separated row line. */
export interface Token {
  text: string;
  row: number;
  start: number;
  end: number;
  quantity: ParsedQuantity;
  isText: boolean;
}

/** The token text[start, end), with `parsed` its quantity when that was read already. */
function token(text: string, row: number, start: number, end: number, parsed?: ParsedQuantity): Token {
  const raw = text.slice(start, end);
  const quantity = parsed ?? parseQuantity(raw);
  return { text: raw, row, start, end, quantity, isText: quantity.kind === 'text' };
}

/**
 * Tokens of a row line whose cells are separated by spaces, where a cell may itself hold a
 * space (`7.5 左右`, `40 以上`, `14/10 万以下`, `预计 2.5`): pieces are rejoined when together
 * they read as one quantity; neighbouring words are one token (a name such as
 * `单位 GDP 能耗降幅（%）`), except after a unit parenthesis or before an attribute word,
 * where a name ends and a cell begins.
 */
export function tokenizeLine(text: string, row: number, from = 0): Token[] {
  const pieces = splitPieces(text.slice(from), row).flatMap((p) => splitAfterUnit({ ...p, start: p.start + from, end: p.end + from }));
  const out: Token[] = [];
  let i = 0;
  while (i < pieces.length) {
    let taken = 1;
    let joined: ParsedQuantity | undefined; // the quantity of the pieces taken together
    for (let k = Math.min(3, pieces.length - i); k >= 2; k--) {
      const q = parseQuantity(text.slice(pieces[i].start, pieces[i + k - 1].end));
      if (q.kind !== 'text' && q.kind !== 'none') {
        taken = k;
        joined = q;
        break;
      }
    }
    const t = token(text, row, pieces[i].start, pieces[i + taken - 1].end, joined);
    const prev = out[out.length - 1];
    if (taken === 1 && t.isText && prev !== undefined && prev.isText && canJoin(prev.text, t.text)) {
      out[out.length - 1] = token(text, row, prev.start, t.end);
    } else {
      out.push(t);
    }
    i += taken;
  }
  return out;
}

/**
 * A name run into its first value, `化学需氧量（吨）679` (no space left between them):
 * split after a unit parenthesis that a figure, dash or bracket follows.
 */
function splitAfterUnit(p: Fragment): Fragment[] {
  for (const m of p.text.matchAll(/[）)](?=[-+\d—\[［【≥≤<>])/g)) {
    const cut = m.index + 1;
    if (splitNameUnit(p.text.slice(0, cut)).unit === null) continue;
    const head = { ...p, text: p.text.slice(0, cut), end: p.start + cut };
    return [head, ...splitAfterUnit({ ...p, text: p.text.slice(cut), start: p.start + cut })];
  }
  return [p];
}

function canJoin(before: string, after: string): boolean {
  if (ATTRIBUTE_WORD.test(after) || ATTRIBUTE_WORD.test(before)) return false;
  if (/[）)]$/.test(before) && splitNameUnit(before).unit !== null) return false;
  return true;
}
