/**
 * Whether a statement reports a result, sets a target, or estimates: from its own sentence first
 * (预计 · 目标/力争/确保/计划), then from the headings above it (…回顾, 执行情况 · …目标, 任务, 计划).
 * Undecided statements are dropped: a fact with the wrong polarity is worse than none.
 */
import type { FactPolarity, FactQualifier } from '../../schemas/fact.js';
import type { Period } from './period.js';

export type HeadingMood = 'review' | 'plan' | null;

const REVIEW = /回顾|执行情况|完成情况|主要成就|主要成绩|取得的成就|发展成就|过去[一五]年|工作总结/u;
const PLAN = /目标|计划|任务|部署|安排|展望|总体要求|重点工作|主要工作|思路|建议/u;

/** What a heading says its section holds: a review of results, or plans. */
export function headingMood(title: string): HeadingMood {
  if (REVIEW.test(title)) return 'review';
  if (PLAN.test(title)) return 'plan';
  return null;
}

const EXPECTED = /预计|预估/u;
const TARGET = /目标|力争|争取|确保|计划|预期|规划期末|要达到|将达到|(?:^|[，,；;：:。\s])到\s*(?:\d{4}|“十[一二三四五六七八九]?五”末)/u;
const DONE = /完成|实现|达到|突破/u;
/** 实现年初确定的主要目标, 完成预期目标: a result measured against a target, not a target. */
const TARGET_MET = /(?:实现|完成|达到|超额完成|超过)[^，。；]{0,12}目标/u;

export interface PolarityInput {
  /** the sentence up to the value */
  lead: string;
  /** the innermost heading mood above the statement */
  mood: HeadingMood;
  period: Period | null;
  reportYear: number | null;
  qualifiers: readonly FactQualifier[];
}

export function polarityOf(x: PolarityInput): FactPolarity | null {
  if (EXPECTED.test(x.lead)) return 'expected';
  const past = x.period !== null && x.reportYear !== null && x.period.end < x.reportYear;
  if (TARGET.test(x.lead) && !TARGET_MET.test(x.lead)) return past && /完成|实现/.test(x.lead) ? null : 'target';
  if (x.mood === 'review') return 'achieved';
  if (x.mood === 'plan') {
    if (past) return 'achieved';
    return x.qualifiers.some((q) => q === 'about' || q === 'atLeast' || q === 'atMost' || q === 'striving') ? 'target' : null;
  }
  if (past && DONE.test(x.lead)) return 'achieved';
  return null;
}
