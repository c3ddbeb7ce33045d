/**
 * The metric vocabulary (data/metric-vocabulary.json): names as written → one canonical name.
 * Scope words a document puts before a name (全区, 全市, 我省, 全年 …) are cut off by jieba tokens,
 * so 全区生产总值 reads as 生产总值 while 人均生产总值 stays itself.
 */
import { readFileSync } from 'node:fs';
import { jiebaLexicon } from '../../core/lexicon/lexicon.js';
import { segmentWindow } from '../../core/lexicon/segment-window.js';
import { z } from 'zod';
import { packageFile } from '../../core/package-root.js';
import { memoized } from './memo.js';

const VocabularyFile = z
  .object({
    description: z.string(),
    sources: z.array(z.string()).min(1),
    metrics: z.array(
      z.object({ metric: z.string(), aliases: z.array(z.string()), direction: z.enum(['higher', 'lower']), growth: z.string().optional().describe('the name of its change, when not metric+增速 (an index: 居民消费价格指数 → 居民消费价格涨幅)') }).strict(),
    ),
    growthWords: z.array(z.string()),
  })
  .strict();

export type Direction = 'higher' | 'lower';

export interface MetricName {
  /** canonical name, or the name as written (scope words cut) when unmatched */
  metric: string;
  /** true when found in the vocabulary */
  known: boolean;
  direction: Direction | null;
}

export interface Vocabulary {
  /** the canonical name of a level metric (地区生产总值) */
  name(text: string): MetricName;
  /** the canonical name of a growth metric: 地区生产总值增长 / 生产总值增速 → 地区生产总值增速 */
  growth(baseText: string): MetricName;
  /** the direction of a canonical metric (growth names included) */
  direction(metric: string): Direction | null;
}

/** Words that say where or when, not what: cut from the front of a metric name. */
const SCOPE = new Set(['全区', '全市', '全县', '全省', '全州', '全盟', '全国', '全镇', '我区', '我市', '我县', '我省', '本区', '本市', '全年', '当年', '年内', '今年', '去年', '其中', '共', '全']);

/** A place name as one jieba token: 湖滨区, 平顶山市 (not 城区, 地区: two characters at least before the suffix). */
const PLACE = /^[\u4e00-\u9fff]{2,}[省市区县州旗镇乡]$/u;

/** A name that already is a rate or a change gets no 增速 suffix. */
const RATE_NAME = /(?:涨幅|增幅|增速|率|降低|强度|比重|比例)$/u;

let cached: Vocabulary | null = null;

export function loadVocabulary(): Vocabulary {
  if (cached) return cached;
  const file = VocabularyFile.parse(JSON.parse(readFileSync(packageFile('data/metric-vocabulary.json'), 'utf8')));
  const byAlias = new Map<string, { metric: string; direction: Direction }>();
  const directions = new Map<string, Direction>();
  const growthNames = new Map<string, string>();
  for (const m of file.metrics) {
    if (m.growth !== undefined) growthNames.set(m.metric, m.growth);
    for (const a of [m.metric, ...m.aliases]) byAlias.set(a, { metric: m.metric, direction: m.direction });
    directions.set(m.metric, m.direction);
    if (!RATE_NAME.test(m.metric)) directions.set(`${m.metric}增速`, 'higher');
  }
  const growthSuffix = new RegExp(`(?:${[...file.growthWords].sort((a, b) => b.length - a.length).join('|')})$`, 'u');

  const lexicon = jiebaLexicon();
  const segmentUnscoped = (text: string): string => {
    const t = text.replace(/\s+/g, '');
    const direct = byAlias.get(t);
    if (direct) return t;
    // jieba's dictionary route (what nodejieba.cut(t, false) gives), without loading its segmenter
    const tokens = segmentWindow(t, lexicon);
    let i = 0;
    // scope words and a leading place name (湖滨区生产总值) say where, not what
    while (i < tokens.length - 1 && (SCOPE.has(tokens[i]) || PLACE.test(tokens[i]))) i++;
    return tokens.slice(i).join('');
  };
  // the same names come back in every document (地区生产总值, 一般公共预算收入): segment each once
  const unscoped = memoized(segmentUnscoped);
  const name = (text: string): MetricName => {
    const t = unscoped(text);
    const hit = byAlias.get(t);
    return hit ? { metric: hit.metric, known: true, direction: hit.direction } : { metric: t, known: false, direction: null };
  };
  const growth = (baseText: string): MetricName => {
    const whole = name(baseText);
    if (whole.known && RATE_NAME.test(whole.metric)) return whole;
    const base = name(unscoped(baseText).replace(growthSuffix, ''));
    if (!base.known) return { metric: whole.known ? whole.metric : unscoped(baseText), known: whole.known, direction: whole.direction };
    const named = growthNames.get(base.metric);
    if (named !== undefined) return name(named);
    return RATE_NAME.test(base.metric) ? base : { metric: `${base.metric}增速`, known: true, direction: 'higher' };
  };
  cached = { name, growth, direction: (m) => directions.get(m) ?? null };
  return cached;
}
