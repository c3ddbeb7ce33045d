import { z } from 'zod';
import { compiled } from './compiled.js';
import { SourceSpan } from './source.js';
import { Quantity } from './table.js';

export const FactPolarity = z
  .enum(['achieved', 'target', 'expected'])
  .describe('achieved: a result reported as done; target: a plan or goal (目标, 计划, 力争); expected: an estimate of a period not yet closed (预计)')
  .meta({ id: 'FactPolarity' });
export type FactPolarity = z.infer<typeof FactPolarity>;

export const FactQualifier = z
  .enum(['cumulative', 'annualAverage', 'atLeast', 'about', 'atMost', 'striving'])
  .describe('累计 cumulative · 年均 annualAverage · 以上/超过 atLeast · 左右/约 about · 以内/以下/控制在 atMost · 力争/争取 striving')
  .meta({ id: 'FactQualifier' });
export type FactQualifier = z.infer<typeof FactQualifier>;

export const FactChange = z
  .object({
    kind: z.enum(['growth', 'points', 'multiple', 'doubling']).describe('growth: 增长/下降 X%; points: 增长/下降 X 个百分点; multiple: 是…的 N 倍; doubling: 翻一番'),
    quantity: Quantity.describe('signed: a fall (下降, 减少) is negative; for doubling the multiple 2'),
    unit: z.string().nullable().describe('% for growth, 个百分点 for points, 倍 for multiples'),
  })
  .strict()
  .meta({ id: 'FactChange' });
export type FactChange = z.infer<typeof FactChange>;

export const Fact = compiled(
  z
  .object({
    id: z.string().describe('fact-N in document order'),
    sectionId: z.string().nullable().describe('the innermost section holding the paragraph, null before the first heading'),
    paragraphId: z.string().describe('the paragraph (or box id + item ordinal, box-N#i) the statement is in'),
    metric: z.string().describe('normalized metric name from data/metric-vocabulary.json (growth statements end in 增速), or the name as written when unmatched'),
    metricText: z.string().describe('the metric name as written'),
    vocabulary: z.boolean().describe('true when metric was matched in the vocabulary'),
    value: Quantity.describe('the stated value; source is the raw span of the number with its unit and qualifier'),
    unit: z.string().nullable(),
    change: FactChange.optional(),
    period: z
      .object({ start: z.number().int(), end: z.number().int() })
      .strict()
      .nullable()
      .describe('the year (start = end) or years the value refers to; null when the text does not say'),
    periodText: z.string().nullable().describe('what the period was read from: 2024年, 今年, 十四五, or a heading year (heading:2020年)'),
    polarity: FactPolarity,
    qualifiers: z.array(FactQualifier),
    raw: z.string().describe('the statement exactly as in the raw text (raw.slice(source.offset, source.endOffset))'),
    source: SourceSpan,
  })
  .strict()
  .meta({ id: 'Fact' }),
);
export type Fact = z.infer<typeof Fact>;
