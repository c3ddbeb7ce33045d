import { z } from 'zod';
import { readShipped, readValidated } from '../shipped-data.js';
import { loadGazetteer, type Gazetteer, type Level } from './gazetteer.js';

/** data/gazetteer-history.json as written by scripts/build-gazetteer.mjs. */
const Code = z.string().regex(/^\d{6}$/);
const Year = z.number().int();
export const HistoryFile = z
  .object({
    source: z.object({ package: z.string(), version: z.string(), dataset: z.string() }).passthrough(),
    formerColumns: z.tuple([z.literal('code'), z.literal('name'), z.literal('level'), z.literal('city'), z.literal('province'), z.literal('first'), z.literal('last'), z.literal('successor')]),
    former: z.array(z.tuple([Code, z.string().min(1), z.enum(['city', 'county']), z.string().nullable(), z.string().nullable(), Year, Year, Code.nullable()])),
    sinceColumns: z.tuple([z.literal('code'), z.literal('name'), z.literal('first')]),
    since: z.array(z.tuple([Code, z.string().min(1), Year])),
    aliasColumns: z.tuple([z.literal('name'), z.literal('code'), z.literal('source')]),
    aliases: z.array(z.tuple([z.string().min(1), Code, z.string()])).describe('zones that govern exactly one division and are named in its place (平潭综合实验区 → 平潭县)'),
  })
  .strict();
export type HistoryFile = z.infer<typeof HistoryFile>;

/** A division as named in a given year: the name of its time, its parents of that time, today's code. */
export interface NamedDivision {
  readonly name: string;
  readonly level: Level;
  readonly province: string | null;
  readonly city: string | null;
  readonly county: string | null;
  /** today's code (the successor's for a renamed division; the old code when it has no successor) */
  readonly code: string;
  /** true when the name is no longer in use today (清苑县) */
  readonly former: boolean;
}

export interface History {
  readonly source: HistoryFile['source'];
  /** divisions that bore this full name in the year (any year when null), today's names first */
  named(name: string, year: number | null): readonly NamedDivision[];
  /** every full name, today's and former, for scanning text */
  readonly names: ReadonlySet<string>;
}

/** A name listed in the code lists from `first` to `last` is taken as valid from the year before to the year after (lists are yearly snapshots). */
const validIn = (year: number | null, first: number, last: number): boolean => year === null || (year >= first - 1 && year <= last + 1);

export function makeHistory(file: HistoryFile, g: Gazetteer): History {
  const since = new Map(file.since.map(([code, name, first]) => [`${code} ${name}`, first]));
  const formerByName = new Map<string, HistoryFile['former'][number][]>();
  for (const row of file.former) formerByName.set(row[1], [...(formerByName.get(row[1]) ?? []), row]);
  const aliases = new Map(file.aliases.map(([name, code]) => [name, code]));
  const names = new Set<string>([...g.all.map((d) => d.name), ...formerByName.keys(), ...aliases.keys()]);
  const firstList = file.former.reduce((m, r) => Math.min(m, r[5]), Infinity);
  return {
    source: file.source,
    names,
    named(name, year) {
      const out: NamedDivision[] = [];
      const aliased = aliases.get(name);
      const own = aliased ? g.byCode(aliased) : undefined;
      for (const d of own ? [own] : g.byName(name)) {
        if (!validIn(year, since.get(`${d.code} ${d.name}`) ?? -Infinity, Infinity)) continue;
        out.push({ name: d.name, level: d.level, province: g.provinceOf(d)?.name ?? null, city: g.cityOf(d)?.name ?? null, county: d.level === 'county' ? d.name : null, code: d.code, former: false });
      }
      for (const [code, n, level, city, province, first, last, successor] of formerByName.get(name) ?? []) {
        // the first list (2002) stands for every earlier year too
        if (!validIn(year, first === firstList ? -Infinity : first, last)) continue;
        out.push({ name: n, level, province, city: level === 'city' ? n : city, county: level === 'county' ? n : null, code: successor ?? code, former: true });
      }
      return out;
    },
  };
}

let cached: History | undefined;

/** Load and validate data/gazetteer-history.json (cached). */
export function loadHistory(path?: string, g: Gazetteer = loadGazetteer()): History {
  if (path === undefined && cached) return cached;
  // the shipped file is validated by test/shipped-data.test.ts, a user's file here
  const data = path === undefined ? readShipped('data/gazetteer-history.json', HistoryFile) : readValidated(path, HistoryFile, 'gazetteer history file');
  const h = makeHistory(data, g);
  if (path === undefined) cached = h;
  return h;
}
