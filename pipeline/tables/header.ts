import type { TableColumn } from '../../schemas/table.js';
import { compactText } from './cell-text.js';

export type ColumnRole = TableColumn['role'];

/** Label words, most specific first: 年均增长 is growth even under a 完成情况 group. */
const ROLE_WORDS: ReadonlyArray<[ColumnRole, RegExp]> = [
  ['attribute', /属性|性质|类型/],
  ['unit', /单位/],
  ['growth', /年均|增速|增长|增幅|降幅|累计/],
  ['base', /基数|基期|基准/],
  ['actual', /完成|实际|实绩|现状/],
  ['plan', /计划/],
  ['target', /目标|规划|预期值/],
];

/** The role a header label names by its own words, or null. */
export function roleWords(label: string): ColumnRole | null {
  for (const [role, re] of ROLE_WORDS) if (re.test(label)) return role;
  return null;
}

/** The year a header label names (2015年基数 → 2015), or null. */
export function headerYear(label: string): number | null {
  const m = label.match(/((?:19|20)\d{2})\s*年(?!均)/);
  return m ? Number(m[1]) : null;
}

/** 序号, 指标, 指标名称, 项目: the columns that identify a row rather than hold a value. */
export function isIdLabel(label: string): boolean {
  return /^(序号|编号|指标|指标名称|名称|项目|指标项目|内容)$/.test(compactText(label).replace(/\s+/g, ''));
}

export interface HeaderCell {
  /** header levels from the outer group to the leaf, each compacted */
  levels: string[];
}

/**
 * Role and year of a column from its header levels: the leaf's own words first, then the
 * group's (“十三五”基数 over 2020年绝对值 → base 2020; 规划目标 over 年均增长 → growth).
 */
export function classifyHeader(levels: readonly string[]): { role: ColumnRole; year: number | null } {
  let role: ColumnRole | null = null;
  for (let i = levels.length - 1; i >= 0 && role === null; i--) role = roleWords(levels[i]);
  let year: number | null = null;
  for (let i = levels.length - 1; i >= 0 && year === null; i--) year = headerYear(levels[i]);
  if (role === 'growth' && !levels.some((l) => /\d{4}\s*年(?!均)/.test(l) && roleWords(l) === 'growth')) year = null;
  return { role: role ?? 'other', year };
}

/**
 * Columns with keys that are stable and readable: role-year (base-2015, target-2020), and
 * where that repeats, qualified by the group's role (target-growth, actual-growth), then numbered.
 */
export function makeColumns(cells: readonly HeaderCell[], period: { start: number; end: number } | null = null): TableColumn[] {
  const cols = cells.map((c) => {
    const levels = c.levels.filter((l) => l !== '');
    const classified = classifyHeader(levels);
    const { year } = classified;
    let { role } = classified;
    // a bare year under a plan (“十四五”: 2020年 | 2025年): the year before the plan is the base, its last year the target
    if (role === 'other' && year !== null && period !== null) role = year === period.start - 1 ? 'base' : year === period.end ? 'target' : role;
    const group = levels.length > 1 ? roleWords(levels[0]) : null;
    return { header: levels.join(' / '), role, year, group, key: year === null ? role : `${role}-${year}` };
  });
  const count = (key: string): number => cols.filter((c) => c.key === key).length;
  const dup = new Set(cols.map((c) => c.key).filter((k) => count(k) > 1));
  for (const c of cols) if (dup.has(c.key) && c.group !== null && c.group !== c.role) c.key = `${c.group}-${c.key}`;
  const seen = new Map<string, number>();
  return cols.map((c) => {
    const n = (seen.get(c.key) ?? 0) + 1;
    seen.set(c.key, n);
    return { key: n === 1 ? c.key : `${c.key}-${n}`, header: c.header, role: c.role, year: c.year };
  });
}
