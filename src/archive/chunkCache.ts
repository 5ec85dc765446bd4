/**
 * Decoded postings chunks kept by the reader between checks, least recently used dropped first past a
 * budget in postings. A chunk row never changes (a pack writes new rows and deletes the old), so a
 * chunk cached by its id is the chunk the server holds for as long as that id exists: an editor that
 * checks the same draft again, or drafts on the same story, reads only the chunks' ids.
 */
import type { Chunk } from './chunkData';

export class ChunkCache {
  private readonly map = new Map<string, Chunk>();
  private postings = 0;

  /** `budget` postings at most (six bytes each, decoded into typed arrays); 0 keeps nothing. */
  constructor(readonly budget: number) {}

  get(id: string): Chunk | undefined {
    const c = this.map.get(id);
    if (c) {
      // Map order is insertion order: re-inserting makes this the most recently used.
      this.map.delete(id);
      this.map.set(id, c);
    }
    return c;
  }

  /** Keeps `chunk` (when it fits the budget at all), dropping the least recently used past the budget. */
  set(id: string, chunk: Chunk): void {
    if (chunk.qids.length > this.budget || this.map.has(id)) return;
    this.map.set(id, chunk);
    this.postings += chunk.qids.length;
    for (const [old, c] of this.map) {
      if (this.postings <= this.budget) break;
      this.map.delete(old);
      this.postings -= c.qids.length;
    }
  }

  get size(): { chunks: number; postings: number } {
    return { chunks: this.map.size, postings: this.postings };
  }
}
