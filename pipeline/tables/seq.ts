/**
 * The printed sequence number at the start of a row: `1 生产总值…`, `8` alone, `1. 全区…`,
 * `1、…`. A number that is part of a name (`5 岁以下儿童…`) or a value line (`40 50 — 35`)
 * is not one: after the first row, a number counts only when it continues the numbering or
 * is followed by a name.
 */
export interface SeqMatch {
  seq: string;
  /** offset in the text where the rest begins */
  rest: number;
}

const MEASURE_WORD = /^[岁年月日天万亿千百个人件次%‰]/;

export function matchSeq(text: string, lastSeq: number | null): SeqMatch | null {
  const m = text.match(/^(\d{1,3})(?:[.．、](?!\d)\s*|\s+|$|(?=\p{Script=Han}))/u);
  if (!m) return null;
  const n = Number(m[1]);
  const rest = text.slice(m[0].length);
  const continues = lastSeq === null ? n <= 1 || rest === '' : n === lastSeq + 1;
  // 10人均绿地面积, 11万元生产总值…: a number run into the name (the space taken out) counts only in sequence
  if (m[0] === m[1] && rest !== '') return continues ? { seq: m[1], rest: m[0].length } : null;
  const nameFollows = /^\p{Script=Han}/u.test(rest) && !MEASURE_WORD.test(rest);
  if (!continues && !nameFollows) return null;
  return { seq: m[1], rest: m[0].length };
}
