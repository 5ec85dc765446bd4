/**
 * Packing: quotes ingested since the last pack (the `fresh` table) are moved into their stems' chunks,
 * and postings of removed quotes (`dead`) are dropped from the chunks holding them, in one transaction.
 * Ingests never write chunks, so they never contend on a common stem's postings; a check reads the
 * chunks plus the few fresh quotes, so packing changes only how fast checks are, never what they find.
 * Only one pack runs at a time (an advisory lock; a second caller returns at once). Chunks are merged
 * geometrically — the newest chunks of a stem are rewritten together while they are at most twice the
 * size of what is being added — so each posting is rewritten a logarithmic number of times and a stem
 * has few chunks; none holds more than CHUNK_MAX postings.
 */
import type { Pool } from 'pg';
import { encodeChunk } from './chunkData';
import { readChunks } from './chunkRead';
import { inTransaction } from './ingest';

export const CHUNK_MAX = 65_536;
const PACK_LOCK = 74_140_002;

interface Postings { qids: number[]; lens: number[] }

/** Packs up to `batch` fresh quotes; null when another pack holds the lock. */
export async function pack(pool: Pool, batch = 200_000): Promise<{ quotes: number; dead: number; written: number } | null> {
  return inTransaction(pool, async (c) => {
    if (!(await c.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [PACK_LOCK])).rows[0].ok) return null;
    // Deleting first locks the rows: a removal of one of these quotes waits for this pack, then finds
    // its fresh rows gone and records dead postings instead.
    const fresh = (await c.query<{ qid: number; n_stems: number; stems: number[] }>(
      'DELETE FROM fresh WHERE qid IN (SELECT qid FROM fresh ORDER BY qid LIMIT $1) RETURNING qid, n_stems, stems', [batch])).rows;
    const dead = (await c.query<{ stem_id: number; qid: number }>('DELETE FROM dead RETURNING stem_id, qid')).rows;
    const added = new Map<number, Postings>();
    for (const r of fresh) {
      for (const s of new Set(r.stems)) {
        let p = added.get(s);
        if (!p) added.set(s, (p = { qids: [], lens: [] }));
        p.qids.push(r.qid);
        p.lens.push(r.n_stems);
      }
    }
    const gone = new Map<number, Set<number>>();
    for (const d of dead) (gone.get(d.stem_id) ?? gone.set(d.stem_id, new Set()).get(d.stem_id)!).add(d.qid);
    const stems = [...new Set([...added.keys(), ...gone.keys()])].sort((a, b) => a - b);
    if (stems.length === 0) return { quotes: 0, dead: 0, written: 0 };
    const meta = (await c.query<{ id: string; stem_id: number; n: number; lo: number; hi: number }>(
      'SELECT id, stem_id, n, lo, hi FROM chunks WHERE stem_id = ANY ($1::int[]) ORDER BY stem_id, id', [stems])).rows;
    const chunksOf = new Map<number, typeof meta>();
    for (const m of meta) (chunksOf.get(m.stem_id) ?? chunksOf.set(m.stem_id, []).get(m.stem_id)!).push(m);
    // Which chunks each stem rewrites: those holding a dead posting, and its newest while small enough.
    const rewrite = new Map<number, string[]>();
    for (const s of stems) {
      const list = chunksOf.get(s) ?? [];
      const dropped = gone.get(s);
      const taken = new Set<string>();
      if (dropped) for (const ch of list) for (const q of dropped) if (q >= ch.lo && q <= ch.hi) { taken.add(ch.id); break; }
      let acc = added.get(s)?.qids.length ?? 0;
      for (let i = list.length - 1; i >= 0 && acc > 0; i--) {
        const ch = list[i];
        if (taken.has(ch.id)) continue;
        if (ch.n > 2 * acc || acc + ch.n > CHUNK_MAX) break;
        taken.add(ch.id);
        acc += ch.n;
      }
      rewrite.set(s, [...taken]);
    }
    const ids = [...rewrite.values()].flat();
    const old = await readChunks(c, ids);
    const out = { stem: [] as number[], n: [] as number[], lo: [] as number[], hi: [] as number[], data: [] as Buffer[] };
    for (const s of stems) {
      const p: Postings = { qids: [], lens: [] };
      const dropped = gone.get(s);
      for (const id of rewrite.get(s)!) {
        const ch = old.get(id)!;
        for (let k = 0; k < ch.qids.length; k++) {
          if (dropped?.has(ch.qids[k])) continue;
          p.qids.push(ch.qids[k]);
          p.lens.push(ch.lens[k]);
        }
      }
      const a = added.get(s);
      if (a) for (let k = 0; k < a.qids.length; k++) { p.qids.push(a.qids[k]); p.lens.push(a.lens[k]); }
      for (let at = 0; at < p.qids.length; at += CHUNK_MAX) {
        const qids = p.qids.slice(at, at + CHUNK_MAX);
        out.stem.push(s);
        out.n.push(qids.length);
        out.lo.push(qids.reduce((x, y) => Math.min(x, y)));
        out.hi.push(qids.reduce((x, y) => Math.max(x, y)));
        out.data.push(encodeChunk(qids, p.lens.slice(at, at + CHUNK_MAX)));
      }
    }
    if (ids.length) await c.query('DELETE FROM chunks WHERE id = ANY ($1::bigint[])', [ids]);
    if (out.stem.length) {
      await c.query('INSERT INTO chunks (stem_id, n, lo, hi, data) SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::bytea[])',
        [out.stem, out.n, out.lo, out.hi, out.data]);
    }
    return { quotes: fresh.length, dead: dead.length, written: out.stem.length };
  });
}
