import type { History, NamedDivision } from './history.js';

/**
 * The region a document is about, from the place names that stand as the subject of its own
 * formulas: a title (保定市国民经济…纲要, 关于平潭县2016年…), an issuer or speaker line (保定市人民政府市长,
 * 我代表高阳县人民政府), a congress session (在保定市第十五届人民代表大会第五次会议上), an issuing notice
 * (…人民政府关于印发…). A name counts only as a whole word in such a position: followed by 人民政府,
 * 政府, 人大, 第…届, 国民经济, a year … and not glued to the word before it — so 和县 in 政府和县委 and
 * 兴县 in 开放兴县 are not places, 和县人民政府 is.
 */

export interface PlaceMatch {
  division: NamedDivision;
  /** position of the name in the searched text */
  index: number;
  length: number;
}

/** What may follow a division name that is the subject of a formula or title. */
const SUBJECT_NEXT = /^(?:人民政府|人民代表大会|政府|人大|第[一二三四五六七八九十\d]{1,3}届|[一二三四五六七八九十]{1,3}届|国民经济|经济和社会|经济社会|\d{4}年|[〇○零一二三四五六七八九]{4}年|“十|委员会|[县市区]委|党委|(?:市|县|区)?长|[“"]?十[一二三四五六]五|$|[\s（(：:，,、])/;
/** What may stand right before it: the start, a non-Han character, a parent's generic suffix, or a function word. */
const SUBJECT_PREV = /(?:^|[^\p{Script=Han}]|关于|在|向|代表|印发|年|届|[省市州盟区县旗])$/u;

/** The text opens with a division name (保定市|高阳县…): a parent named before its child. */
function startsWithName(rest: string, history: History): boolean {
  for (let len = 2; len <= rest.length; len++) if (history.names.has(rest.slice(0, len))) return true;
  return false;
}

/** Longest name looked for. */
const MAX_NAME = 16;

/** The lengths (2–MAX_NAME, longest first) of the history's names, by their first and second UTF-16 unit. */
export type NameLengths = Map<number, Map<number, number[]>>;

const lengthIndexes = new WeakMap<History, NameLengths>();

/** Built once per history (shipped data): most positions of a text start no name, and are passed over by two small-integer lookups. */
export function nameLengths(history: History): NameLengths {
  const hit = lengthIndexes.get(history);
  if (hit) return hit;
  const index: NameLengths = new Map();
  for (const name of history.names) {
    if (name.length < 2 || name.length > MAX_NAME) continue;
    let second = index.get(name.charCodeAt(0));
    if (!second) index.set(name.charCodeAt(0), (second = new Map()));
    const lengths = second.get(name.charCodeAt(1)) ?? [];
    if (!lengths.includes(name.length)) second.set(name.charCodeAt(1), [...lengths, name.length].sort((a, b) => b - a));
  }
  lengthIndexes.set(history, index);
  return index;
}

/** Longest-first scan for names of the history-aware gazetteer that stand as a whole word in subject position. */
export function subjectNames(text: string, year: number | null, history: History): PlaceMatch[] {
  const out: PlaceMatch[] = [];
  const index = nameLengths(history);
  for (let i = 0; i < text.length; ) {
    let hit: PlaceMatch[] = [];
    // the lengths of the names that begin with these two units, longest first, as far as the text goes
    for (const len of index.get(text.charCodeAt(i))?.get(text.charCodeAt(i + 1)) ?? []) {
      if (len > text.length - i) continue;
      const name = text.slice(i, i + len);
      if (!history.names.has(name)) continue;
      const rest = text.slice(i + len, i + len + 16);
      if (!SUBJECT_PREV.test(text.slice(Math.max(0, i - 4), i)) || !(SUBJECT_NEXT.test(rest) || startsWithName(rest, history))) continue;
      hit = history.named(name, year).map((division) => ({ division, index: i, length: len }));
      if (hit.length > 0) break;
    }
    if (hit.length > 0) {
      out.push(...hit);
      i += hit[0].length;
    } else i++;
  }
  return out;
}

const levelRank = { province: 0, city: 1, county: 2 } as const;
const chain = (d: NamedDivision): string[] => [d.province, d.city, d.county].filter((x): x is string => x !== null);

/**
 * The most specific division among the matches of one signal, when they agree: 河北省保定市高阳县 → 高阳县;
 * a name shared by several divisions (新华区) is kept only when another name of the signal (or the
 * context names, e.g. another signal's) picks one of them. Null when nothing or conflicting places.
 */
export function pickSubject(matches: readonly PlaceMatch[], context: readonly string[] = []): PlaceMatch | null {
  if (matches.length === 0) return null;
  const named = new Set([...matches.map((m) => m.division.name), ...context]);
  const byIndex = new Map<number, PlaceMatch[]>();
  for (const m of matches) byIndex.set(m.index, [...(byIndex.get(m.index) ?? []), m]);
  const chosen: PlaceMatch[] = [];
  for (const group of byIndex.values()) {
    if (group.length === 1) {
      chosen.push(group[0]);
      continue;
    }
    const supported = group.filter((m) => chain(m.division).some((n) => n !== m.division.name && named.has(n)));
    if (supported.length === 1) chosen.push(supported[0]);
  }
  if (chosen.length === 0) return null;
  const deepest = [...chosen].sort((a, b) => levelRank[b.division.level] - levelRank[a.division.level] || a.index - b.index)[0];
  // every other place of the signal must be one of its parents (保定市 + 高阳县), else the signal is not one place
  const parents = new Set(chain(deepest.division));
  return chosen.every((m) => parents.has(m.division.name)) ? deepest : null;
}
