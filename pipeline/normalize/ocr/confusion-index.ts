import type { ConfusionSet, OcrRules } from '../../../schemas/ocr-rules.js';

export interface Partner {
  readonly char: string;
  readonly scope: ConfusionSet['scope'];
  readonly kind: ConfusionSet['kind'];
  readonly source: string;
  /** where the pair comes from: the confusion table (default) or the decomposition data (lookalikes.ts) */
  readonly origin?: 'table' | 'decomposition';
}

/** char → the characters it may stand for (every member of a set with every other). */
export type ConfusionIndex = ReadonlyMap<string, readonly Partner[]>;

const built = new WeakMap<OcrRules['confusions'], ConfusionIndex>();

/** The index of a rule set's confusions (built once per rule set: every document shares it). */
export function confusionIndex(sets: OcrRules['confusions']): ConfusionIndex {
  const hit = built.get(sets);
  if (hit) return hit;
  const m = new Map<string, Partner[]>();
  for (const set of sets) {
    for (const a of set.chars) {
      for (const b of set.chars) {
        if (a === b) continue;
        const list = m.get(a) ?? [];
        if (!list.some((p) => p.char === b)) list.push({ char: b, scope: set.scope, kind: set.kind, source: set.source });
        m.set(a, list);
      }
    }
  }
  built.set(sets, m);
  return m;
}

export interface Variant {
  /** the confusable form, e.g. 漯河 for 湛河 */
  readonly form: string;
  /** index of the changed character */
  readonly index: number;
  readonly partner: Partner;
}

/** Every form of `name` that differs from it by one confusable character. */
export function nameVariants(name: string, index: ConfusionIndex): Variant[] {
  const out: Variant[] = [];
  const chars = [...name];
  chars.forEach((ch, i) => {
    for (const p of index.get(ch) ?? []) {
      const form = [...chars.slice(0, i), p.char, ...chars.slice(i + 1)].join('');
      out.push({ form, index: i, partner: p });
    }
  });
  return out;
}
