import type { Division, Gazetteer } from '../../../core/gazetteer/index.js';
import { countOccurrences } from './count-occurrences.js';
import { nameVariants, type ConfusionIndex } from './confusion-index.js';
import type { Lexicon } from '../../../core/lexicon/lexicon.js';
import { withLookalikes } from './lookalikes.js';
import { listedTownships } from './listed-names.js';
import type { Subject } from './types.js';

export type TargetRole = 'subject' | 'parent' | 'local';

/** A name the ocr step protects against confusable forms: the subject and its neighbours. */
export interface NameTarget {
  readonly role: TargetRole;
  /** full name, e.g. 湛河区 */
  readonly name: string;
  /** the form searched for, e.g. 湛河 (the full name when it has no stem) */
  readonly stem: string;
  /** the generic suffix, e.g. 区 ('' when the stem is the full name) */
  readonly suffix: string;
  readonly division: Division | null;
}

/** A neighbour's stem must occur this often in the document to be protected. */
export const MIN_LOCAL_MENTIONS = 3;

const target = (role: TargetRole, d: Division): NameTarget => ({
  role,
  name: d.name,
  stem: d.short,
  suffix: d.short === d.name ? '' : d.name.slice(d.short.length),
  division: d,
});

/**
 * The subject itself, its city and province, and the divisions next to it (the other counties of its city,
 * or a city's counties) that the document names often: 003 is about 卫东区 and names the river
 * and district 湛河 seven times, so 湛河 is protected there too.
 */
export function nameTargets(subject: Subject, g: Gazetteer, compact: string): NameTarget[] {
  const own = g.byCode(subject.code);
  if (!own) {
    const short = subject.short;
    return [{ role: 'subject', name: subject.name, stem: short, suffix: subject.name.slice(short.length), division: null }];
  }
  const out: NameTarget[] = [target('subject', own)];
  const city = own.level === 'county' ? g.cityOf(own) : undefined;
  if (city) out.push(target('parent', city));
  const province = own.level === 'province' ? undefined : g.provinceOf(own);
  if (province && province.short.length >= 2) out.push(target('parent', province));
  const neighbours = city ? g.children(city) : own.level === 'city' ? g.children(own) : [];
  for (const d of neighbours) {
    if (d.code === own.code || d.short.length < 2) continue;
    if (countOccurrences(compact, d.short) >= MIN_LOCAL_MENTIONS) out.push(target('local', d));
  }
  return out.filter((t, i) => t.role === 'subject' || countOccurrences(compact, t.stem) >= MIN_LOCAL_MENTIONS || i === 0);
}

/** A listed name must be this many times as frequent as each of its one-character variants: no gazetteer says which form is real. */
export const LISTED_DOMINANCE = 3;

/**
 * The townships and streets the document lists (listed-names.ts) and names at least
 * MIN_LOCAL_MENTIONS times, protected like neighbours — only while the document writes the name
 * at least LISTED_DOMINANCE times as often as any confusable form of it (with no gazetteer entry,
 * a misprint repeated as often as the name could itself be taken for the name).
 */
export function townshipTargets(compact: string, lexicon: Lexicon, index: ConfusionIndex): NameTarget[] {
  return listedTownships(compact, lexicon)
    .filter((t) => {
      const n = countOccurrences(compact, t.stem);
      if (n < MIN_LOCAL_MENTIONS) return false;
      const variants = nameVariants(t.stem, withLookalikes(index, t.stem));
      return variants.every((v) => LISTED_DOMINANCE * countOccurrences(compact, v.form) <= n);
    })
    .map((t) => ({ role: 'local', name: t.name, stem: t.stem, suffix: t.suffix, division: null }));
}
