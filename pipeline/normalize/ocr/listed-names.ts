import type { Lexicon } from '../../../core/lexicon/lexicon.js';

/** Suffixes of the township-level names a plan lists (乡镇 and 街道). */
const TOWNSHIP_SUFFIXES = ['街道', '镇', '乡'] as const;

export interface ListedName {
  readonly name: string;
  readonly stem: string;
  readonly suffix: string;
}

/** A listed item, tried (sticky) right after each list comma: the commas are found natively, not by a regex tried at every position. */
const LISTED = new RegExp(`(\\p{Script=Han}{2})(${TOWNSHIP_SUFFIXES.join('|')})(?=、|等|[^\\p{Script=Han}]|$)`, 'uy');

/**
 * The townships and streets a document lists (…、高庙乡、磁钟乡、交口乡): two-character names with a
 * township suffix standing between list commas (or ending the list). The first item of a list is
 * left out, since where it begins is not known (推动交口乡、…), and so is a stem that is a
 * dictionary word (技术乡 in 技术返乡、智力返乡 is no place). Sorted, deduplicated.
 */
export function listedTownships(compact: string, lexicon: Lexicon): ListedName[] {
  const out = new Map<string, ListedName>();
  for (let comma = compact.indexOf('、'); comma >= 0; comma = compact.indexOf('、', comma + 1)) {
    LISTED.lastIndex = comma + 1;
    const m = LISTED.exec(compact);
    if (!m) continue;
    const [, stem, suffix] = m;
    if (lexicon.has(stem) || lexicon.has(stem + suffix)) continue;
    out.set(stem + suffix, { name: stem + suffix, stem, suffix });
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}
