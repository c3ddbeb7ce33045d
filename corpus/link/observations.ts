/**
 * What a document says about a metric's value, as targets and as reported values: its facts
 * (target / achieved; the growth a reported level carries) and its indicator table cells
 * (target and plan columns, the growth column of a plan table as an annual-average target, actual columns).
 */
import type { LinkDocument } from './index.js';
import type { Quantity, Table } from '../../schemas/table.js';
import type { SourceSpan } from '../../schemas/source.js';
import { loadVocabulary } from '../../pipeline/facts/vocabulary.js';

export interface Observation {
  docId: string;
  role: 'target' | 'reported';
  origin: 'fact' | 'table';
  ref: string;
  metric: string;
  metricText: string;
  unit: string | null;
  value: Quantity;
  period: { start: number; end: number };
  /** an annual average over the period (年均, a plan table's growth column), a cumulative total (累计, [ ]) */
  basis: 'year' | 'annualAverage' | 'cumulative';
  source: SourceSpan;
}

const GROWTH_NAME = /(?:增长|增速|增幅|增长率)$/u;
const USABLE = new Set(['number', 'about', 'atLeast', 'atMost', 'estimate', 'bracketed']);

function factObservations(doc: LinkDocument): Observation[] {
  const out: Observation[] = [];
  for (const f of doc.facts) {
    if (f.period === null || f.polarity === 'expected' || f.value.value === undefined) continue;
    const role = f.polarity === 'target' ? 'target' : 'reported';
    const basis = f.qualifiers.includes('cumulative') ? 'cumulative' : f.qualifiers.includes('annualAverage') ? 'annualAverage' : 'year';
    const base = { docId: doc.id, role, origin: 'fact', ref: f.id, metricText: f.metricText } as const;
    out.push({ ...base, metric: f.metric, unit: f.unit, value: f.value, period: f.period, basis, source: f.source });
    // 地区生产总值263.06亿元，同比增长4.8%: a reported growth of 4.8% too
    const c = f.change;
    if (c && c.kind === 'growth' && c.quantity.value !== undefined && f.vocabulary && !/增速$/.test(f.metric)) {
      const average = c.quantity.qualifier === 'annualAverage';
      out.push({ ...base, metric: `${f.metric}增速`, unit: '%', value: c.quantity, period: f.period, basis: average ? 'annualAverage' : 'year', source: c.quantity.source ?? f.source });
    }
  }
  return out;
}

/** The years a plan table's growth column covers: from the base year to the target year, else the plan's period. */
function growthPeriod(t: Table, doc: LinkDocument): { start: number; end: number } | null {
  const base = t.columns.find((c) => c.role === 'base' && c.year !== null)?.year;
  const target = t.columns.find((c) => c.role === 'target' && c.year !== null)?.year;
  if (base != null && target != null && target > base) return { start: base + 1, end: target };
  return doc.meta.period;
}

function tableObservations(doc: LinkDocument): Observation[] {
  const vocab = loadVocabulary();
  const out: Observation[] = [];
  for (const t of doc.tables) {
    if (t.kind !== 'indicators') continue;
    const span = growthPeriod(t, doc);
    for (const ind of t.indicators) {
      const growthRow = GROWTH_NAME.test(ind.name) && ind.unit === '%';
      for (const col of t.columns) {
        const q = ind.values[col.key];
        if (!q || !USABLE.has(q.kind) || q.value === undefined || !q.source) continue;
        const role = col.role === 'target' || col.role === 'plan' ? 'target' : col.role === 'actual' ? 'reported' : col.role === 'growth' ? 'target' : null;
        if (role === null) continue;
        const growthCol = col.role === 'growth';
        const period = growthCol ? span : col.year !== null ? { start: col.year, end: col.year } : null;
        if (period === null) continue;
        const growth = growthRow || growthCol;
        const metric = growth ? vocab.growth(ind.name.replace(/增长率$/u, '增长')).metric : vocab.name(ind.name).metric;
        const cumulative = q.kind === 'bracketed' && /累计|cumulative/u.test(q.qualifier ?? '');
        out.push({
          docId: doc.id, role, origin: 'table', ref: `${t.id}/${ind.id}/${col.key}`, metric, metricText: ind.name,
          unit: growth ? '%' : ind.unit, value: q, period: growthCol && !cumulative ? period : cumulative && span ? span : period,
          basis: cumulative ? 'cumulative' : growthCol && !growthRow ? 'annualAverage' : growthCol ? 'annualAverage' : 'year', source: q.source,
        });
      }
    }
  }
  return out;
}

export function observationsOf(doc: LinkDocument): Observation[] {
  return [...tableObservations(doc), ...factObservations(doc)];
}
