/**
 * A pure function of one string with its results kept, for work the analysis repeats on the same few
 * thousand strings (names, words): up to `limit` of them, then all are forgotten at once, so the memory
 * is bounded by `limit` and not by the text read.
 *
 * (An open-addressing table hashed here rather than a Map: the strings looked up are freshly cut from a
 * text, and a Map has V8 compute each one's hash in a runtime call, which cost more than the hashing.
 * The table grows as it fills, at most half full.)
 */
export function keptResults<T>(f: (s: string) => T, limit: number): (s: string) => T {
  let size = 64;
  let keys: (string | undefined)[] = emptySlots(size);
  let values: (T | undefined)[] = emptySlots(size);
  let count = 0;
  const hash = (s: string): number => {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h;
  };
  const put = (s: string, h: number, r: T): void => {
    const mask = size - 1;
    let at = h & mask;
    while (keys[at] !== undefined) at = (at + 1) & mask;
    keys[at] = s;
    values[at] = r;
  };
  return (s) => {
    const h = hash(s);
    const mask = size - 1;
    for (let at = h & mask, k = keys[at]; k !== undefined; at = (at + 1) & mask, k = keys[at]) {
      if (k === s) return values[at] as T;
    }
    // A string cut from a text shares the text's memory (V8 makes a slice of 13 characters or more a
    // view into it): keep a copy of its own, or every kept name keeps its whole article alive.
    const key = s.length < 13 ? s : (' ' + s).slice(1);
    const r = f(key);
    if (count >= limit) {
      keys.fill(undefined);
      values.fill(undefined);
      count = 0;
    } else if (2 * (count + 1) > size) {
      const oldKeys = keys;
      const oldValues = values;
      size *= 2;
      keys = emptySlots(size);
      values = emptySlots(size);
      for (let i = 0; i < oldKeys.length; i++) {
        const k = oldKeys[i];
        if (k !== undefined) put(k, hash(k), oldValues[i] as T);
      }
    }
    // (Placed after `f`, which may have kept results of its own here.)
    put(key, h, r);
    count++;
    return r;
  };
}

/**
 * `size` empty slots, written one by one: `new Array(size)` in optimised code is compiled for the
 * lengths seen so far, and a table grown past them threw away the optimised code of each function
 * that had this one inlined (V8's "out of bounds"), to be compiled again.
 */
function emptySlots<V>(size: number): (V | undefined)[] {
  const out: (V | undefined)[] = [];
  for (let i = 0; i < size; i++) out.push(undefined);
  return out;
}
