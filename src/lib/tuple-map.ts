/**
 * Maps and memos keyed by tuples of values, stored as nested maps: a key is never joined into a string and
 * split again, and any value (a function, an object) can be part of one.
 */

/** The slot under which a node of the tree holds its value (a key part can never be this symbol). */
const VALUE = Symbol('value');
type Node = Map<unknown, unknown>;

export class TupleMap<K extends readonly unknown[], V> {
  #root: Node = new Map();
  #size = 0;

  get size(): number {
    return this.#size;
  }

  #node(key: K, create: boolean): Node | undefined {
    let node = this.#root;
    for (const part of key) {
      let next = node.get(part) as Node | undefined;
      if (!next) {
        if (!create) return undefined;
        node.set(part, (next = new Map()));
      }
      node = next;
    }
    return node;
  }

  get(key: K): V | undefined {
    return this.#node(key, false)?.get(VALUE) as V | undefined;
  }

  set(key: K, value: V): this {
    const node = this.#node(key, true)!;
    if (!node.has(VALUE)) this.#size += 1;
    node.set(VALUE, value);
    return this;
  }

  delete(key: K): boolean {
    const node = this.#node(key, false);
    if (!node?.delete(VALUE)) return false;
    this.#size -= 1;
    return true;
  }

  clear(): void {
    this.#root = new Map();
    this.#size = 0;
  }
}

/** Past this many entries a memo starts afresh (a page that runs for days keeps bounded memory). */
const MEMO_LIMIT = 10_000;

/**
 * A memo whose caller names the key and how to compute the value on a miss: for a value that is a function of
 * its key, computed from more than the key holds.
 */
export function keyedMemo<K extends readonly unknown[], V>(): (key: K, compute: () => V) => V {
  const cache = new TupleMap<K, V>();
  return (key, compute) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= MEMO_LIMIT) cache.clear();
      cache.set(key, (value = compute()));
    }
    return value;
  };
}

/** A memo for formatted text keyed by its arguments: billing boundaries and amounts repeat across credits and reloads. */
export function memo<K extends readonly unknown[], V>(compute: (...key: K) => V): (...key: K) => V {
  const cached = keyedMemo<K, V>();
  return (...key) => cached(key, () => compute(...key));
}
