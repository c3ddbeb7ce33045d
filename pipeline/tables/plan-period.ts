import { parseNumeral } from '../../core/text/chinese-numerals.js';

/**
 * The years of a five-year plan named in the text (“十四五” → 2021–2025, “十三五” → 2016–2020),
 * or null. The Nth plan (N ≥ 3) starts in 1966 + 5(N − 3); the first two ran 1953–1962.
 */
export function planPeriod(text: string): { start: number; end: number } | null {
  const m = text.match(/(?:[“"‘'「]|^|[^一二三四五六七八九十])(十[一二三四五六七八九]?|[一二三四五六七八九])五(?=[”"’'」]|规划|时期|期间|末|期)/);
  if (!m) return null;
  const n = parseNumeral(m[1]);
  if (n === null) return null;
  const start = n >= 3 ? 1966 + 5 * (n - 3) : 1953 + 5 * (n - 1);
  return { start, end: start + 4 };
}
