/**
 * The archive as a candidate source: the in-memory index's ranking over the archive's postings. For a
 * check's quotes, in one read-only snapshot: their stems' ids and live posting counts (chunk sizes less
 * dead postings, plus fresh quotes); per quote, its stems sorted rarest first (ties in the quote's own
 * order) and those in more than 5% of all quotes (at least 1,000) dropped unless among the two rarest,
 * as the in-memory index does; the chunks of the stems kept are read whole (packed postings, about
 * 2.5 bytes each: chunkData.ts) and counted here in typed arrays, scored shared² / the fewer stems,
 * and the quotes ranked within the top `limit` by score, shared count and fewest stems (all three
 * read from the postings) come back; the last ties are broken by uri in the one source order (code
 * units, which the server's collation need not follow) and position, exactly as the in-memory index
 * does. Counting in the reader is what scales: the server's GROUP BY over a row per
 * posting cost about a microsecond a posting (135 ms a query at 50,000 articles).
 */
import type { Pool, PoolClient } from 'pg';
import { ChunkCache, LruCache } from './chunkCache';
import { streamChunks } from './chunkRead';
import { byRank, Tally, type Scored } from './tally';
import { commonCap, compareSourceOrder, quoteFromFields, RAREST_KEPT, type CandidateRequest, type CandidateSource, type Quote, type SourceCandidate } from '../core';

// Joins and one aggregate each, not a subquery per stem (which a generic plan ran as scans: 6 ms).
const HEAD = `
WITH s AS (SELECT id, stem FROM stems WHERE stem = ANY ($1::text[])),
c AS (SELECT c.stem_id, sum(c.n) AS n FROM chunks c JOIN s ON c.stem_id = s.id GROUP BY c.stem_id),
d AS (SELECT d.stem_id, count(*) AS n FROM dead d JOIN s ON d.stem_id = s.id GROUP BY d.stem_id)
SELECT s.id, s.stem, (coalesce(c.n, 0) - coalesce(d.n, 0))::int AS packed
FROM s LEFT JOIN c ON c.stem_id = s.id LEFT JOIN d ON d.stem_id = s.id`;

const EXCLUDED = `
SELECT t.quotes::float8 AS live, ARRAY(SELECT q.qid FROM documents d JOIN quotes q ON q.doc_id = d.id WHERE d.uri = $1) AS qids FROM totals t`;

const KEYS = 'SELECT q.qid, q.start_at, d.uri FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE q.qid = ANY ($1::int[])';

const DETAILS = `
SELECT q.qid, q.start_at, q.end_at, q.text, q.speaker, q.fields, d.uri, d.label, d.ord
FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE q.qid = ANY ($1::int[])`;

/** 12 million postings, 72 MB: the chunks a few drafts' quotes read at a million articles. */
export const DEFAULT_CACHE_POSTINGS = 12_000_000;

/** Tie-break keys kept per cached posting: 300,000 (about 30 MB) beside the default 12 million postings. */
const KEYS_PER_POSTING = 0.025;

/** Archived documents sort before local ones in "earliest source" order: their orders are shifted below 0. */
export const ARCHIVE_ORDER_OFFSET = 2 ** 40;

/** A stem's postings as read for one check: its chunks, its fresh quotes, its dead postings. */
interface StemPostings { df: number; chunks: { qids: ArrayLike<number>; lens: ArrayLike<number> }[]; fresh: number[]; freshLens: number[]; dead: number[] }

/** What ties at the limit are broken by: the quote's document uri and its position. */
interface TieKey { uri: string; start: number }

/** The archive behind `pool` as a CandidateSource; names are reloaded when the archive changes. */
export class ArchiveSource implements CandidateSource {
  private namesOf: { generation: string; key: string; list: readonly string[] } | null = null;
  /**
   * Counting scratch (tally.ts), one per request in flight: a request counts across awaits (its chunks
   * as they arrive), so two at once (a hover during a check) each take their own.
   */
  private readonly tallies: Tally[] = [];

  private readonly cache: ChunkCache;
  private readonly keyCache: LruCache<number, TieKey>;

  /**
   * `cachePostings`: how many decoded postings to keep between checks (six bytes each; 0: none), and
   * tie-break keys in proportion (0: none).
   */
  constructor(private readonly pool: Pool, cachePostings = DEFAULT_CACHE_POSTINGS) {
    this.cache = new ChunkCache(cachePostings);
    this.keyCache = new LruCache(Math.round(cachePostings * KEYS_PER_POSTING), () => 1);
  }

  async candidates(requests: readonly CandidateRequest[]): Promise<SourceCandidate[][]> {
    const out: SourceCandidate[][] = requests.map(() => []);
    if (requests.length === 0) return out;
    const client = await this.pool.connect();
    let broken = false;
    // A checked-out client's error event (the server went away) would otherwise crash the process;
    // the query in flight fails with it anyway.
    const onError = (): void => { broken = true; };
    client.on('error', onError);
    try {
      // One snapshot: a pack moving fresh quotes into chunks must not be seen half-done.
      // No parallel plans: these are index lookups, and a parallel hash join built its table once per
      // worker (three times the lookups of a 12,000-quote tie set at 200,000 articles).
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL max_parallel_workers_per_gather = 0');
      // Requests of one check share the excluded uri and the limit; others are asked apart.
      const groups = new Map<string, number[]>();
      requests.forEach((r, i) => {
        const key = JSON.stringify([r.exclude, r.limit]);
        groups.set(key, [...(groups.get(key) ?? []), i]);
      });
      for (const members of groups.values()) {
        const found = await this.group(client, members.map((i) => requests[i]));
        members.forEach((m, j) => { out[m] = found[j]; });
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => { broken = true; });
      throw e;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
    return out;
  }

  /** Candidates for requests with one excluded uri and one limit. */
  private async group(c: PoolClient, requests: readonly CandidateRequest[]): Promise<SourceCandidate[][]> {
    const { exclude, limit } = requests[0];
    const words = [...new Set(requests.flatMap((r) => r.stems))];
    const head = (await c.query<{ id: number; stem: string; packed: number }>({ name: 'verbatim_head', text: HEAD, values: [words] })).rows;
    const ex = (await c.query<{ live: number; qids: number[] }>({ name: 'verbatim_excluded', text: EXCLUDED, values: [exclude] })).rows[0];
    const byStem = new Map<string, StemPostings & { id: number }>();
    const byId = new Map<number, StemPostings>();
    for (const h of head) {
      const p = { id: h.id, df: h.packed, chunks: [], fresh: [], freshLens: [], dead: [] };
      byStem.set(h.stem, p);
      byId.set(h.id, p);
    }
    let maxQid = 0;
    if (head.length) {
      const fresh = (await c.query<{ qid: number; n_stems: number; stems: number[] }>(
        { name: 'verbatim_fresh', text: 'SELECT qid, n_stems, stems FROM fresh WHERE stems && $1::int[]', values: [head.map((h) => h.id)] })).rows;
      for (const f of fresh) {
        maxQid = Math.max(maxQid, f.qid);
        for (const s of new Set(f.stems)) {
          const p = byId.get(s);
          if (!p) continue;
          p.df++;
          p.fresh.push(f.qid);
          p.freshLens.push(Math.min(65535, f.n_stems)); // as chunks store it
        }
      }
    }
    const live = ex.live;
    const cap = commonCap(live);
    // Each request's stems kept for counting, rarest first, as CandidateRanker keeps them.
    const used = requests.map((r) => {
      const lists = r.stems.map((s) => byStem.get(s)).filter((p): p is StemPostings & { id: number } => p !== undefined && p.df > 0);
      lists.sort((x, y) => x.df - y.df);
      return lists.filter((l, i) => i < RAREST_KEPT || l.df <= cap);
    });
    const wanted = [...new Set(used.flat().map((p) => p.id))];
    const excluded = new Set(ex.qids);
    const tally = this.tallies.pop() ?? new Tally();
    let ranked: Scored[][];
    try {
      ranked = await this.count(c, requests, used, wanted, byId, maxQid, tally, limit, excluded);
    } finally {
      // One kept (five bytes per quote number: 47 MB at a million articles); one made for a request
      // beside it is dropped.
      if (this.tallies.length === 0) this.tallies.push(tally);
    }
    // Ties at the limit are broken by uri and position: read those for requests with more than `limit`.
    const tied = ranked.filter((rs) => rs.length > limit).flat().map((x) => x.qid);
    // Thousands tie at a million articles, and a lookup each was most of the slowest queries: the
    // keys seen before come from the reader's cache (they never change: chunkCache.ts).
    const keys = new Map<number, TieKey>();
    const unknown: number[] = [];
    for (const q of new Set(tied)) {
      const k = this.keyCache.get(q);
      if (k) keys.set(q, k);
      else unknown.push(q);
    }
    if (unknown.length) {
      for (const k of (await c.query<{ qid: number; start_at: number; uri: string }>({ name: 'verbatim_keys', text: KEYS, values: [unknown] })).rows) {
        const key = { uri: k.uri, start: k.start_at };
        keys.set(k.qid, key);
        this.keyCache.set(k.qid, key);
      }
    }
    const chosen = ranked.map((rs) => (rs.length > limit ? best(rs, keys, limit) : rs));
    const all = [...new Set(chosen.flat().map((x) => x.qid))];
    if (all.length === 0) return requests.map(() => []);
    const details = await c.query<{ qid: number; start_at: number; end_at: number; text: string; speaker: string | null; fields: Record<string, unknown>; uri: string; label: string; ord: string }>(
      { name: 'verbatim_details', text: DETAILS, values: [all] });
    const quotes = new Map(details.rows.map((d) => [d.qid, d]));
    return chosen.map((rs) => {
      const rows = rs.map((x) => ({ x, d: quotes.get(x.qid)! }));
      // Within the kept set, the final order: the rank, then uri and position.
      rows.sort((a, b) => byRank(a.x, b.x) || compareSourceOrder(a.d.uri, b.d.uri) || a.d.start_at - b.d.start_at);
      return rows.map(({ x, d }) => {
        const fields = { ...d.fields, uri: d.uri, label: d.label, text: d.text, start: d.start_at, end: d.end_at, speaker: d.speaker } as unknown as Quote;
        return { quote: quoteFromFields(fields), shared: x.shared, order: Number(d.ord) - ARCHIVE_ORDER_OFFSET };
      });
    });
  }

  /**
   * Reads the chunks of the `wanted` stems (those not cached) and each request's kept quotes
   * (tally.ts). A lone request (a hover's, the bench's) counts each chunk as its row arrives, so the
   * counting goes on while the server reads and sends the rest; requests of a check share their
   * chunks and are counted one after another once all are in.
   */
  private async count(c: PoolClient, requests: readonly CandidateRequest[], used: readonly StemPostings[][], wanted: readonly number[],
    byId: ReadonlyMap<number, StemPostings>, maxQid: number, tally: Tally, limit: number, excluded: ReadonlySet<number>): Promise<Scored[][]> {
    const alone = requests.length === 1;
    // The chunks to fetch (those not cached), with their stems.
    const stemOf = new Map<string, number>();
    if (wanted.length) {
      // The chunks' ids, then the data of those not cached (chunk rows never change: chunkCache.ts).
      const ids = (await c.query<{ id: string; stem_id: number; hi: number }>(
        { name: 'verbatim_chunk_ids', text: 'SELECT id, stem_id, hi FROM chunks WHERE stem_id = ANY ($1::int[])', values: [wanted] })).rows;
      const dead = await c.query<{ stem_id: number; qid: number }>(
        { name: 'verbatim_dead', text: 'SELECT stem_id, qid FROM dead WHERE stem_id = ANY ($1::int[])', values: [wanted] });
      for (const row of dead.rows) byId.get(row.stem_id)!.dead.push(row.qid);
      for (const r of ids) {
        maxQid = Math.max(maxQid, r.hi);
        const cached = this.cache.get(r.id);
        if (cached) byId.get(r.stem_id)!.chunks.push(cached);
        else stemOf.set(r.id, r.stem_id);
      }
    }
    if (alone) {
      tally.begin(used[0].length, maxQid);
      for (const l of used[0]) for (const ch of l.chunks) tally.add(ch.qids, ch.lens);
    }
    await streamChunks(c, [...stemOf.keys()], (id, chunk) => {
      this.cache.set(id, chunk);
      byId.get(stemOf.get(id)!)!.chunks.push(chunk);
      if (alone) tally.add(chunk.qids, chunk.lens);
    });
    return requests.map((r, j) => {
      const lists = used[j];
      if (!alone) {
        tally.begin(lists.length, maxQid);
        for (const l of lists) for (const ch of l.chunks) tally.add(ch.qids, ch.lens);
      }
      for (const l of lists) if (l.fresh.length) tally.add(l.fresh, l.freshLens);
      // A dead posting is in one of the stem's chunks, so it was counted above.
      for (const l of lists) tally.subtract(l.dead);
      return tally.select(r.stems.length, limit, excluded);
    });
  }

  async documents(uri: string): Promise<{ count: number; has: boolean }> {
    const r = await this.pool.query<{ documents: string; has: boolean }>(
      'SELECT documents, EXISTS (SELECT 1 FROM documents WHERE uri = $1) AS has FROM totals', [uri]);
    return { count: Number(r.rows[0].documents), has: r.rows[0].has };
  }

  /** The archive's names, or (given `words`) those with one of `words` as a word: see CandidateSource. */
  async names(words?: readonly string[]): Promise<readonly string[]> {
    if (words?.length === 0) return [];
    const key = words ? JSON.stringify(words) : '';
    const g = (await this.pool.query<{ generation: string }>('SELECT generation FROM totals')).rows[0].generation;
    if (this.namesOf?.generation !== g || this.namesOf.key !== key) {
      const r = words
        ? await this.pool.query<{ name: string }>({ name: 'verbatim_names_with', text: 'SELECT name FROM names WHERE count > 0 AND words && $1::text[] ORDER BY ord, pos, name', values: [words] })
        : await this.pool.query<{ name: string }>('SELECT name FROM names WHERE count > 0 ORDER BY ord, pos, name');
      this.namesOf = { generation: g, key, list: r.rows.map((row) => row.name) };
    }
    return this.namesOf.list;
  }
}

/** The best `limit` of a request's kept quotes, ties broken as the in-memory index breaks them. */
function best(rows: readonly Scored[], keys: ReadonlyMap<number, TieKey>, limit: number): Scored[] {
  return [...rows]
    .sort((x, y) => byRank(x, y) || compareSourceOrder(keys.get(x.qid)!.uri, keys.get(y.qid)!.uri) || keys.get(x.qid)!.start - keys.get(y.qid)!.start)
    .slice(0, limit);
}
