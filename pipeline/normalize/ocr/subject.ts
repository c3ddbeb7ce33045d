import type { Division, Gazetteer } from '../../../core/gazetteer/index.js';
import { compactText, type CompactText } from '../../../core/provenance/compact-text.js';
import { isSpaceCode } from '../../../core/text/chars.js';
import { confusionIndex, nameVariants, type ConfusionIndex } from './confusion-index.js';
import { defaultRules } from './rules.js';
import type { Subject } from './types.js';

/** Title area: the first lines of the document, where its own name stands. */
export const TITLE_LINES = 12;
export const TITLE_MAX_CHARS = 800;
/** A mention in the title area weighs as much as this many mentions in the body. */
export const TITLE_WEIGHT = 10;

interface NameEntry {
  readonly divisions: readonly Division[];
  /** true when the text form is one confusable character away from the real name */
  readonly variant: boolean;
}

/** Two-character names that are also ordinary words (城区, 郊区, 矿区): never evidence. */
const isGenericName = (d: Division) => d.name.length <= 2 && d.short === d.name && /[区]$/.test(d.name);

/** Names to scan a text for, indexed by their ends. */
export interface NameIndex<E> {
  readonly names: ReadonlyMap<string, E>;
  /** the names' last units, each once (县, 区, 市…: a few): a name is looked for only where one of them stands */
  readonly lastUnits: readonly string[];
  /** the names by the pairHash of their last two units (a small-integer key; a name is confirmed against the text in place) */
  readonly byEnd: ReadonlyMap<number, readonly string[]>;
}

/** A 20-bit hash of the two units at i and i + 1 (collisions only cost a Map lookup). */
const pairHash = (s: string, i: number) => (s.charCodeAt(i) * 0x9e37 + s.charCodeAt(i + 1)) & 0xfffff;

const matchers = new WeakMap<Gazetteer, WeakMap<ConfusionIndex, NameIndex<NameEntry>>>();

/** Full names of every division plus their one-confusable-character variants (two characters at least). */
function nameMatcher(g: Gazetteer, index: ConfusionIndex): NameIndex<NameEntry> {
  const hit = matchers.get(g)?.get(index);
  if (hit) return hit;
  const names = new Map<string, NameEntry>();
  for (const d of g.all) {
    if (isGenericName(d) || d.name.length < 2) continue;
    const e = names.get(d.name);
    names.set(d.name, { divisions: [...(e?.variant === false ? e.divisions : []), d], variant: false });
  }
  for (const d of g.all) {
    if (isGenericName(d) || d.name.length < 2 || d.level === 'province') continue;
    for (const v of nameVariants(d.name, index)) {
      if (v.partner.kind !== 'glyph') continue;
      const e = names.get(v.form);
      if (e && !e.variant) continue; // a real name is never a variant of another
      names.set(v.form, { divisions: [...(e?.divisions ?? []), d], variant: true });
    }
  }
  const m = nameIndex(names);
  let byIndex = matchers.get(g);
  if (!byIndex) matchers.set(g, (byIndex = new WeakMap()));
  byIndex.set(index, m);
  return m;
}

/** The index of names (two units at least) for scanNames. */
export function nameIndex<E>(names: ReadonlyMap<string, E>): NameIndex<E> {
  const byEnd = new Map<number, string[]>();
  for (const name of names.keys()) {
    const end = pairHash(name, name.length - 2);
    const list = byEnd.get(end);
    if (list) list.push(name);
    else byEnd.set(end, [name]);
  }
  return { names, lastUnits: [...new Set([...names.keys()].map((n) => n[n.length - 1]))], byEnd };
}

/**
 * The names of the compact text as a longest-match scan from its start takes them: at each
 * position the longest name that starts there, then on after it. Found from the names' ends:
 * the few last units are searched natively (indexOf), and only the names with the same last two
 * units are compared there (startsWith, in place), instead of a test at every position.
 */
export function scanNames<E>(compact: string, m: NameIndex<E>): Array<{ at: number; entry: E }> {
  const longest = new Map<number, string>(); // start → the longest name there
  for (const unit of m.lastUnits) {
    for (let end = compact.indexOf(unit, 1); end >= 0; end = compact.indexOf(unit, end + 1)) {
      for (const name of m.byEnd.get(pairHash(compact, end - 1)) ?? []) {
        const at = end + 1 - name.length;
        // most names of the list differ from the text in their first unit: a code compare rules them out
        if (at < 0 || compact.charCodeAt(at) !== name.charCodeAt(0) || !compact.startsWith(name, at)) continue;
        if (name.length > (longest.get(at)?.length ?? 0)) longest.set(at, name);
      }
    }
  }
  const out: Array<{ at: number; entry: E }> = [];
  let next = 0;
  for (const at of [...longest.keys()].sort((a, b) => a - b)) {
    if (at < next) continue; // inside the name taken before
    const name = longest.get(at)!;
    out.push({ at, entry: m.names.get(name)! });
    next = at + name.length;
  }
  return out;
}

interface Tally {
  title: number;
  body: number;
  variant: number;
}

/** Longest-match scan of the compact text for division names. */
function tallyNames(compact: string, titleEnd: number, g: Gazetteer, index: ConfusionIndex): Map<Division, Tally> {
  const tallies = new Map<Division, Tally>();
  const matched = scanNames(compact, nameMatcher(g, index));
  // ambiguous names (新华区 ×3) go to the division whose city or province the text names most
  const mentions = new Map<Division, number>();
  for (const { entry } of matched) if (entry.divisions.length === 1) mentions.set(entry.divisions[0], (mentions.get(entry.divisions[0]) ?? 0) + 1);
  const support = (d: Division) => g.parents(d).reduce((n, p) => n + (mentions.get(p) ?? 0), 0);
  for (const { at, entry } of matched) {
    let d = entry.divisions[0];
    if (entry.divisions.length > 1) {
      const ranked = [...entry.divisions].sort((a, b) => support(b) - support(a));
      if (support(ranked[0]) === 0 || support(ranked[0]) === support(ranked[1])) continue;
      d = ranked[0];
    }
    const t = tallies.get(d) ?? { title: 0, body: 0, variant: 0 };
    if (entry.variant) t.variant++;
    else if (at < titleEnd) t.title++;
    else t.body++;
    tallies.set(d, t);
  }
  return tallies;
}

const score = (t: Tally) => TITLE_WEIGHT * t.title + t.body + t.variant;

/** End (in compact characters) of the title area: the first TITLE_LINES non-empty lines (their characters other than whitespace, counted in one pass over those lines). */
export function titleEnd(text: string): number {
  let kept = 0;
  let lines = 0;
  let inLine = 0; // characters other than whitespace on the current line
  for (let i = 0; i <= text.length && lines < TITLE_LINES; i++) {
    const c = i === text.length ? 0x0a : text.charCodeAt(i);
    if (c === 0x0a) {
      if (inLine > 0) lines++;
      kept += inLine;
      inLine = 0;
    } else if (!isSpaceCode(c)) inLine++;
  }
  return Math.min(TITLE_MAX_CHARS, kept);
}

function toSubject(d: Division, t: Tally, runnerUp: Division | undefined, g: Gazetteer): Subject {
  const province = g.provinceOf(d);
  const city = g.cityOf(d);
  return {
    level: d.level,
    name: d.name,
    short: d.short,
    code: d.code,
    county: d.level === 'county' ? d.name : null,
    city: city?.name ?? null,
    province: province?.name ?? null,
    evidence: { titleHits: t.title, bodyHits: t.body, variantHits: t.variant, runnerUp: runnerUp?.name ?? null },
  };
}

/**
 * The document's own division: the county (or city, or province) named in the title area,
 * weighed against how often each division is named in the whole text — including forms one
 * confusable character away (漯河区 for 湛河区). Frequent names outside the title (a river
 * named after a neighbouring district) do not win against the title. Null when the text names
 * no division clearly (a national document).
 */
export function detectSubject(
  text: string,
  gazetteer: Gazetteer,
  index: ConfusionIndex = confusionIndex(defaultRules().confusions),
  /** compactText(text), when the caller has it already */
  ct: CompactText = compactText(text),
): Subject | null {
  const compact = ct.text;
  const tallies = tallyNames(compact, titleEnd(text), gazetteer, index);
  const ranked = (level: Division['level']) =>
    [...tallies].filter(([d]) => d.level === level).sort((a, b) => score(b[1]) - score(a[1]) || a[0].code.localeCompare(b[0].code));
  const counties = ranked('county');
  const cities = ranked('city');
  const provinces = ranked('province');

  const [county, city, province] = [counties[0], cities[0], provinces[0]];
  // a county named in the title wins unless a city named there is more prominent (a city-level plan)
  if (county && county[1].title > 0 && !(city && city[1].title > 0 && score(city[1]) > score(county[1]))) {
    return toSubject(county[0], county[1], counties[1]?.[0], gazetteer);
  }
  if (city && city[1].title > 0) return toSubject(city[0], city[1], cities[1]?.[0], gazetteer);
  if (province && province[1].title > 0) return toSubject(province[0], province[1], provinces[1]?.[0], gazetteer);
  // no division in the title area: accept only a clearly dominant one
  for (const list of [counties, cities]) {
    const [best, next] = list;
    if (best && best[1].body >= 5 && score(best[1]) >= 2 * (next ? score(next[1]) : 0)) return toSubject(best[0], best[1], next?.[0], gazetteer);
  }
  return null;
}
