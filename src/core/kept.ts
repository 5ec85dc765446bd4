/**
 * A pure function of one string with its results kept, for work the analysis repeats on the same few
 * thousand strings (names, words): up to `limit` of them, then all are forgotten at once, so the memory
 * is bounded by `limit` and not by the text read.
 *
 * (An open-addressing table hashed here rather than a Map: the strings looked up are freshly cut from a
 * text, and a Map has V8 compute each one's hash in a runtime call, which cost more than the hashing.)
 */
export function keptResults<T>(f: (s: string) => T, limit: number): (s: string) => T {
  let size = 16;
  while (size < limit * 2) size *= 2; // at most half full
  const mask = size - 1;
  const keys: (string | undefined)[] = new Array<string | undefined>(size).fill(undefined);
  const values: (T | undefined)[] = new Array<T | undefined>(size).fill(undefined);
  let count = 0;
  return (s) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    let at = h & mask;
    for (let k = keys[at]; k !== undefined; k = keys[at]) {
      if (k === s) return values[at] as T;
      at = (at + 1) & mask;
    }
    const r = f(s);
    if (count >= limit) {
      keys.fill(undefined);
      values.fill(undefined);
      count = 0;
    }
    // (Found again: `f` may have kept results of its own here.)
    at = h & mask;
    while (keys[at] !== undefined) at = (at + 1) & mask;
    keys[at] = s;
    values[at] = r;
    count++;
    return r;
  };
}
