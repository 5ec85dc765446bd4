/**
 * Work fetched ahead of its consumer: `fetch(0)`, `fetch(1)`, … run up to `depth()` at a time while
 * the consumer handles the results, which it gets in order. A consumer that stops early (a `break`
 * out of its `for await`) leaves the fetches under way to finish; each result nobody took is handed
 * to `dropped` when it comes, so whatever it holds can be given back.
 */
export async function* readAhead<T>(count: number, depth: () => number, fetch: (k: number) => Promise<T>, dropped: (result: T) => void): AsyncGenerator<T> {
  const ahead: Promise<T>[] = [];
  let next = 0;
  try {
    for (let k = 0; k < count; k++) {
      for (; next < count && ahead.length < Math.max(1, depth()); next++) {
        const fetching = fetch(next);
        // (Awaited below, where a failure is met; a fetch left behind by an early stop fails unheard.)
        fetching.catch(() => undefined);
        ahead.push(fetching);
      }
      yield await ahead.shift()!;
    }
  } finally {
    for (const fetching of ahead.splice(0)) void fetching.then(dropped, () => undefined);
  }
}
