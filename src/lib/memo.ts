/** Past this many entries a formatter's memo starts afresh (a page that runs for days keeps bounded memory). */
const MEMO_LIMIT = 10_000;

/** A memo for formatted text: billing boundaries and amounts repeat across credits and reloads. */
export function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= MEMO_LIMIT) cache.clear();
      cache.set(key, (value = compute(key)));
    }
    return value;
  };
}
