/**
 * A connection to the archive: a PostgreSQL database given by URL (the password from the URL, a stored
 * secret, the standard PGPASSWORD or ~/.pgpass, as libpq-style tools take it: password.ts). Opening it
 * applies the migrations it lacks, or, for a reader such as the editor, only checks that the schema is
 * one this tool reads. Errors a user can act on are ArchiveErrors with a message that names the
 * server (never the password).
 */
import { Pool } from 'pg';
import { ArchiveSource } from './candidates';
import { fileStates, fileStatesOf, ingestDocument, removeDocument, reserveOrders, touchDocument, type FileState } from './ingest';
import { checkSchema, migrate } from './migrations';
import { pack } from './pack';
import { clientConfig } from './password';
import type { AnalyzedDoc } from '../core';

export class ArchiveError extends Error {}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/** Checks that `url` is a PostgreSQL connection URL; throws an ArchiveError saying why not. */
export function checkUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ArchiveError(`"${redact(url)}" is not a database URL (expected postgresql://user@host:port/database)`);
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new ArchiveError(`"${redact(url)}" is not a PostgreSQL URL (expected postgresql://user@host:port/database)`);
  }
}

/** Why the server could not be used, in words (connection refused, unknown host, bad password, …). */
export function describe(e: unknown, url: string): string {
  const err = e as { code?: string; message?: string };
  const where = `the archive at ${redact(url)}`;
  switch (err.code) {
    case 'ECONNREFUSED': return `${where} refused the connection (is the server running?)`;
    case 'ENOTFOUND': case 'EAI_AGAIN': return `${where}: unknown host`;
    case 'ETIMEDOUT': return `${where} did not answer in time`;
    case '28P01': case '28000': return `${where} refused the login: ${err.message}`;
    case '3D000': return `${where}: ${err.message}`;
    case '42P01': return `${where} has no Verbatim archive yet (run verbatim index --db on it first)`;
    case '57P01': case '57P02': case '57P03': return `${where} is shutting down or starting up (${err.message})`;
    default:
      // pg's words when the server asks for a password and none was found anywhere.
      if (/password must be a string|no password supplied/i.test(err.message ?? '')) return `${where} asks for a password and none was given (PGPASSWORD, ~/.pgpass, or the editor's Set Archive Password)`;
      // pg-pool's "Connection terminated due to connection timeout": a server that never answered.
      if (/connection timeout/i.test(err.message ?? '')) return `${where} did not answer in time`;
      // pg's words for a connection that broke under a query, or before one on a client that had
      // already seen the break (the server stopped, the network failed): "not queryable" says neither.
      if (/not queryable|Connection terminated unexpectedly|ECONNRESET|EPIPE/i.test(`${err.code ?? ''} ${err.message ?? ''}`)) return `${where} closed the connection (the server stopped, or the network failed)`;
      return `${where}: ${err.message ?? String(e)}`;
  }
}

export interface OpenOptions {
  connections?: number;
  /** Commits return before their WAL is flushed (ingest only; see `open`). */
  asyncCommit?: boolean;
  /** A stored password, asked when the URL has none (before PGPASSWORD and ~/.pgpass). */
  secret?: () => Promise<string | undefined>;
  /** Only read: no migrations applied (an editor's user need not own the schema); an older or newer schema is an error. */
  readOnly?: boolean;
  /** How long to wait for a connection, in ms (default 10,000). */
  timeoutMs?: number;
  /** A query that takes longer fails, in ms (default: none). */
  queryTimeoutMs?: number;
}

export class Archive {
  readonly source: ArchiveSource;
  /** Set when an idle connection failed (the server went away between queries). */
  lastError: unknown = null;

  private constructor(readonly pool: Pool, readonly url: string) {
    this.source = new ArchiveSource(pool);
    // An idle client's error (the server stopped) must not crash the process: the next query fails.
    pool.on('error', (e) => { this.lastError = e; });
    // A client's own error event with no listener crashes the process ("terminating connection due to
    // administrator command" when the server stops). The pool listens only while a client is idle, and
    // a query in flight gets the error itself: between the two (a checked-out client between queries,
    // a client ending) nobody did, and `verbatim check --db` died instead of falling back to the local
    // sources (seen once in CI's test of a server stopped mid-check). Every client gets a listener for
    // its life; the failure still reaches the caller, as the next query on that client fails.
    pool.on('connect', (client) => { client.on('error', (e) => { this.lastError = e; }); });
  }

  /**
   * Connects, applies missing migrations; an ArchiveError when the URL or the server is unusable.
   * `asyncCommit` lets commits return before their WAL is flushed: a server crash can then lose the
   * last few ingests (never half of one), which the next `verbatim index` run redoes.
   */
  static async open(url: string, options: OpenOptions = {}): Promise<Archive> {
    checkUrl(url);
    const timeout = options.timeoutMs ?? 10_000;
    const pool = new Pool({
      ...clientConfig(url, options.secret), max: options.connections ?? 4, connectionTimeoutMillis: timeout, application_name: 'verbatim',
      ...(options.queryTimeoutMs ? { query_timeout: options.queryTimeoutMs } : {}),
      ...(options.asyncCommit ? { options: '-c synchronous_commit=off' } : {}),
    });
    const archive = new Archive(pool, url);
    try {
      const client = await pool.connect();
      try {
        if (options.readOnly) await checkSchema(client);
        else await migrate(client);
      } finally {
        client.release();
      }
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw new ArchiveError(describe(e, url));
    }
    return archive;
  }

  /** The URL without its password. */
  get safeUrl(): string {
    return redact(this.url);
  }

  /** Adds or replaces a document in one transaction; `ord` from `reserveOrders` for a new one. */
  ingest(doc: AnalyzedDoc, label: string, state: FileState | null, ord?: number): Promise<void> {
    return ingestDocument(this.pool, doc, label, state, ord);
  }

  /** Fresh orders for `n` new documents, ascending. */
  reserveOrders(n: number): Promise<number[]> {
    return reserveOrders(this.pool, n);
  }

  /**
   * Moves the quotes ingested since the last pack into their stems' chunks (what checks read fastest);
   * null when another pack is running. Ingesting tools call it every few thousand documents and at
   * the end of a run.
   */
  pack(batch?: number): Promise<{ quotes: number; dead: number; written: number } | null> {
    return pack(this.pool, batch);
  }

  remove(uri: string): Promise<boolean> {
    return removeDocument(this.pool, uri);
  }

  touch(uri: string, state: FileState): Promise<void> {
    return touchDocument(this.pool, uri, state);
  }

  states(prefixes: readonly string[] = []): Promise<Map<string, FileState | null>> {
    return fileStates(this.pool, prefixes);
  }

  /** The states of exactly `uris`, and of every document under the folders `under` (see fileStatesOf). */
  statesOf(uris: readonly string[], under: readonly string[] = []): Promise<Map<string, FileState | null>> {
    return fileStatesOf(this.pool, uris, under);
  }

  /** The texts of archived documents, by uri (for line numbers in reports). */
  async texts(uris: readonly string[]): Promise<Map<string, string>> {
    const r = await this.pool.query<{ uri: string; text: string | null }>('SELECT uri, text FROM documents WHERE uri = ANY ($1::text[])', [uris]);
    return new Map(r.rows.filter((row) => row.text !== null).map((row) => [row.uri, row.text!]));
  }

  async stats(): Promise<{ documents: number; quotes: number; bytes: number }> {
    const r = await this.pool.query<{ documents: string; quotes: string; bytes: string }>(
      'SELECT documents, quotes, pg_database_size(current_database()) AS bytes FROM totals');
    return { documents: Number(r.rows[0].documents), quotes: Number(r.rows[0].quotes), bytes: Number(r.rows[0].bytes) };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export type { FileState };
