/**
 * The archive's schema, as versioned migrations applied in order by `migrate` (never edit one that has
 * shipped: add the next). Applied under an advisory lock, so that two tools starting at once against a
 * fresh database do not both create the tables.
 *
 * Layout (since version 2): a document row per source file; a quote row per quotation, numbered (qid),
 * its content stems as integer ids in an array; the postings (quote number, quote's stem count)
 * packed per stem in chunks (chunkData.ts: six bytes each in v1, varints in v2; the column is the
 * same), which candidate queries read whole and count in the reader (pack.ts moves newly ingested
 * quotes there from the small `fresh` table; removals leave `dead` postings until the next pack);
 * names listed by first mention (document order, then place in the document) so that surnames resolve
 * as the in-memory index resolves them whatever order concurrent ingests commit in; one totals row;
 * the document's text (for line numbers and context in reports).
 * Measured before: a GIN index on the stem arrays (every candidate then cost a fetch of its wide quote
 * row, 400 ms a query at 50,000 articles), then version 1's postings table, a row per posting read by
 * an index-only scan and counted by the server (135 ms), with per-stem counts every ingest updated.
 */
import type { ClientBase } from 'pg';
import { INGEST_FUNCTIONS_V2, INGEST_FUNCTIONS_V3 } from './ingestSql';

export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'documents, quotes, stems, names, totals',
    sql: `
      CREATE TABLE documents (
        id          bigserial PRIMARY KEY,
        uri         text NOT NULL UNIQUE,
        label       text NOT NULL,
        ord         bigint NOT NULL,
        names       text[] NOT NULL,
        text        text,
        size        bigint,
        mtime_ms    double precision,
        hash        text,
        quote_count int NOT NULL,
        ingested_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE SEQUENCE documents_ord;
      CREATE INDEX documents_names ON documents USING gin (names);
      CREATE TABLE stems (
        id   serial PRIMARY KEY,
        stem text NOT NULL UNIQUE,
        df   int NOT NULL
      );
      CREATE TABLE names (
        name  text PRIMARY KEY,
        count int NOT NULL,
        ord   bigint NOT NULL,
        pos   int NOT NULL
      );
      CREATE TABLE quotes (
        doc_id   bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx      int NOT NULL,
        start_at int NOT NULL,
        end_at   int NOT NULL,
        text     text NOT NULL,
        speaker  text,
        fields   json NOT NULL,
        stems    int[] NOT NULL,
        n_stems  int NOT NULL,
        PRIMARY KEY (doc_id, idx)
      );
      -- The inverted index as a table: one row per (stem, quote), the quote's stem count carried along so
      -- that ranking reads this index alone (an index-only scan), never the wide quote rows.
      CREATE TABLE postings (
        stem_id int NOT NULL,
        doc_id  bigint NOT NULL,
        idx     int NOT NULL,
        n_stems int NOT NULL
      );
      CREATE INDEX postings_stem ON postings (stem_id) INCLUDE (doc_id, idx, n_stems);
      CREATE INDEX postings_doc ON postings (doc_id);
      CREATE TABLE totals (
        one        boolean PRIMARY KEY DEFAULT true CHECK (one),
        documents  bigint NOT NULL,
        quotes     bigint NOT NULL,
        generation bigint NOT NULL
      );
      INSERT INTO totals VALUES (true, 0, 0, 0);
    `,
  },
  {
    version: 2,
    name: 'packed postings: fresh quotes, chunks, dead postings; no shared stem counts; ingest and removal as functions',
    sql: `
      -- Every quote gets a number; postings refer to quotes by it.
      CREATE SEQUENCE quote_ids AS integer;
      ALTER TABLE quotes ADD COLUMN qid int;
      UPDATE quotes SET qid = nextval('quote_ids');
      ALTER TABLE quotes ALTER COLUMN qid SET NOT NULL;
      CREATE UNIQUE INDEX quotes_qid ON quotes (qid);
      -- Quotes not yet packed, read by the stems they have (a small table: packing empties it).
      CREATE TABLE fresh (
        qid     int PRIMARY KEY,
        n_stems int NOT NULL,
        stems   int[] NOT NULL
      );
      CREATE INDEX fresh_stems ON fresh USING gin (stems);
      INSERT INTO fresh SELECT qid, n_stems, stems FROM quotes;
      -- Packed postings: per stem, chunks of n quote numbers (uint32, little-endian) followed by their
      -- quotes' stem counts (uint16), stored uncompressed; lo and hi bound the numbers in the chunk.
      CREATE TABLE chunks (
        id      bigserial PRIMARY KEY,
        stem_id int NOT NULL,
        n       int NOT NULL,
        lo      int NOT NULL,
        hi      int NOT NULL,
        data    bytea NOT NULL
      );
      ALTER TABLE chunks ALTER COLUMN data SET STORAGE EXTERNAL;
      CREATE INDEX chunks_stem ON chunks (stem_id) INCLUDE (n);
      -- Postings in chunks whose quote is gone (until a pack rewrites the chunk).
      CREATE TABLE dead (
        stem_id int NOT NULL,
        qid     int NOT NULL,
        PRIMARY KEY (stem_id, qid)
      );
      DROP TABLE postings;
      ALTER TABLE stems DROP COLUMN df;
      -- A stem's live postings (what the in-memory index's list length is), for checks and operators.
      CREATE VIEW stem_df AS
        SELECT s.id AS stem_id, s.stem,
          coalesce((SELECT sum(c.n) FROM chunks c WHERE c.stem_id = s.id), 0)
          - (SELECT count(*) FROM dead d WHERE d.stem_id = s.id)
          + (SELECT count(*) FROM fresh f WHERE f.stems @> ARRAY[s.id]) AS df
        FROM stems s;
${INGEST_FUNCTIONS_V2}
    `,
  },
  {
    version: 3,
    name: 'ingest looks up stem ids before inserting the new stems',
    sql: INGEST_FUNCTIONS_V3,
  },
  {
    // Packs write chunkData.ts's v2 layout from this version on. Nothing to convert (v1 chunks are
    // still read), but a tool from before would misread v2 chunks: the version makes it refuse.
    // The tie-break keys (uri, position) of a query's tied quotes, thousands at a million articles,
    // are read from indexes alone: a heap fetch per quote was most of a slow query at 200,000.
    version: 4,
    name: 'postings chunks may be in the v2 varint layout; covering indexes for the tie-break keys',
    sql: `
      COMMENT ON COLUMN chunks.data IS 'postings: chunkData.ts layout v1 (six bytes a posting) or v2 (magic 56 62 02 FF, varints)';
      CREATE UNIQUE INDEX quotes_qid_keys ON quotes (qid) INCLUDE (doc_id, start_at);
      CREATE INDEX documents_keys ON documents (id) INCLUDE (uri);
      -- Last: its exclusive lock on quotes is then held for the shortest time.
      DROP INDEX quotes_qid;
    `,
  },
  {
    // A check reads only the names that can complete its bare speaker names: those with the bare name
    // as a word. Reading every name, as before, grows with the archive (real news names a new person
    // every few articles: PolNeAR's 924 articles name 5,785) and was redone at every ingest.
    // (Words as the reader's NameBook splits them: on single spaces.)
    version: 5,
    name: 'names indexed by word, for the names a check asks for; document uris indexed byte-wise, for prefixes',
    sql: `
      ALTER TABLE names ADD COLUMN words text[] GENERATED ALWAYS AS (string_to_array(name, ' ')) STORED;
      CREATE INDEX names_words ON names USING gin (words);
      -- A watcher looks up the documents under a deleted folder by their uris' prefix, byte-wise.
      CREATE INDEX documents_uri_bytes ON documents (uri text_pattern_ops);
    `,
  },
];

const LOCK = 74_140_001; // the advisory lock key migrations run under

/** Applies the migrations the database lacks; returns the versions applied. */
export async function migrate(client: ClientBase): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1)', [LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    if (newest > MIGRATIONS[MIGRATIONS.length - 1].version) {
      throw new Error(`the archive's schema (version ${newest}) is newer than this tool's; update Verbatim`);
    }
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
      applied.push(m.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK]);
  }
}

/**
 * For readers that must not change the schema: throws unless the archive has every migration this
 * tool knows and none newer (a missing table is the server's 42P01, which `describe` words).
 */
export async function checkSchema(client: ClientBase): Promise<void> {
  const done = (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version);
  const ours = MIGRATIONS[MIGRATIONS.length - 1].version;
  const newest = Math.max(0, ...done);
  if (newest > ours) throw new Error(`the archive's schema (version ${newest}) is newer than this tool's; update Verbatim`);
  if (newest < ours) throw new Error(`the archive's schema (version ${newest}) is older than this tool's (${ours}); run verbatim index --db on it to update it`);
}
