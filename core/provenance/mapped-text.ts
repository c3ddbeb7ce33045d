/**
 * Text with an offset map back to the raw source. Normalization never edits the raw text;
 * every step produces edits that applyEdits turns into a new MappedText, composing the map.
 * For each normalized character i, starts[i]..ends[i] is the raw span it came from.
 */
export interface MappedText {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** raw length, the offset used for positions at the very end */
  readonly rawLength: number;
}

export type EditKind = 'correction' | 'removal' | 'layout';

export interface Edit {
  /** start offset in the current text */
  start: number;
  /** exclusive end offset in the current text */
  end: number;
  replacement: string;
  rule: string;
  /**
   * correction: a change to the words (logged in corrections with evidence);
   * removal: text deliberately dropped (logged in removals with its raw text);
   * layout: whitespace and line-break changes (counted in accounting)
   */
  kind: EditKind;
  evidence?: Record<string, unknown>;
}

export function fromRaw(raw: string): MappedText {
  const n = raw.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { text: raw, starts, ends, rawLength: n };
}

/** Raw [start, end) of the normalized range [a, b). An empty range maps to a point. */
export function rawRange(mt: MappedText, a: number, b: number): [number, number] {
  if (a < 0 || b > mt.text.length || b < a) throw new RangeError(`range ${a}..${b} outside 0..${mt.text.length}`);
  if (a === b) {
    const p = a < mt.text.length ? mt.starts[a] : a > 0 ? mt.ends[a - 1] : 0;
    return [p, p];
  }
  let lo = mt.starts[a];
  let hi = mt.ends[b - 1];
  // generated characters map to a whole span: widen to cover every character in range
  if (hi < lo) [lo, hi] = [hi, lo];
  return [lo, hi];
}

export interface AppliedEdit {
  edit: Edit;
  /** raw span of the text the edit replaced */
  rawStart: number;
  rawEnd: number;
  /** the text it replaced (left empty for layout edits, which only count) */
  from: string;
  /** characters removed: replaced length minus replacement length */
  removed: number;
}

export interface ApplyResult {
  text: MappedText;
  applied: AppliedEdit[];
  /** edits skipped because they overlapped an earlier one */
  skipped: Edit[];
}

/**
 * Apply non-overlapping edits (textlint's fixer: overlapping ones are skipped and returned,
 * never merged). Replacement characters of an equal-length edit map one to one; otherwise
 * every replacement character maps to the whole replaced span.
 */
export function applyEdits(mt: MappedText, edits: readonly Edit[]): ApplyResult {
  const sorted = [...edits].sort((x, y) => x.start - y.start || x.end - y.end);
  const accepted: Edit[] = [];
  const skipped: Edit[] = [];
  let last = -1;
  let lastWasInsert = false;
  for (const e of sorted) {
    if (e.start < 0 || e.end > mt.text.length || e.end < e.start) throw new RangeError(`edit ${e.rule} ${e.start}..${e.end} outside text`);
    if (e.start < last || (e.start === last && e.start === e.end && lastWasInsert)) {
      skipped.push(e);
      continue;
    }
    accepted.push(e);
    last = e.end;
    lastWasInsert = e.start === e.end;
  }
  if (accepted.length === 0) return { text: mt, applied: [], skipped };

  let delta = 0;
  for (const e of accepted) delta += e.replacement.length - (e.end - e.start);
  const n = mt.text.length + delta;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const parts: string[] = [];
  const applied: AppliedEdit[] = [];
  const src = { at: 0 };
  let dst = 0;
  for (const e of accepted) {
    const from = src.at;
    if (e.start > from) {
      parts.push(mt.text.slice(from, e.start));
      starts.set(mt.starts.subarray(from, e.start), dst);
      ends.set(mt.ends.subarray(from, e.start), dst);
      dst += e.start - from;
    }
    const len = e.replacement.length;
    const oldLen = e.end - e.start;
    let rawStart: number;
    let rawEnd: number;
    if (oldLen > 0) {
      rawStart = mt.starts[e.start];
      rawEnd = mt.ends[e.end - 1];
      if (rawEnd < rawStart) [rawStart, rawEnd] = [rawEnd, rawStart];
    } else {
      rawStart = rawEnd = e.start < mt.text.length ? mt.starts[e.start] : e.start > 0 ? mt.ends[e.start - 1] : 0;
    }
    if (len > 0) {
      parts.push(e.replacement);
      if (len === oldLen) {
        starts.set(mt.starts.subarray(e.start, e.end), dst);
        ends.set(mt.ends.subarray(e.start, e.end), dst);
      } else {
        starts.fill(rawStart, dst, dst + len);
        ends.fill(rawEnd, dst, dst + len);
      }
    }
    dst += len;
    src.at = e.end;
    applied.push({ edit: e, rawStart, rawEnd, from: e.kind === 'layout' ? '' : mt.text.slice(e.start, e.end), removed: oldLen - len });
  }
  if (src.at < mt.text.length) {
    parts.push(mt.text.slice(src.at));
    starts.set(mt.starts.subarray(src.at), dst);
    ends.set(mt.ends.subarray(src.at), dst);
  }
  return { text: { text: parts.join(''), starts, ends, rawLength: mt.rawLength }, applied, skipped };
}

/**
 * Compact run map of a normalized range: [[textOffset, rawOffset], …] relative to the range,
 * a new run wherever the mapping stops being one to one.
 */
export function runMap(mt: MappedText, a: number, b: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = a; i < b; i++) {
    const prev = i - 1;
    const continues =
      i > a && mt.starts[i] === mt.starts[prev] + 1 && mt.ends[prev] === mt.starts[prev] + 1 && mt.ends[i] === mt.starts[i] + 1;
    if (!continues) runs.push([i - a, mt.starts[i]]);
  }
  return runs;
}
