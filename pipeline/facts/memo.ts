/**
 * A pure function of a short string with its answers kept: the same names and unit texts come back
 * in every document. At most `limit` answers are kept; then all are forgotten at once.
 */
export function memoized<T>(fn: (key: string) => T, limit = 50_000): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    let out = memo.get(key);
    if (out === undefined) {
      if (memo.size >= limit) memo.clear();
      out = fn(key);
      memo.set(key, out);
    }
    return out;
  };
}
