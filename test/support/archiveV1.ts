/**
 * A version-1 archive as Verbatim wrote one before migration 2 (commit b286dc7's src/archive/ingest.ts,
 * new documents only): the schema of migration 1 alone, and a document's rows as that ingest wrote
 * them — stems with their shared counts, names by first mention, quotes with their stem ids, one
 * postings row per (stem, quote), the totals. Kept here so that a test can migrate an archive that
 * holds data, not just an empty one; never used by the tool.
 */
import type { Pool } from 'pg';
import type { AnalyzedDoc, AnalyzedQuote } from '../../src/core';
import { MIGRATIONS } from '../../src/archive/migrations';

/** Creates version 1's tables in an empty database, recorded as migration 1. */
export async function createV1(pool: Pool): Promise<void> {
  const v1 = MIGRATIONS.find((m) => m.version === 1)!;
  await pool.query(`CREATE TABLE schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  await pool.query(v1.sql);
  await pool.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [v1.version, v1.name]);
}

/** Version 1's stored quote fields: everything but what has a column or is recomputed. */
function storedFields(q: AnalyzedQuote): string {
  const { tokens: _t, stems: _s, ...rest } = q;
  return JSON.stringify({ ...rest, uri: null, label: null, text: null });
}

/** Adds a new document as version 1's ingest did, in one transaction. */
export async function ingestV1(pool: Pool, doc: AnalyzedDoc, label: string): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const counts = new Map<string, number>();
    for (const q of doc.quotes) for (const s of q.stems) counts.set(s, (counts.get(s) ?? 0) + 1);
    const stems = [...counts.keys()];
    const ids = new Map<string, number>();
    if (stems.length) {
      await c.query(`INSERT INTO stems (stem, df) SELECT * FROM unnest($1::text[], $2::int[]) ORDER BY 1
        ON CONFLICT (stem) DO UPDATE SET df = stems.df + excluded.df`, [stems, stems.map((s) => counts.get(s)!)]);
      for (const row of (await c.query<{ id: number; stem: string }>('SELECT id, stem FROM stems WHERE stem = ANY ($1::text[])', [stems])).rows) ids.set(row.stem, row.id);
    }
    const d = await c.query<{ id: string; ord: string }>(
      `INSERT INTO documents (uri, label, ord, names, text, size, mtime_ms, hash, quote_count)
       VALUES ($1, $2, nextval('documents_ord'), $3, $4, NULL, NULL, NULL, $5) RETURNING id, ord`,
      [doc.uri, label, doc.names, doc.text, doc.quotes.length]);
    const docId = d.rows[0].id;
    if (doc.names.length) {
      await c.query(
        `INSERT INTO names (name, count, ord, pos)
         SELECT name, 1, $2, min(pos) FROM unnest($1::text[]) WITH ORDINALITY AS t(name, pos) GROUP BY name ORDER BY 1
         ON CONFLICT (name) DO UPDATE SET count = names.count + 1,
           ord = CASE WHEN (excluded.ord, excluded.pos) < (names.ord, names.pos) THEN excluded.ord ELSE names.ord END,
           pos = CASE WHEN (excluded.ord, excluded.pos) < (names.ord, names.pos) THEN excluded.pos ELSE names.pos END`,
        [doc.names, d.rows[0].ord]);
    }
    if (doc.quotes.length) {
      const qs = doc.quotes;
      await c.query(
        `INSERT INTO quotes (doc_id, idx, start_at, end_at, text, speaker, fields, stems, n_stems)
         SELECT $1, t.idx, t.s, t.e, t.text, t.speaker, t.fields::json, t.stems::int[], t.n
         FROM unnest($2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[])
           AS t(idx, s, e, text, speaker, fields, stems, n)`,
        [docId, qs.map((_, i) => i), qs.map((q) => q.start), qs.map((q) => q.end), qs.map((q) => q.text),
          qs.map((q) => q.speaker), qs.map(storedFields), qs.map((q) => `{${q.stems.map((s) => ids.get(s)!).join(',')}}`),
          qs.map((q) => q.stems.length)]);
      await c.query('INSERT INTO postings (stem_id, doc_id, idx, n_stems) SELECT unnest(stems), doc_id, idx, n_stems FROM quotes WHERE doc_id = $1', [docId]);
    }
    await c.query('UPDATE totals SET documents = documents + 1, quotes = quotes + $1, generation = generation + 1', [doc.quotes.length]);
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
}

/** A postings chunk in the six-byte layout (chunkData.ts v1) that packs wrote before 2026-12-03. */
export function encodeChunkV1(qids: ArrayLike<number>, lens: ArrayLike<number>): Buffer {
  const n = qids.length;
  const out = Buffer.alloc(n * 6);
  for (let i = 0; i < n; i++) out.writeUInt32LE(qids[i], i * 4);
  for (let i = 0; i < n; i++) out.writeUInt16LE(Math.min(65535, lens[i]), n * 4 + i * 2);
  return out;
}
