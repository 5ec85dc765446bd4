/**
 * Candidate ranking: the source quotes sharing the most content stems with a checked quote, counted
 * over the posting lists of its own stems (never a scan of every quote) and the best few kept in a heap.
 */
import type { Postings } from './postings';
import type { SlotTable } from './slotTable';
import { heapPush, heapReplace } from './topK';

/**
 * The rule that keeps a query cheap, shared by every candidate source (the in-memory index, the
 * archive): a stem in more than `share` of all quotes (and in at least COMMON_FLOOR of them) is skipped
 * unless it is among the query's RAREST_KEPT rarest stems.
 */
export const COMMON_SHARE = 0.05;
const COMMON_FLOOR = 1000;
export const RAREST_KEPT = 2;
export const commonCap = (live: number, share = COMMON_SHARE): number => Math.max(COMMON_FLOOR, live * share);

/**
 * The ranking score of a candidate sharing `shared` stems: shared² / the fewer stems of either quote.
 * As many shared stems as possible, and a short quote whose few stems are all shared (an excerpt, half
 * of a split quote) ahead of a long one that shares as many common words by chance.
 *
 * Equal scores are ordered by most shared, then fewest stems of the candidate's own, then source order
 * and position. Fewest stems: of two candidates sharing as much, the one with fewer words the checked
 * quote lacks is the closer match (a one-word quote for a one-word quote, a version of a line before a
 * speech that contains its words). It also keeps the ties the source order must break small: every
 * source reads a candidate's stem count from its postings, but its uri only by a look-up, and at
 * 300,000 archived articles a one-stem quote tied 28,936 others (123 ms of look-ups).
 */
export function candidateScore(shared: number, ownStems: number, theirStems: number): number {
  return (shared * shared) / Math.max(1, Math.min(Math.max(1, ownStems), theirStems));
}

export interface RankQuery {
  stems: readonly string[];
  /** Slots [excludeFirst, excludeEnd) are left out (the checked document's own quotes). */
  excludeFirst: number;
  excludeEnd: number;
  limit: number;
  minShared: number;
  commonShare: number;
}

export interface Ranked {
  slot: number;
  shared: number;
}

export class CandidateRanker {
  /** Scratch: per-slot counts, and the slots touched, in first-touch order. */
  private counts = new Int32Array(0);
  /** The same in bytes, for quotes with fewer than 255 stems: a quarter of the memory to miss in. */
  private counts8 = new Uint8Array(0);
  private touched = new Int32Array(256);
  /**
   * Each slot's stem count in a byte (0: a tombstone; n + 1 for n < 254; 255: read the column), made
   * again when the index has changed. The ranking reads it for every slot it scores, in no order: at
   * 100,000 articles the 3 MB Int32 column missed the cache on most reads, this quarter of it less.
   */
  private stemBytes = new Uint8Array(0);
  private stemBytesOf = -1;

  /**
   * Slots sharing content stems with `q.stems`, best first (candidateScore; then most shared, fewest
   * stems, document rank, position). `ranks` maps a document id to its uri rank.
   */
  rank(q: RankQuery, postings: ReadonlyMap<string, Postings>, table: SlotTable, live: number, ranks: Int32Array, generation: number): Ranked[] {
    if (this.counts.length < table.capacity) {
      // Counts are back to zero after every call, so fresh arrays lose nothing.
      this.counts = new Int32Array(table.capacity);
      this.counts8 = new Uint8Array(table.capacity);
    }
    const lists: Postings[] = [];
    for (const s of q.stems) {
      const l = postings.get(s);
      if (l) lists.push(l);
    }
    lists.sort((x, y) => x.length - y.length);
    const cap = commonCap(live, q.commonShare);
    // A slot is in a list at most once, so its count is at most the number of lists.
    const counts: Int32Array | Uint8Array = lists.length < 255 ? this.counts8 : this.counts;
    let touched = this.touched;
    let n = 0;
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i];
      if (list.length > cap && i >= RAREST_KEPT) continue;
      const data = list.data;
      for (let k = 0; k < list.length; k++) {
        const slot = data[k];
        const c = ++counts[slot];
        if (c === 1) {
          if (n === touched.length) {
            const next = new Int32Array(touched.length * 2);
            next.set(touched);
            this.touched = touched = next;
          }
          touched[n++] = slot;
        }
      }
    }
    const { limit, minShared, excludeFirst: exFirst, excludeEnd: exEnd } = q;
    if (limit <= 0) {
      for (let k = 0; k < n; k++) counts[touched[k]] = 0;
      return [];
    }
    const slotDoc = table.col.doc;
    const slotStems = table.col.stems;
    const stemBytes = this.stemBytesFor(table, generation);
    const slotStart = table.col.start;
    // Ranked by candidateScore; the best `limit` are kept in a heap, the worst on top.
    const kept: number[] = [];
    const shared: number[] = [];
    const score: number[] = [];
    const stems: number[] = [];
    const heap: number[] = [];
    const better = (x: number, y: number): number =>
      score[y] - score[x] || shared[y] - shared[x] || stems[x] - stems[y] || ranks[slotDoc[kept[x]]] - ranks[slotDoc[kept[y]]] ||
      slotStart[kept[x]] - slotStart[kept[y]] || x - y;
    const own = q.stems.length;
    let worst = -1; // the score at the top of a full heap: lower scores cannot get in
    for (let k = 0; k < n; k++) {
      const slot = touched[k];
      const c = counts[slot];
      counts[slot] = 0;
      // A score is at most the count (shared stems are no more than either quote's), so most slots
      // are passed over here without reading their stem count: at 100,000 articles that read, a
      // cache miss per slot in a 3 MB column, was half the ranking's time.
      if (c < worst) continue;
      const b = stemBytes[slot];
      const stemCount = b === 255 ? slotStems[slot] : b - 1; // -1 for a tombstone
      if (c < minShared || stemCount < 0 || (slot >= exFirst && slot < exEnd)) continue;
      const sc = candidateScore(c, own, stemCount);
      if (sc < worst) continue;
      const at = kept.length;
      kept.push(slot);
      shared.push(c);
      score.push(sc);
      stems.push(stemCount);
      if (heap.length < limit) heapPush(heap, at, better);
      else if (better(at, heap[0]) < 0) heapReplace(heap, at, better);
      else continue;
      if (heap.length === limit) worst = score[heap[0]];
    }
    return heap.sort(better).map((k) => ({ slot: kept[k], shared: shared[k] }));
  }

  private stemBytesFor(table: SlotTable, generation: number): Uint8Array {
    if (this.stemBytesOf === generation && this.stemBytes.length >= table.count) return this.stemBytes;
    const n = table.count;
    if (this.stemBytes.length < n) this.stemBytes = new Uint8Array(table.capacity);
    const stems = table.col.stems;
    const out = this.stemBytes;
    for (let s = 0; s < n; s++) {
      const v = stems[s];
      out[s] = v < 0 ? 0 : v < 254 ? v + 1 : 255;
    }
    this.stemBytesOf = generation;
    return out;
  }
}
