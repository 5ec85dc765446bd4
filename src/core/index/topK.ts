/** A bounded max-heap of slot numbers, for picking the best k candidates without sorting them all. */

/** Adds `v` to max-heap `h` ordered by `cmp`. */
export function heapPush(h: number[], v: number, cmp: (a: number, b: number) => number): void {
  h.push(v);
  let i = h.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (cmp(h[i], h[p]) <= 0) break;
    [h[i], h[p]] = [h[p], h[i]];
    i = p;
  }
}

/** Replaces the top (the worst kept) of a max-heap and restores it. */
export function heapReplace(h: number[], v: number, cmp: (a: number, b: number) => number): void {
  h[0] = v;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < h.length && cmp(h[l], h[m]) > 0) m = l;
    if (r < h.length && cmp(h[r], h[m]) > 0) m = r;
    if (m === i) break;
    [h[i], h[m]] = [h[m], h[i]];
    i = m;
  }
}
