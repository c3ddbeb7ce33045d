import { z } from 'zod';
import { SourceSpan } from './source.js';
import { Quantity } from './table.js';

const Period = z.object({ start: z.number().int(), end: z.number().int() }).strict();

export const LinkSide = z
  .object({
    docId: z.string(),
    origin: z.enum(['fact', 'table']).describe('fact: a statement in the prose; table: an indicator table cell'),
    ref: z.string().describe('fact id, or table id / indicator id / column key'),
    metricText: z.string().describe('the metric as the document names it'),
    value: Quantity,
    period: Period.describe('the year (start = end) or years the value is for'),
    source: SourceSpan.describe('raw position in the document'),
  })
  .strict()
  .meta({ id: 'LinkSide' });
export type LinkSide = z.infer<typeof LinkSide>;

export const LinkVerdict = z.enum(['met', 'not-met', 'unknown']).meta({ id: 'LinkVerdict' });

export const Link = z
  .object({
    region: z.string().describe('the region both documents are about: province/city/county, or 全国'),
    regionCode: z.string().nullable(),
    metric: z.string().describe('normalized metric (data/metric-vocabulary.json)'),
    unit: z.string().nullable(),
    target: LinkSide,
    reported: LinkSide,
    reportedKind: z.enum(['result', 'plan']).describe('result: a value reported as achieved (a fact, an actual column); plan: a later document\'s plan for a year inside the target\'s period (verdict unknown)'),
    verdict: LinkVerdict,
    rule: z.string().describe('how the verdict was reached, e.g. "about: reported ≥ target − 0.5" or "atMost: reported ≤ target"'),
  })
  .strict()
  .meta({ id: 'Link' });
export type Link = z.infer<typeof Link>;

export const LinksFile = z
  .object({
    schemaVersion: z.literal('1.0.0'),
    regions: z.array(z.object({ region: z.string(), regionCode: z.string().nullable(), documents: z.array(z.string()) }).strict()).describe('the documents of each region, in id order'),
    unplaced: z.array(z.string()).describe('documents whose region is unknown: never linked'),
    links: z.array(Link),
  })
  .strict();
export type LinksFile = z.infer<typeof LinksFile>;

/** links.json without its links: what is written before them, and checked when they are read one by one. */
export const LinksHead = LinksFile.omit({ links: true });
export type LinksHead = z.infer<typeof LinksHead>;
