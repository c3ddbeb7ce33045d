import type { Meta } from '../../../schemas/document.js';
import type { History, NamedDivision } from '../../../core/gazetteer/history.js';
import { pickSubject, subjectNames, type PlaceMatch } from '../../../core/gazetteer/subject-region.js';
import type { TextLine } from './hit.js';

type Region = Meta['region'];

/** The region fields of a division: a province-level subject has only its province, a city no county. */
export const regionOf = (d: NamedDivision): Region => ({ province: d.province, city: d.level === 'province' ? null : d.city, county: d.county, code: d.code });

export interface RegionSignals {
  title: TextLine | null;
  opening: readonly TextLine[];
  formulaLines: readonly TextLine[];
  front: readonly TextLine[];
  header: readonly TextLine[];
}

export interface SubjectFound {
  match: PlaceMatch;
  line: TextLine;
  rule: string;
  /** the name as the text wrote it (平潭综合实验区, 清苑县) */
  text: string;
}

/** A speaker or issuer line: 保定市人民政府市长 李谦 / 我代表高阳县人民政府. */
const SPEAKER_LINE = /人民政府|政府/;

/** The first signal, strongest first, whose place names settle on one division. */
export function subjectRegion(s: RegionSignals, year: number | null, history: History): SubjectFound | null {
  const signals: Array<[string, readonly TextLine[]]> = [
    ['title', s.title ? [s.title] : []],
    ['speaker-formula', s.opening.filter((l) => SPEAKER_LINE.test(l.text) && (s.formulaLines.includes(l) || /(?:长|主席|主任)\s*[\p{Script=Han}·\s]{2,6}$/u.test(l.text) || /^[\p{Script=Han}]{2,30}人民政府$/u.test(l.text.trim())))],
    ['congress-session', s.formulaLines],
    ['issuing-notice', s.front],
    ['scraper-header', s.header],
  ];
  // each line scanned once: a line may stand in several signals, and every signal's names are context for the others
  const scanned = new Map<string, PlaceMatch[]>();
  const namesIn = (text: string) => scanned.get(text) ?? scanned.set(text, subjectNames(text, year, history)).get(text)!;
  const all = signals.flatMap(([, lines]) => lines.flatMap((l) => namesIn(l.text)));
  const context = all.map((m) => m.division.name);
  for (const [rule, lines] of signals) {
    // positions made absolute, so that names of different lines never share an index
    const matches = lines.flatMap((line) => namesIn(line.text).map((match) => ({ match: { ...match, index: line.start + match.index }, line })));
    const picked = pickSubject(matches.map((m) => m.match), context);
    if (!picked) continue;
    const line = matches.find((m) => m.match === picked)!.line;
    return { match: picked, line, rule, text: line.text.substr(picked.index - line.start, picked.length) };
  }
  return null;
}
