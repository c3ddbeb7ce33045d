import { z } from 'zod';
import { readShipped, readValidated } from '../shipped-data.js';
import { shortName } from './short-name.js';
import { packageFile } from '../package-root.js';

/** data/gazetteer.json as written by scripts/build-gazetteer.mjs. */
const Row = z.tuple([z.string().regex(/^\d{6}$/), z.string().min(1), z.string().regex(/^\d{6}$/).nullable()]);
export const GazetteerFile = z
  .object({
    source: z.object({ package: z.string(), version: z.string(), dataset: z.string() }).passthrough(),
    columns: z.tuple([z.literal('code'), z.literal('name'), z.literal('parent')]),
    provinces: z.array(Row),
    cities: z.array(Row),
    counties: z.array(Row),
  })
  .strict();
export type GazetteerFile = z.infer<typeof GazetteerFile>;

export type Level = 'province' | 'city' | 'county';

export interface Division {
  readonly code: string;
  readonly name: string;
  /** short form without the generic suffix (湛河区 → 湛河); equals name when no stem is left */
  readonly short: string;
  readonly level: Level;
  readonly parent: string | null;
}

export interface Gazetteer {
  readonly source: GazetteerFile['source'];
  readonly all: readonly Division[];
  /** exact full name, e.g. 湛河区; several when the name is not unique (新华区) */
  byName(name: string): readonly Division[];
  /** short form, e.g. 湛河, 漯河, 平顶山 */
  byShortName(short: string): readonly Division[];
  /** full or short name */
  lookup(name: string): readonly Division[];
  byCode(code: string): Division | undefined;
  /** parent chain, nearest first: county → city → province */
  parents(d: Division): Division[];
  /** the province a division belongs to (itself for a province) */
  provinceOf(d: Division): Division | undefined;
  /** the city a division belongs to (itself for a city; undefined for provinces and province-run counties) */
  cityOf(d: Division): Division | undefined;
  children(d: Division): readonly Division[];
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Build the lookup API over a parsed gazetteer file. */
export function makeGazetteer(file: GazetteerFile): Gazetteer {
  const all: Division[] = [];
  const add = (rows: GazetteerFile['provinces'], level: Level) => {
    for (const [code, name, parent] of rows) all.push({ code, name, short: shortName(name), level, parent });
  };
  add(file.provinces, 'province');
  add(file.cities, 'city');
  add(file.counties, 'county');

  const codes = new Map(all.map((d) => [d.code, d]));
  const names = new Map<string, Division[]>();
  const shorts = new Map<string, Division[]>();
  const kids = new Map<string, Division[]>();
  for (const d of all) {
    push(names, d.name, d);
    if (d.short !== d.name) push(shorts, d.short, d);
    if (d.parent) push(kids, d.parent, d);
  }
  const none: readonly Division[] = [];
  const parents = (d: Division): Division[] => {
    const chain: Division[] = [];
    let p = d.parent ? codes.get(d.parent) : undefined;
    while (p) {
      chain.push(p);
      p = p.parent ? codes.get(p.parent) : undefined;
    }
    return chain;
  };
  return {
    source: file.source,
    all,
    byName: (name) => names.get(name) ?? none,
    byShortName: (short) => shorts.get(short) ?? none,
    lookup: (name) => names.get(name) ?? shorts.get(name) ?? none,
    byCode: (code) => codes.get(code),
    parents,
    provinceOf: (d) => (d.level === 'province' ? d : parents(d).find((p) => p.level === 'province')),
    cityOf: (d) => (d.level === 'city' ? d : d.level === 'county' ? parents(d).find((p) => p.level === 'city') : undefined),
    children: (d) => kids.get(d.code) ?? none,
  };
}

/** Default data file: data/gazetteer.json in the package. */
export function defaultGazetteerPath(): string {
  return packageFile('data/gazetteer.json');
}

let cached: Gazetteer | undefined;

/** Load and validate a gazetteer file (default: data/gazetteer.json, cached). */
export function loadGazetteer(path?: string): Gazetteer {
  if (path === undefined && cached) return cached;
  // the shipped file is validated by test/shipped-data.test.ts, a user's file here
  const data = path === undefined ? readShipped('data/gazetteer.json', GazetteerFile) : readValidated(path, GazetteerFile, 'gazetteer file');
  const g = makeGazetteer(data);
  if (path === undefined) cached = g;
  return g;
}
