/**
 * Writing the archive: one transaction per document, so a document is either wholly in or not at all
 * (a kill mid-ingest leaves the previous version, or nothing). A document's uri is locked for the
 * transaction, so two ingests of one file at once queue instead of both inserting it. New stems and
 * name counts are changed in one sorted statement each, so concurrent ingests lock rows in the same
 * order; a deadlock or serialization failure the server still reports is retried. A document's
 * postings go in as fresh quotes; `pack` (pack.ts) later moves them into the stems' chunks.
 */
import type { Pool, PoolClient, QueryResult } from 'pg';
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
    // The server going away mid-transaction must fail this call, not crash the process.
    const onError = (): void => { broken = true; };
    client.on('error', onError);
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
      client.off('error', onError);
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

/** Runs one statement (its own transaction), retrying it on deadlock or serialization failure. */
async function retried(pool: Pool, name: string, text: string, values: unknown[]): Promise<QueryResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      // Named, so each connection plans it once.
      return await pool.query({ name, text, values });
    } catch (e) {
      if (attempt < 8 && RETRIED.has((e as { code?: string }).code ?? '')) continue;
      throw e;
    }
  }
}

/**
 * Adds a document (analysed), replacing an earlier version with the same uri and keeping that one's
 * order; a new document takes `ord` (from `reserveOrders`) or the next order. One call of the server's
 * verbatim_ingest (ingestSql.ts): one round trip, one transaction.
 */
export async function ingestDocument(pool: Pool, doc: AnalyzedDoc, label: string, state: FileState | null, ord?: number): Promise<void> {
  const qs = doc.quotes;
  await retried(pool, 'verbatim_ingest', 'SELECT verbatim_ingest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)', [
    doc.uri, label, ord ?? null, doc.names, doc.text, state?.size ?? null, state?.mtimeMs ?? null, state?.hash ?? null,
    qs.map((q) => q.start), qs.map((q) => q.end), qs.map((q) => q.text), qs.map((q) => q.speaker), qs.map(storedFields),
    qs.map((q) => q.stems.length), qs.flatMap((q) => q.stems),
  ]);
}

/** Removes a document; false when the archive did not have it. */
export async function removeDocument(pool: Pool, uri: string): Promise<boolean> {
  const r = await retried(pool, 'verbatim_remove', 'SELECT verbatim_remove($1) AS removed', [uri]);
  return (r.rows[0] as { removed: boolean }).removed;
}

/** Records a file's new mtime when its content (hash) is unchanged. */
export async function touchDocument(pool: Pool, uri: string, state: FileState): Promise<void> {
  await pool.query('UPDATE documents SET size = $2, mtime_ms = $3 WHERE uri = $1', [uri, state.size, state.mtimeMs]);
}

type StateRow = { uri: string; size: string | null; mtime_ms: number | null; hash: string | null };

/** Rows of documents' file states by uri (null: ingested with no file behind it). */
function statesOfRows(rows: readonly StateRow[]): Map<string, FileState | null> {
  return new Map(rows.map((row) => [row.uri, row.hash === null ? null : { size: Number(row.size), mtimeMs: Number(row.mtime_ms), hash: row.hash }]));
}

/** The file state of every archived document whose uri starts with one of `prefixes` (all with none). */
export async function fileStates(pool: Pool, prefixes: readonly string[] = []): Promise<Map<string, FileState | null>> {
  const r = await pool.query<StateRow>(
    `SELECT uri, size, mtime_ms, hash FROM documents
     WHERE cardinality($1::text[]) = 0 OR uri LIKE ANY (SELECT replace(replace(replace(p, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%' FROM unnest($1::text[]) p)`,
    [prefixes]);
  return statesOfRows(r.rows);
}

/**
 * The states of exactly these uris, and of those under the folders `under` (each ending in a
 * separator), read by index: what a watcher needs for the few files it was told of.
 */
export async function fileStatesOf(pool: Pool, uris: readonly string[], under: readonly string[] = []): Promise<Map<string, FileState | null>> {
  // A prefix as a byte range [p, p with its last byte raised), which the text_pattern_ops index of
  // migration 5 answers (LIKE with a parameter is planned without it).
  const upper = under.map((p) => p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1));
  const r = await pool.query<StateRow>(
    `SELECT uri, size, mtime_ms, hash FROM documents WHERE uri = ANY ($1::text[])
     UNION SELECT d.uri, d.size, d.mtime_ms, d.hash FROM unnest($2::text[], $3::text[]) AS p(lo, hi)
       JOIN documents d ON d.uri ~>=~ p.lo AND d.uri ~<~ p.hi`,
    [uris, under, upper]);
  return statesOfRows(r.rows);
}

/** The quote's fields as stored: everything but what has a column or is recomputed, keys in order. */
export function storedFields(q: AnalyzedQuote): string {
  // Read key by key, so that `tokens` is never read: an unpacked analysis computes its tokens when they
  // are first read (packedAnalyses.ts), and spreading the quote tokenized it again on this thread.
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(q)) if (k !== 'tokens' && k !== 'stems') out[k] = q[k as keyof AnalyzedQuote];
  out.uri = null;
  out.label = null;
  out.text = null;
  return JSON.stringify(out);
}
