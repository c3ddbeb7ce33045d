import type { TableNote } from '../../schemas/table.js';

export interface BracketMeaning {
  /** cumulative | estimate | forecast | noted (a note explains brackets in other words) */
  qualifier: string;
  /** the note that says so */
  note: TableNote;
}

/**
 * What square brackets mean in this table, read from its own notes: 000 says
 * `[]内数据为五年规划期累计数` (cumulative), 004 `[]中的数据为预计数` (an estimate). Null
 * when no note speaks of brackets: then nothing is assumed.
 */
export function bracketMeaning(notes: readonly TableNote[]): BracketMeaning | null {
  const note = notes.find((n) => /[[［【〔]\s*[\]］】〕]|方括号|括号内|括号中/.test(n.text));
  if (note === undefined) return null;
  const t = note.text;
  const qualifier = /累计/.test(t) ? 'cumulative' : /预计|预估|估计/.test(t) ? 'estimate' : /预测/.test(t) ? 'forecast' : 'noted';
  return { qualifier, note };
}
