/**
 * link: plan targets tied to what later reports say happened, per region. Documents are grouped
 * by region (meta.region; national reports by who speaks); each target — a table's target, plan or
 * growth cell, or a target fact — is paired with every reported value of the same region, metric and
 * unit whose year lies in the target's period (facts and table actual columns), with a verdict.
 */
import { z } from 'zod';
import { Paragraph, PlanDocument } from '../../schemas/document.js';
import { LinksFile, type Link, type LinkSide } from '../../schemas/link.js';
import { loadVocabulary } from '../../pipeline/facts/vocabulary.js';
import { observationsOf, type Observation } from './observations.js';
import { regionOf, type RegionKey } from './region.js';
import { judge } from './verdict.js';
import { groupBy } from '../../core/arrays.js';

const side = (o: Observation): LinkSide => ({ docId: o.docId, origin: o.origin, ref: o.ref, metricText: o.metricText, value: o.value, period: o.period, source: o.source });

/** Does the reported value speak to the target's period? A year inside it, or the same span for a total or an average. */
function covers(t: Observation, r: Observation): boolean {
  if (r.period.start === r.period.end) return r.period.start >= t.period.start && r.period.end <= t.period.end && r.basis === 'year';
  return r.period.start === t.period.start && r.period.end === t.period.end && r.basis === t.basis;
}

/** What linking keeps of a document: its id, its region, and what it says of metrics' values. */
export interface LinkInput {
  id: string;
  region: RegionKey | null;
  observations: Observation[];
}

/**
 * What linking reads of a document: its id, metadata, facts and tables, and the paragraphs its region
 * may be told by (regionOf: those before the first heading and the first section's own; every
 * top-level section's own paragraphs are checked, nothing deeper). Read with this schema, as the
 * exports read theirs, a document's sections are not all validated: about 0.3 ms a document instead
 * of 1.5 ms for the whole schema.
 */
export const LinkDocument = PlanDocument.pick({ id: true, meta: true, paragraphs: true, facts: true, tables: true })
  .extend({ sections: z.array(z.looseObject({ paragraphs: z.array(Paragraph) })) })
  .loose();
export type LinkDocument = z.infer<typeof LinkDocument>;

/** A document reduced to what linking needs, so that a whole corpus is linked without holding its documents. */
export function linkInputOf(doc: LinkDocument): LinkInput {
  return { id: doc.id, region: regionOf(doc), observations: observationsOf(doc) };
}

export function linkDocuments(docs: readonly PlanDocument[]): LinksFile {
  return linkInputs(docs.map(linkInputOf));
}

/** The documents grouped by region (regions in label order, documents in id order), and those without a region. */
export interface RegionGroups<T extends Located = LinkInput> {
  groups: Array<RegionGroup<T>>;
  unplaced: string[];
}

/** A document's id and region: what grouping reads. */
export interface Located {
  id: string;
  region: RegionKey | null;
}

export interface RegionGroup<T extends Located = LinkInput> {
  region: string;
  regionCode: string | null;
  docs: T[];
}

export function groupByRegion<T extends Located>(inputs: readonly T[]): RegionGroups<T> {
  const byRegion = new Map<string, { code: string | null; docs: T[] }>();
  const unplaced: string[] = [];
  for (const d of [...inputs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const r = d.region;
    if (!r) {
      unplaced.push(d.id);
      continue;
    }
    const g = byRegion.get(r.label) ?? { code: r.code, docs: [] };
    g.docs.push(d);
    byRegion.set(r.label, g);
  }
  const groups = [...byRegion].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([region, g]) => ({ region, regionCode: g.code, docs: g.docs }));
  return { groups, unplaced };
}

/** Metric and unit of an observation as one key (a null unit apart from an empty one). */
const metricKey = (o: Observation): string => `${o.metric}\u0000${o.unit ?? ''}\u0000${o.unit === null ? 0 : 1}`;

/** The observations with each metric and unit, in their order: a target is compared with its own metric's values only, not with every value of its region. */
const byMetric = (obs: readonly Observation[]): Map<string, Observation[]> => groupBy(obs, metricKey);

/** The links of one region, targets in document order, each with the reported values that speak to it, then the later plans for one of its years. */
export function* regionLinks(group: RegionGroup): Generator<Link> {
  const vocab = loadVocabulary();
  const { region, regionCode } = group;
  const obs = group.docs.flatMap((d) => d.observations);
  const targets = obs.filter((o) => o.role === 'target');
  const reportedBy = byMetric(obs.filter((o) => o.role === 'reported'));
  const targetsBy = byMetric(targets);
  for (const t of targets) {
    const seen = new Set<string>();
    for (const r of reportedBy.get(metricKey(t)) ?? []) {
      if (!covers(t, r)) continue;
      // the same value of the same year in one document, from its table and its prose: once, the table's
      const key = `${r.docId}|${r.period.start}-${r.period.end}|${r.value.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { verdict, rule } = judge(t, r, vocab.direction(t.metric));
      yield { region, regionCode, metric: t.metric, unit: t.unit, target: side(t), reported: side(r), reportedKind: 'result', verdict, rule };
    }
    // a plan over several years, and what a later document plans for one of them (2025年计划 6.5 under 7左右 for 2021–2025)
    if (t.period.end > t.period.start) {
      for (const later of targetsBy.get(metricKey(t)) ?? []) {
        if (later.docId === t.docId || later.period.start !== later.period.end || !covers(t, later)) continue;
        const key = `plan|${later.docId}|${later.period.start}|${later.value.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const { rule } = judge(t, later, vocab.direction(t.metric));
        yield { region, regionCode, metric: t.metric, unit: t.unit, target: side(t), reported: side(later), reportedKind: 'plan', verdict: 'unknown', rule: `a later plan, not a result (as if reported: ${rule})` };
      }
    }
  }
}

/** The regions part of the links file: each region's documents in id order. */
export const regionsOf = <T extends Located>(g: RegionGroups<T>): LinksFile['regions'] => g.groups.map(({ region, regionCode, docs }) => ({ region, regionCode, documents: docs.map((d) => d.id) }));

/** Link the documents: grouped by region in id order, each target with the reported values that speak to it. */
export function linkInputs(inputs: readonly LinkInput[]): LinksFile {
  const g = groupByRegion(inputs);
  return LinksFile.parse({ schemaVersion: '1.0.0', regions: regionsOf(g), unplaced: g.unplaced, links: g.groups.flatMap((group) => [...regionLinks(group)]) });
}

export const LINK_FIELDS = [
  'region', 'metric', 'unit', 'target', 'target_kind', 'target_period', 'target_doc', 'target_line', 'target_column', 'target_ref',
  'reported', 'reported_kind', 'reported_year', 'reported_doc', 'reported_line', 'reported_column', 'reported_ref', 'verdict', 'rule',
] as const;

export type LinkRow = Record<(typeof LINK_FIELDS)[number], string | number | null>;

/** One row per link, for analysts. */
export function linkRows(file: LinksFile): LinkRow[] {
  return file.links.map(linkRow);
}

/** A link as a row of links.csv. */
export function linkRow(l: Link): LinkRow {
  return {
    region: l.region,
    metric: l.metric,
    unit: l.unit,
    target: l.target.value.raw,
    target_kind: l.target.value.kind,
    target_period: l.target.period.start === l.target.period.end ? String(l.target.period.start) : `${l.target.period.start}-${l.target.period.end}`,
    target_doc: l.target.docId,
    target_line: l.target.source.line,
    target_column: l.target.source.column,
    target_ref: l.target.ref,
    reported: l.reported.value.raw,
    reported_kind: l.reportedKind,
    reported_year: l.reported.period.start === l.reported.period.end ? String(l.reported.period.start) : `${l.reported.period.start}-${l.reported.period.end}`,
    reported_doc: l.reported.docId,
    reported_line: l.reported.source.line,
    reported_column: l.reported.source.column,
    reported_ref: l.reported.ref,
    verdict: l.verdict,
    rule: l.rule,
  };
}
