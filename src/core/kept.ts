/**
 * A pure function of one string with its results kept, for work the analysis repeats on the same few
 * thousand strings (names, words): up to `limit` of them, then all are forgotten at once, so the memory
 * is bounded by `limit` and not by the text read.
 */
export function keptResults<T>(f: (s: string) => T, limit: number): (s: string) => T {
  const results = new Map<string, T>();
  return (s) => {
    let r = results.get(s);
    if (r === undefined) {
      if (results.size >= limit) results.clear();
      results.set(s, (r = f(s)));
    }
    return r;
  };
}
