/**
 * Writing the archive: one transaction per document, so a document is either wholly in or not at all
 * (a kill mid-ingest leaves the previous version, or nothing). A document's uri is locked for the
 * transaction, so two ingests of one file at once queue instead of both inserting it. Stem and name
 * counts are changed in one sorted statement each, so concurrent ingests lock rows in the same order;
 * a deadlock or serialization failure the server still reports is retried.
 */
import type { Pool, PoolClient } from 'pg';
import type { AnalyzedDoc, AnalyzedQuote } from '../core';

/** What a file looked like when it was ingested: unchanged files are skipped by these. */
export interface FileState {
  size: number;
  mtimeMs: number;
  hash: string;
}

const RETRIED = new Set(['40P01', '40001']);

/** Runs `body` in a transaction, retrying it on deadlock or serialization failure. */
export async function inTransaction<T>(pool: Pool, body: (c: PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await body(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => { broken = true; });
      if (attempt < 8 && RETRIED.has((e as { code?: string }).code ?? '')) continue;
      throw e;
    } finally {
      client.release(broken);
    }
  }
}

/** `n` fresh document orders, ascending: reserved before concurrent ingests so orders follow the caller's. */
export async function reserveOrders(pool: Pool, n: number): Promise<number[]> {
  if (n <= 0) return [];
  const r = await pool.query<{ o: string }>("SELECT nextval('documents_ord') AS o FROM generate_series(1, $1) ORDER BY 1", [n]);
  return r.rows.map((row) => Number(row.o));
}

/**
 * Adds a document (analysed), replacing an earlier version with the same uri and keeping that one's
 * order; a new document takes `ord` (from `reserveOrders`) or the next order.
 */
export async function ingestDocument(pool: Pool, doc: AnalyzedDoc, label: string, state: FileState | null, ord?: number): Promise<void> {
  await inTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 14))', [doc.uri]);
    const old = await dropDocument(c, doc.uri);
    const delta = new Map<string, number>(old?.stems);
    for (const q of doc.quotes) for (const s of q.stems) delta.set(s, (delta.get(s) ?? 0) + 1);
    // Stem ids first, locking only stems new to the archive; the shared df rows are updated last,
    // just before the commit, so concurrent ingests hold those hot rows for one statement only.
    const stems = [...delta.keys()];
    const ids = new Map<string, number>();
    if (stems.length) {
      const r = await c.query<{ id: number; stem: string }>(
        `WITH fresh AS (INSERT INTO stems (stem, df) SELECT unnest($1::text[]), 0 ORDER BY 1 ON CONFLICT (stem) DO NOTHING RETURNING id, stem)
         SELECT id, stem FROM fresh UNION ALL SELECT id, stem FROM stems WHERE stem = ANY ($1::text[])`, [stems]);
      for (const row of r.rows) ids.set(row.stem, row.id);
      // A stem another ingest added after this statement began is in neither half: read it now.
      const late = stems.filter((st) => !ids.has(st));
      if (late.length) {
        for (const row of (await c.query<{ id: number; stem: string }>('SELECT id, stem FROM stems WHERE stem = ANY ($1::text[])', [late])).rows) ids.set(row.stem, row.id);
      }
    }
    const d = await c.query<{ id: string; ord: string }>(
      `INSERT INTO documents (uri, label, ord, names, text, size, mtime_ms, hash, quote_count)
       VALUES ($1, $2, coalesce($3, nextval('documents_ord')), $4, $5, $6, $7, $8, $9) RETURNING id, ord`,
      [doc.uri, label, old?.ord ?? ord ?? null, doc.names, doc.text, state?.size ?? null, state?.mtimeMs ?? null, state?.hash ?? null, doc.quotes.length]);
    const docId = d.rows[0].id;
    // Names as the in-memory index counts them (one per document that mentions them, dropped at zero),
    // placed at their first mention: the earliest document's order, then the place in its list.
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
    const changed = stems.filter((st) => delta.get(st) !== 0);
    if (changed.length) {
      await c.query(`INSERT INTO stems (stem, df) SELECT * FROM unnest($1::text[], $2::int[]) ORDER BY 1
        ON CONFLICT (stem) DO UPDATE SET df = stems.df + excluded.df`, [changed, changed.map((st) => delta.get(st)!)]);
    }
    await c.query(
      'UPDATE totals SET documents = documents + $1, quotes = quotes + $2, generation = generation + 1',
      [old ? 0 : 1, doc.quotes.length - (old?.quotes ?? 0)]);
  });
}

/** Removes a document; false when the archive did not have it. */
export async function removeDocument(pool: Pool, uri: string): Promise<boolean> {
  return inTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 14))', [uri]);
    const old = await dropDocument(c, uri);
    if (!old) return false;
    if (old.stems.length) {
      await c.query(`INSERT INTO stems (stem, df) SELECT * FROM unnest($1::text[], $2::int[]) ORDER BY 1
        ON CONFLICT (stem) DO UPDATE SET df = stems.df + excluded.df`, [old.stems.map(([s]) => s), old.stems.map(([, n]) => n)]);
    }
    await c.query('UPDATE totals SET documents = documents - 1, quotes = quotes - $1, generation = generation + 1', [old.quotes]);
    return true;
  });
}

/** Records a file's new mtime when its content (hash) is unchanged. */
export async function touchDocument(pool: Pool, uri: string, state: FileState): Promise<void> {
  await pool.query('UPDATE documents SET size = $2, mtime_ms = $3 WHERE uri = $1', [uri, state.size, state.mtimeMs]);
}

/** The file state of every archived document whose uri starts with one of `prefixes` (all with none). */
export async function fileStates(pool: Pool, prefixes: readonly string[] = []): Promise<Map<string, FileState | null>> {
  const r = await pool.query<{ uri: string; size: string | null; mtime_ms: number | null; hash: string | null }>(
    `SELECT uri, size, mtime_ms, hash FROM documents
     WHERE cardinality($1::text[]) = 0 OR uri LIKE ANY (SELECT replace(replace(replace(p, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%' FROM unnest($1::text[]) p)`,
    [prefixes]);
  return new Map(r.rows.map((row) => [row.uri, row.hash === null ? null : { size: Number(row.size), mtimeMs: Number(row.mtime_ms), hash: row.hash }]));
}

/**
 * Deletes a document's rows (the caller holds its uri lock) and gives back what it held: its order,
 * quote count, and per-stem counts negated (to be added to the stems' df). Names are decremented here.
 */
async function dropDocument(c: PoolClient, uri: string): Promise<{ ord: string; quotes: number; stems: [string, number][] } | null> {
  const r = await c.query<{ id: string; ord: string; quote_count: number; names: string[] }>(
    'SELECT id, ord, quote_count, names FROM documents WHERE uri = $1', [uri]);
  if (r.rows.length === 0) return null;
  const { id, ord, quote_count: quotes, names } = r.rows[0];
  const s = await c.query<{ stem: string; n: number }>(
    `SELECT st.stem, count(*)::int AS n FROM quotes q CROSS JOIN unnest(q.stems) AS x(id) JOIN stems st ON st.id = x.id
     WHERE q.doc_id = $1 GROUP BY st.stem`, [id]);
  await c.query('DELETE FROM postings WHERE doc_id = $1', [id]);
  await c.query('DELETE FROM documents WHERE id = $1', [id]);
  if (names.length) {
    // An upsert rather than an UPDATE … FROM: its rows are locked in the order given.
    await c.query(`INSERT INTO names (name, count, ord, pos) SELECT DISTINCT unnest($1::text[]), 0, 0, 0 ORDER BY 1
      ON CONFLICT (name) DO UPDATE SET count = names.count - 1`, [names]);
    await c.query('DELETE FROM names WHERE count <= 0 AND name = ANY($1::text[])', [names]);
    // A name first mentioned here moves to its next first mention, as the in-memory index lists names
    // in document order of the documents it holds.
    await c.query(
      `UPDATE names SET (ord, pos) = (
         SELECT d.ord, t.pos FROM documents d CROSS JOIN unnest(d.names) WITH ORDINALITY AS t(name, pos)
         WHERE d.names @> ARRAY[names.name] AND t.name = names.name ORDER BY d.ord, t.pos LIMIT 1)
       WHERE name = ANY ($1::text[]) AND ord = $2`, [names, ord]);
  }
  return { ord, quotes, stems: s.rows.map((row) => [row.stem, -row.n]) };
}

/** The quote's fields as stored: everything but what has a column or is recomputed, keys in order. */
function storedFields(q: AnalyzedQuote): string {
  const { tokens: _t, stems: _s, ...rest } = q;
  return JSON.stringify({ ...rest, uri: null, label: null, text: null });
}
