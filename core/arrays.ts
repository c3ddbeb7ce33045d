/**
 * Array helpers that stay safe at any size: `a.push(...b)` and `Math.max(...b)` pass b as call
 * arguments and overflow the stack when a document has a few hundred thousand rows or tokens.
 */

/** Append every item to target, one by one. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}

/** The largest number of xs (`empty` for none). */
export function maxOf(xs: Iterable<number>, empty = -Infinity): number {
  let m = empty;
  let first = true;
  for (const x of xs) {
    m = first ? x : Math.max(m, x);
    first = false;
  }
  return m;
}

/** The items under each key, keys in the order first met and items in their order. */
export function groupBy<T>(items: Iterable<T>, key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}
