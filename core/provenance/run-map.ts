import type { MappedText } from './mapped-text.js';
import { resolveRange } from './mapped-text.js';

/** A compact offset map stored with a paragraph or table row: [[textOffset, rawOffset], …], a run per stretch that maps one to one. */
export type RunMap = ReadonlyArray<readonly [number, number]>;

/**
 * Compact run map of a normalized range: [[textOffset, rawOffset], …] relative to the range,
 * a new run wherever the mapping stops being one to one.
 */
export function runMap(mt: MappedText, a: number, b: number): Array<[number, number]> {
  const { starts, ends } = mt;
  const runs: Array<[number, number]> = [];
  // a character continues the run when it and the one before each map to one raw character, the next one
  let prevStart = 0;
  let prevOneToOne = false;
  for (let i = a; i < b; i++) {
    const start = starts[i];
    const oneToOne = ends[i] === start + 1;
    if (!(i > a && prevOneToOne && oneToOne && start === prevStart + 1)) runs.push([i - a, start]);
    prevStart = start;
    prevOneToOne = oneToOne;
  }
  return runs;
}

/** A text carried with its run map and the raw range it came from (a paragraph, a table row). */
export interface MappedRun {
  text: string;
  map: RunMap;
  /** raw offsets of the whole text */
  rawStart: number;
  rawEnd: number;
}

/** The run of the map that holds text offset t (runs sorted by text offset). */
function runAt(map: RunMap, t: number): number {
  let i = 0;
  while (i + 1 < map.length && map[i + 1][0] <= t) i++;
  return i;
}

/**
 * The inverse of a run map: raw [start, end) of the text range [a, b), by the same rule as every
 * other relative range (resolveRange). The last character of a run may stand for several raw ones
 * (—— normalized to —): its raw end reaches to the next run (or the text's raw end) when the raw
 * characters in between are not plain whitespace.
 */
export function runRange(r: MappedRun, a: number, b: number, raw: string): [number, number] {
  if (r.map.length === 0) return [r.rawStart, r.rawEnd];
  const startOf = (t: number): number => {
    const [ts, rs] = r.map[runAt(r.map, t)];
    return rs + (t - ts);
  };
  const endOf = (t: number): number => {
    const i = runAt(r.map, t);
    const [ts, rs] = r.map[i];
    const oneToOne = rs + (t + 1 - ts);
    const next = r.map[i + 1];
    const limit = next !== undefined ? (next[0] === t + 1 ? next[1] : oneToOne) : t + 1 === r.text.length ? r.rawEnd : oneToOne;
    return limit > oneToOne && raw.slice(oneToOne, limit).trim() !== '' ? limit : oneToOne;
  };
  return resolveRange(r.text.length, a, b, startOf, endOf, r.rawStart);
}
