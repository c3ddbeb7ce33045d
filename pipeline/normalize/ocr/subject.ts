import type { Division, Gazetteer } from '../../../core/gazetteer/index.js';
import { compactText } from '../../../core/provenance/compact-text.js';
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

interface NameMatcher {
  names: Map<string, NameEntry>;
  maxLen: number;
  /** two-character prefixes of every name: most text positions start none, and are skipped cheaply */
  prefixes: Set<string>;
}

const matchers = new WeakMap<Gazetteer, WeakMap<ConfusionIndex, NameMatcher>>();

/** Full names of every division plus their one-confusable-character variants. */
function nameMatcher(g: Gazetteer, index: ConfusionIndex): NameMatcher {
  const hit = matchers.get(g)?.get(index);
  if (hit) return hit;
  const names = new Map<string, NameEntry>();
  let maxLen = 0;
  for (const d of g.all) {
    if (isGenericName(d)) continue;
    const e = names.get(d.name);
    names.set(d.name, { divisions: [...(e?.variant === false ? e.divisions : []), d], variant: false });
    maxLen = Math.max(maxLen, d.name.length);
  }
  for (const d of g.all) {
    if (isGenericName(d) || d.level === 'province') continue;
    for (const v of nameVariants(d.name, index)) {
      if (v.partner.kind !== 'glyph') continue;
      const e = names.get(v.form);
      if (e && !e.variant) continue; // a real name is never a variant of another
      names.set(v.form, { divisions: [...(e?.divisions ?? []), d], variant: true });
    }
  }
  const prefixes = new Set<string>();
  for (const name of names.keys()) prefixes.add(name.slice(0, 2));
  const m = { names, maxLen, prefixes };
  let byIndex = matchers.get(g);
  if (!byIndex) matchers.set(g, (byIndex = new WeakMap()));
  byIndex.set(index, m);
  return m;
}

interface Tally {
  title: number;
  body: number;
  variant: number;
}

/** Longest-match scan of the compact text for division names. */
function tallyNames(compact: string, titleEnd: number, g: Gazetteer, index: ConfusionIndex): Map<Division, Tally> {
  const { names, maxLen, prefixes } = nameMatcher(g, index);
  const tallies = new Map<Division, Tally>();
  const matched: Array<{ at: number; entry: NameEntry }> = [];
  for (let i = 0; i < compact.length; ) {
    if (!prefixes.has(compact.slice(i, i + 2))) {
      i++;
      continue;
    }
    let len = Math.min(maxLen, compact.length - i);
    for (; len >= 2; len--) {
      const entry = names.get(compact.slice(i, i + len));
      if (entry) {
        matched.push({ at: i, entry });
        break;
      }
    }
    i += len >= 2 ? len : 1;
  }
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

/** End (in compact characters) of the title area: the first TITLE_LINES non-empty lines. */
function titleEnd(text: string): number {
  const lines = text.split('\n').filter((l) => l.trim().length > 0).slice(0, TITLE_LINES);
  return Math.min(TITLE_MAX_CHARS, compactText(lines.join('\n')).text.length);
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
export function detectSubject(text: string, gazetteer: Gazetteer, index: ConfusionIndex = confusionIndex(defaultRules().confusions)): Subject | null {
  const compact = compactText(text).text;
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
