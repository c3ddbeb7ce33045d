/** The nth five-year plan's years: the 3rd ran 1966–1970 and the sequence was regular from then on. */
export function fiveYearPeriod(n: number): { start: number; end: number } | null {
  if (n === 1) return { start: 1953, end: 1957 };
  if (n === 2) return { start: 1958, end: 1962 };
  if (n < 3 || n > 30) return null;
  const start = 1966 + 5 * (n - 3);
  return { start, end: start + 4 };
}
