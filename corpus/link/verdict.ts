/**
 * Whether a reported value meets a target, and by which rule:
 *   左右 (about): within a band — 0.5 percentage points for values in %, 5% of the target otherwise —
 *     or beyond it on the better side; not met on the worse side; unknown when the better side is unknown.
 *   以上/≥ (atLeast): reported ≥ target · 以内/以下/≤ (atMost): reported ≤ target
 *   a plain number: ≥ or ≤ by the metric's direction (data/metric-vocabulary.json); unknown without one
 *   累计 / [ ] (cumulative): only a total for the same period is compared (≥); one year's value → unknown
 */
import type { Direction } from '../../pipeline/facts/vocabulary.js';
import type { Observation } from './observations.js';

export interface Verdict {
  verdict: 'met' | 'not-met' | 'unknown';
  rule: string;
}

const fmt = (n: number): string => String(Math.round(n * 1000) / 1000);

export function bandOf(target: number, unit: string | null): number {
  return unit === '%' ? 0.5 : Math.abs(target) * 0.05;
}

export function judge(t: Observation, r: Observation, direction: Direction | null): Verdict {
  const tv = t.value.value;
  const rv = r.value.value;
  if (tv === undefined || rv === undefined) return { verdict: 'unknown', rule: 'no number on one side' };
  const span = `${t.period.start}–${t.period.end}`;
  if (t.basis === 'cumulative') {
    if (r.basis !== 'cumulative' || r.period.start !== t.period.start || r.period.end !== t.period.end)
      return { verdict: 'unknown', rule: `cumulative over ${span}: one year's value alone cannot meet it` };
    return rv >= tv ? { verdict: 'met', rule: `cumulative over ${span}: reported total ≥ ${fmt(tv)}` } : { verdict: 'not-met', rule: `cumulative over ${span}: reported total < ${fmt(tv)}` };
  }
  const basis = t.basis === 'annualAverage' && r.basis === 'year' ? ` (annual average over ${span} against one year)` : '';
  const kind = t.value.kind === 'estimate' || t.value.kind === 'bracketed' ? 'number' : t.value.kind;
  if (kind === 'atLeast') return rv >= tv ? { verdict: 'met', rule: `atLeast: reported ≥ ${fmt(tv)}${basis}` } : { verdict: 'not-met', rule: `atLeast: reported < ${fmt(tv)}${basis}` };
  if (kind === 'atMost') return rv <= tv ? { verdict: 'met', rule: `atMost: reported ≤ ${fmt(tv)}${basis}` } : { verdict: 'not-met', rule: `atMost: reported > ${fmt(tv)}${basis}` };
  if (kind === 'about') {
    const band = bandOf(tv, t.unit);
    const rule = `about: band ${fmt(tv - band)}–${fmt(tv + band)}`;
    if (Math.abs(rv - tv) <= band) return { verdict: 'met', rule: `${rule}, reported within${basis}` };
    if (direction === null) return { verdict: 'unknown', rule: `${rule}, reported outside and the metric has no known better side${basis}` };
    const better = direction === 'higher' ? rv > tv : rv < tv;
    return better ? { verdict: 'met', rule: `${rule}, reported beyond it on the better side (${direction})${basis}` } : { verdict: 'not-met', rule: `${rule}, reported short of it${basis}` };
  }
  if (kind === 'number') {
    if (direction === 'higher') return rv >= tv ? { verdict: 'met', rule: `number, higher is better: reported ≥ ${fmt(tv)}${basis}` } : { verdict: 'not-met', rule: `number, higher is better: reported < ${fmt(tv)}${basis}` };
    if (direction === 'lower') return rv <= tv ? { verdict: 'met', rule: `number, lower is better: reported ≤ ${fmt(tv)}${basis}` } : { verdict: 'not-met', rule: `number, lower is better: reported > ${fmt(tv)}${basis}` };
    return { verdict: 'unknown', rule: `number: the metric has no known better side${basis}` };
  }
  return { verdict: 'unknown', rule: `target of kind ${t.value.kind} is not compared` };
}
