/**
 * Sequence alignment for the corpus diff: Myers' O((N+M)·D) shortest edit script over interned
 * keys, with a guard. When the edit distance needed exceeds what the budget allows, the search
 * stops and a unique-anchor (patience) heuristic aligns the rest; the result says so (exact: false).
 */
import { pushAll } from '../../core/arrays.js';

/** Matched index pairs [i in a, j in b], strictly increasing in both. */
export type Matches = Array<[number, number]>;

export interface Alignment {
  matches: Matches;
  /** false when the Myers search hit its limit and the heuristic was used */
  exact: boolean;
}

/** Default work budget: roughly the number of key comparisons the Myers search may make. */
export const DEFAULT_ALIGN_BUDGET = 40_000_000;
/** The trace of a Myers search keeps O(D²) integers; D beyond this falls back to the heuristic. */
const MAX_D = 3000;

/** Map strings to small integers so the alignment compares numbers. */
export function intern(a: readonly string[], b: readonly string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const conv = (xs: readonly string[]): Int32Array => {
    const out = new Int32Array(xs.length);
    for (let i = 0; i < xs.length; i++) {
      let id = ids.get(xs[i]);
      if (id === undefined) {
        id = ids.size;
        ids.set(xs[i], id);
      }
      out[i] = id;
    }
    return out;
  };
  return [conv(a), conv(b)];
}

/** Align two key sequences: the longest common subsequence when affordable, else a heuristic. */
export function alignKeys(a: readonly string[], b: readonly string[], budget = DEFAULT_ALIGN_BUDGET): Alignment {
  const [x, y] = intern(a, b);
  return alignInts(x, y, budget);
}

export function alignInts(a: Int32Array, b: Int32Array, budget = DEFAULT_ALIGN_BUDGET): Alignment {
  const matches: Matches = [];
  const exact = alignRange(a, 0, a.length, b, 0, b.length, budget, matches, true);
  return { matches, exact };
}

/** Align a[aLo,aHi) with b[bLo,bHi), appending matches in order. Returns false if the heuristic was used. */
function alignRange(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, budget: number, out: Matches, allowPatience: boolean): boolean {
  // common prefix and suffix
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) out.push([aLo++, bLo++]);
  let sa = aHi;
  let sb = bHi;
  while (sa > aLo && sb > bLo && a[sa - 1] === b[sb - 1]) {
    sa--;
    sb--;
  }
  const suffix: Matches = [];
  for (let k = 0; sa + k < aHi; k++) suffix.push([sa + k, sb + k]);
  let exact = true;
  if (sa > aLo && sb > bLo) {
    const n = sa - aLo;
    const m = sb - bLo;
    const maxD = Math.min(n + m, MAX_D, Math.max(1, Math.floor(budget / (n + m))));
    const mid = myers(a, aLo, n, b, bLo, m, maxD);
    if (mid) pushAll(out, mid);
    else {
      exact = false;
      if (allowPatience) patience(a, aLo, sa, b, bLo, sb, budget, out);
    }
  }
  pushAll(out, suffix);
  return exact;
}

/** Myers' forward greedy search with a trace for the backtrack; null if D would exceed maxD. */
function myers(a: Int32Array, aOff: number, n: number, b: Int32Array, bOff: number, m: number, maxD: number): Matches | null {
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= maxD; d++) {
    trace.push(v.slice(off - d, off + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[aOff + x] === b[bOff + y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m, aOff, bOff);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], dEnd: number, n: number, m: number, aOff: number, bOff: number): Matches {
  const rev: Matches = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d > 0; d--) {
    const vp = trace[d]; // v after step d-1, indexed k + d
    const k = x - y;
    const prevK = k === -d || (k !== d && vp[k - 1 + d] < vp[k + 1 + d]) ? k + 1 : k - 1;
    const prevX = vp[prevK + d];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      rev.push([aOff + x, bOff + y]);
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    rev.push([aOff + x, bOff + y]);
  }
  return rev.reverse();
}

/**
 * Patience-style heuristic: keys that occur exactly once on each side anchor the alignment (the
 * longest increasing run of them), and the gaps between anchors are aligned recursively.
 */
function patience(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, budget: number, out: Matches): void {
  const count = new Map<number, [number, number, number]>(); // key → [count in a, count in b, index in b]
  for (let i = aLo; i < aHi; i++) {
    const c = count.get(a[i]);
    if (c) c[0]++;
    else count.set(a[i], [1, 0, -1]);
  }
  for (let j = bLo; j < bHi; j++) {
    const c = count.get(b[j]);
    if (c) {
      c[1]++;
      c[2] = j;
    }
  }
  const cand: Array<[number, number]> = [];
  for (let i = aLo; i < aHi; i++) {
    const c = count.get(a[i])!;
    if (c[0] === 1 && c[1] === 1) cand.push([i, c[2]]);
  }
  const anchors = longestIncreasing(cand);
  if (anchors.length === 0) return; // nothing to anchor on: leave the gap unmatched
  let pa = aLo;
  let pb = bLo;
  for (const [i, j] of anchors) {
    alignRange(a, pa, i, b, pb, j, budget, out, true);
    out.push([i, j]);
    pa = i + 1;
    pb = j + 1;
  }
  alignRange(a, pa, aHi, b, pb, bHi, budget, out, true);
}

/** The longest subsequence of pairs (sorted by first) whose second components increase. O(n log n). */
function longestIncreasing(pairs: Array<[number, number]>): Array<[number, number]> {
  const tails: number[] = []; // index into pairs of the smallest tail of each length
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let p = 0; p < pairs.length; p++) {
    const y = pairs[p][1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < y) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[p] = tails[lo - 1];
    tails[lo] = p;
  }
  const res: Array<[number, number]> = [];
  for (let p = tails.length ? tails[tails.length - 1] : -1; p >= 0; p = prev[p]) res.push(pairs[p]);
  return res.reverse();
}

/** One step of an edit script: an aligned pair, or an item only on one side. */
export type Step = { op: 'equal'; a: number; b: number } | { op: 'delete'; a: number } | { op: 'insert'; b: number };

/** Gaps between matches, as runs of deletions and insertions; each gap is [aStart, aEnd, bStart, bEnd]. */
export function gaps(n: number, m: number, matches: Matches): Array<[number, number, number, number]> {
  const res: Array<[number, number, number, number]> = [];
  let pa = 0;
  let pb = 0;
  for (const [i, j] of [...matches, [n, m] as [number, number]]) {
    if (i > pa || j > pb) res.push([pa, i, pb, j]);
    pa = i + 1;
    pb = j + 1;
  }
  return res;
}

/** Character bigram Dice similarity in [0, 1]. */
export function similarity(x: string, y: string): number {
  if (x === y) return 1;
  const xs = Array.from(x);
  const ys = Array.from(y);
  if (xs.length < 2 || ys.length < 2) {
    const set = new Set(xs);
    const shared = ys.filter((c) => set.has(c)).length;
    return xs.length + ys.length === 0 ? 1 : (2 * shared) / (xs.length + ys.length);
  }
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < xs.length; i++) {
    const g = xs[i] + xs[i + 1];
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i + 1 < ys.length; i++) {
    const g = ys[i] + ys[i + 1];
    const c = grams.get(g);
    if (c) {
      shared++;
      grams.set(g, c - 1);
    }
  }
  return (2 * shared) / (xs.length - 1 + ys.length - 1);
}

export interface SeqOp<T> {
  change: 'equal' | 'changed' | 'removed' | 'added' | 'moved';
  before: T | null;
  after: T | null;
  /** indexes into the input sequences, -1 when absent */
  i: number;
  j: number;
}

export interface SeqDiffOptions<T> {
  /** score in [0,1] for pairing a removed item with an added one in the same gap */
  score?: (x: T, y: T) => number;
  threshold?: number;
  /** how many added items ahead each removed item may look for a partner */
  window?: number;
  /** pair an unpaired removal with an unpaired addition of the same key anywhere (moved) */
  moves?: boolean;
  budget?: number;
}

/**
 * Diff two sequences by key: aligned items are 'equal'; within each gap, a removed item is paired
 * with a similar added item ('changed'); leftovers with the same key elsewhere are 'moved'.
 */
export function diffSequence<T>(a: readonly T[], b: readonly T[], key: (t: T) => string, opts: SeqDiffOptions<T> = {}): { ops: SeqOp<T>[]; exact: boolean } {
  const ka = a.map(key);
  const kb = b.map(key);
  const { matches, exact } = alignKeys(ka, kb, opts.budget);
  const ops: SeqOp<T>[] = [];
  const threshold = opts.threshold ?? 0.5;
  const window = opts.window ?? 16;
  const gapList = gaps(a.length, b.length, matches);
  let g = 0;
  const flushGap = ([a0, a1, b0, b1]: [number, number, number, number]): void => {
    let p = b0;
    for (let i = a0; i < a1; i++) {
      let best = -1;
      let bestScore = threshold;
      if (opts.score) {
        for (let j = p; j < b1 && j < p + window; j++) {
          const s = opts.score(a[i], b[j]);
          if (s >= bestScore && (best < 0 || s > bestScore)) {
            best = j;
            bestScore = s;
            if (s >= 1) break;
          }
        }
      }
      if (best < 0) {
        ops.push({ change: 'removed', before: a[i], after: null, i, j: -1 });
        continue;
      }
      for (; p < best; p++) ops.push({ change: 'added', before: null, after: b[p], i: -1, j: p });
      ops.push({ change: 'changed', before: a[i], after: b[best], i, j: best });
      p = best + 1;
    }
    for (; p < b1; p++) ops.push({ change: 'added', before: null, after: b[p], i: -1, j: p });
  };
  for (const [i, j] of matches) {
    while (g < gapList.length && gapList[g][0] <= i && gapList[g][2] <= j) flushGap(gapList[g++]);
    ops.push({ change: 'equal', before: a[i], after: b[j], i, j });
  }
  while (g < gapList.length) flushGap(gapList[g++]);
  if (opts.moves) {
    const added = new Map<string, number[]>();
    ops.forEach((op, k) => {
      if (op.change !== 'added') return;
      const list = added.get(kb[op.j]);
      if (list) list.push(k);
      else added.set(kb[op.j], [k]);
    });
    const drop = new Set<number>();
    for (const op of ops) {
      if (op.change !== 'removed') continue;
      const k = added.get(ka[op.i])?.shift();
      if (k === undefined) continue;
      const target = ops[k];
      op.change = 'moved';
      op.after = target.after;
      op.j = target.j;
      drop.add(k);
    }
    if (drop.size) return { ops: ops.filter((_, k) => !drop.has(k)), exact };
  }
  return { ops, exact };
}
