/**
 * What the archive's reader keeps between checks, least recently used dropped first past a budget:
 * decoded postings chunks (budget in postings) and the tie-break keys of quotes (budget in quotes).
 * Both are immutable on the server: a chunk row never changes (a pack writes new rows and deletes the
 * old), and a quote number is never reused nor its document's uri or its position changed (an edited
 * document's quotes get new numbers). So a cached value is the server's for as long as its key exists:
 * an editor that checks the same draft again, or drafts on the same story, reads only the chunks' ids
 * and the keys it has not seen.
 */
import type { Chunk } from './chunkData';

export class LruCache<K, V> {
  private readonly map = new Map<K, V>();
  private used = 0;

  /** `budget` in the units `sizeOf` gives; 0 keeps nothing. */
  constructor(readonly budget: number, private readonly sizeOf: (v: V) => number) {}

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      // Map order is insertion order: re-inserting makes this the most recently used.
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  /** Keeps `value` (when it fits the budget at all), dropping the least recently used past the budget. */
  set(key: K, value: V): void {
    const size = this.sizeOf(value);
    if (size > this.budget || this.map.has(key)) return;
    this.map.set(key, value);
    this.used += size;
    for (const [old, v] of this.map) {
      if (this.used <= this.budget) break;
      this.map.delete(old);
      this.used -= this.sizeOf(v);
    }
  }

  get size(): { entries: number; used: number } {
    return { entries: this.map.size, used: this.used };
  }
}

/** Decoded chunks by id, the budget in postings (six bytes each as typed arrays). */
export class ChunkCache extends LruCache<string, Chunk> {
  constructor(budget: number) {
    super(budget, (c) => c.qids.length);
  }
}
