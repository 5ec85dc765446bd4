/**
 * One request's count of shared stems per archived quote, and the quotes ranked within its top `limit`
 * (candidates.ts). Postings are added a chunk at a time in any order — as their rows arrive from the
 * server, while it still sends the rest — because what `select` returns depends only on the counts:
 * the set kept is every quote ranked at or above the limit-th, and its order is fixed after.
 */
// From its module, not the core's index: tsc's re-exports are getters, called once per ranked quote.
import { candidateScore } from '../core/index/candidates';

export interface Scored { qid: number; shared: number; score: number; stems: number }

/**
 * The ranking before source order (candidates.ts): higher score, then more shared, then fewer stems;
 * negative when (score, shared, stems) ranks ahead of `y`.
 */
export const ahead = (score: number, shared: number, stems: number, y: Scored): number => y.score - score || y.shared - shared || stems - y.stems;
export const byRank = (x: Scored, y: Scored): number => ahead(x.score, x.shared, x.stems, y);

/**
 * Scratch kept by a reader between requests (one request at a time): typed arrays and no allocation
 * per quote, since `add` runs once per posting (a million at p95 for a million articles); objects per
 * touched quote made it ten times slower than the counting.
 */
export class Tally {
  /**
   * Shared-stem counts indexed by quote number, back to zero after each request; in bytes when a
   * request counts fewer than 255 stems (a quote is in a stem's postings once, so its count is at most
   * the number of stems), a smaller array to miss the cache in.
   */
  private counts16 = new Uint16Array(0);
  private counts8 = new Uint8Array(0);
  private counts: Uint8Array | Uint16Array = this.counts8;
  private lens = new Uint16Array(0);
  /** The quotes touched, in first-touch order. */
  private touched = new Int32Array(1024);
  private n = 0;

  /** Starts a request counting the postings of `stems` stems, whose quote numbers are at most `maxQid`. */
  begin(stems: number, maxQid: number): void {
    // A request that failed part-way (its chunks stopped arriving) left counts behind.
    for (let k = 0; k < this.n; k++) this.counts[this.touched[k]] = 0;
    this.n = 0;
    if (this.counts16.length <= maxQid) {
      this.counts16 = new Uint16Array(maxQid + 1 + (maxQid >> 2));
      this.counts8 = new Uint8Array(this.counts16.length);
      this.lens = new Uint16Array(this.counts16.length);
    }
    this.counts = stems < 255 ? this.counts8 : this.counts16;
  }

  /** Counts postings: quote numbers (each at most once per stem) and their quotes' stem counts. */
  add(qids: ArrayLike<number>, ns: ArrayLike<number>): void {
    const counts = this.counts;
    const lens = this.lens;
    let touched = this.touched;
    let n = this.n;
    for (let k = 0, end = qids.length; k < end; k++) {
      const q = qids[k];
      if (counts[q]++ === 0) {
        if (n === touched.length) {
          const next = new Int32Array(touched.length * 2);
          next.set(touched);
          this.touched = touched = next;
        }
        touched[n++] = q;
        lens[q] = ns[k];
      }
    }
    this.n = n;
  }

  /** Takes back postings of removed quotes (each one of a stem's chunk postings added before). */
  subtract(dead: readonly number[]): void {
    const counts = this.counts;
    for (const q of dead) if (counts[q] > 0) counts[q]--;
  }

  /**
   * Every quote ranked within the top `limit` by score, shared count and fewest stems (all of the last
   * tie, to be broken by uri and position), in no particular order; the counts are cleared.
   */
  select(own: number, limit: number, excluded: ReadonlySet<number>): Scored[] {
    const { counts, lens, touched, n } = this;
    // The best `limit` (score, shared, fewest stems) so far, sorted best first; lower ones cannot get in.
    const top: Scored[] = [];
    const kept: Scored[] = [];
    let worst = -1; // the last kept score once `limit` are kept
    for (let k = 0; k < n; k++) {
      const q = touched[k];
      const shared = counts[q];
      counts[q] = 0;
      // A score is at most the shared count (candidateScore: shared² over at least `shared`), so most
      // quotes are passed over without reading their stem count, a cache miss each in a column as
      // long as the archive: at 200,000 articles that read and the score were 60% of the ranking.
      if (shared === 0 || limit <= 0 || shared < worst) continue;
      const stems = lens[q];
      const score = candidateScore(shared, own, stems);
      if (score < worst || (top.length === limit && ahead(score, shared, stems, top[limit - 1]) > 0)) continue;
      if (excluded.size && excluded.has(q)) continue;
      const x = { qid: q, shared, score, stems };
      kept.push(x);
      let at = top.length;
      while (at > 0 && byRank(x, top[at - 1]) < 0) at--;
      top.splice(at, 0, x);
      if (top.length > limit) top.pop();
      if (top.length === limit) worst = top[limit - 1].score;
    }
    this.n = 0;
    if (top.length < limit) return kept;
    const last = top[limit - 1];
    return kept.filter((x) => byRank(x, last) <= 0);
  }
}
