/**
 * Text with an offset map back to the raw source. Normalization never edits the raw text;
 * every step produces edits that applyEdits turns into a new MappedText, composing the map.
 * For each normalized character i, starts[i]..ends[i] is the raw span it came from.
 * The maps are never written once made: texts whose edits kept every length share them.
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

/**
 * The one rule that turns a relative range [a, b) of a text of length n into a raw range, given the raw
 * start and end of each character: an empty range is the point where it stands (before character a,
 * or just after the last character, or `origin` in an empty text); characters generated from a wider
 * span (rawEnd < rawStart) widen the range to cover them.
 */
export function resolveRange(
  n: number,
  a: number,
  b: number,
  rawStartOf: (i: number) => number,
  rawEndOf: (i: number) => number,
  origin = 0,
): [number, number] {
  if (a < 0 || b > n || b < a) throw new RangeError(`range ${a}..${b} outside 0..${n}`);
  if (a === b) {
    const p = a < n ? rawStartOf(a) : a > 0 ? rawEndOf(a - 1) : origin;
    return [p, p];
  }
  const lo = rawStartOf(a);
  const hi = rawEndOf(b - 1);
  return hi < lo ? [hi, lo] : [lo, hi];
}

/** Raw [start, end) of the normalized range [a, b) of a mapped text. */
export function rawRange(mt: MappedText, a: number, b: number): [number, number] {
  return resolveRange(mt.text.length, a, b, (i) => mt.starts[i], (i) => mt.ends[i]);
}

/**
 * Raw [start, end) between normalized characters a - 1 and b: what the raw text held between them,
 * removed text included (the gap between two lines, with any page furniture cut out of it).
 */
export function rawGap(mt: MappedText, a: number, b: number): [number, number] {
  const lo = a > 0 ? mt.ends[a - 1] : 0;
  const hi = b < mt.text.length ? mt.starts[b] : mt.rawLength;
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

/** target[dst…] = source[from, to): a plain loop for short runs (most edits are a character or two), a view copy for long ones. */
function copyRun(target: Int32Array, source: Int32Array, from: number, to: number, dst: number): void {
  if (to - from > 32) target.set(source.subarray(from, to), dst);
  else for (let i = from; i < to; i++) target[dst++] = source[i];
}

/** Both maps of characters [from, to) of mt to position dst of the new ones. */
function copyMaps(mt: MappedText, starts: Int32Array, ends: Int32Array, from: number, to: number, dst: number): void {
  copyRun(starts, mt.starts, from, to, dst);
  copyRun(ends, mt.ends, from, to, dst);
}

const byPosition = (x: Edit, y: Edit): number => x.start - y.start || x.end - y.end;

/** The edits sorted by position, stably; most steps make them in that order already, which one pass checks first. */
function inPositionOrder(edits: readonly Edit[]): readonly Edit[] {
  for (let i = 1; i < edits.length; i++) if (byPosition(edits[i - 1], edits[i]) > 0) return [...edits].sort(byPosition);
  return edits;
}

/**
 * Apply non-overlapping edits (textlint's fixer: overlapping ones are skipped and returned,
 * never merged). Replacement characters of an equal-length edit map one to one; otherwise
 * every replacement character maps to the whole replaced span.
 */
export function applyEdits(mt: MappedText, edits: readonly Edit[]): ApplyResult {
  const sorted = inPositionOrder(edits);
  const accepted: Edit[] = [];
  const skipped: Edit[] = [];
  let last = -1;
  let lastWasInsert = false;
  let delta = 0;
  let sameShape = true;
  for (const e of sorted) {
    if (e.start < 0 || e.end > mt.text.length || e.end < e.start) throw new RangeError(`edit ${e.rule} ${e.start}..${e.end} outside text`);
    if (e.start < last || (e.start === last && e.start === e.end && lastWasInsert)) {
      skipped.push(e);
      continue;
    }
    accepted.push(e);
    last = e.end;
    lastWasInsert = e.start === e.end;
    const d = e.replacement.length - (e.end - e.start);
    delta += d;
    if (d !== 0) sameShape = false;
  }
  if (accepted.length === 0) return { text: mt, applied: [], skipped };
  // equal-length edits only: every character keeps its raw span, so the maps are the same (never written after they are made)
  const n = mt.text.length + delta;
  const starts = sameShape ? mt.starts : new Int32Array(n);
  const ends = sameShape ? mt.ends : new Int32Array(n);
  const parts: string[] = [];
  const applied: AppliedEdit[] = [];
  let at = 0;
  let dst = 0;
  for (const e of accepted) {
    if (e.start > at) {
      parts.push(mt.text.slice(at, e.start));
      if (!sameShape) copyMaps(mt, starts, ends, at, e.start, dst);
      dst += e.start - at;
    }
    const len = e.replacement.length;
    const oldLen = e.end - e.start;
    const [rawStart, rawEnd] = rawRange(mt, e.start, e.end);
    if (len > 0) {
      parts.push(e.replacement);
      if (len === oldLen) {
        if (!sameShape) copyMaps(mt, starts, ends, e.start, e.end, dst);
      } else {
        starts.fill(rawStart, dst, dst + len);
        ends.fill(rawEnd, dst, dst + len);
      }
    }
    dst += len;
    at = e.end;
    applied.push({ edit: e, rawStart, rawEnd, from: e.kind === 'layout' ? '' : mt.text.slice(e.start, e.end), removed: oldLen - len });
  }
  if (at < mt.text.length) {
    parts.push(mt.text.slice(at));
    if (!sameShape) copyMaps(mt, starts, ends, at, mt.text.length, dst);
  }
  return { text: { text: parts.join(''), starts, ends, rawLength: mt.rawLength }, applied, skipped };
}
