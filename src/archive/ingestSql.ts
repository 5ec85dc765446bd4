/**
 * The server-side functions of migration 2 (never edit: a later change is a new migration that
 * replaces them). A document's ingest or removal is one call, so one round trip and one statement's
 * transaction: the earlier nine statements per document spent more time on round trips and planning
 * than on writing. No ingest updates a row shared with other documents except the totals row and the
 * names it mentions: stem frequencies are no longer kept per stem but read from the postings (chunks,
 * fresh quotes, dead postings), so concurrent ingests do not queue on the common stems' rows.
 */
export const INGEST_FUNCTIONS_V2 = `
      -- Deletes a document's rows (the caller holds its uri lock) and says what it held. Its quotes still
      -- unpacked go with their fresh rows; postings already packed into chunks are recorded as dead.
      CREATE FUNCTION verbatim_drop(p_uri text, OUT existed boolean, OUT old_ord bigint, OUT old_quotes int)
      LANGUAGE plpgsql AS $fn$
      DECLARE d record;
      BEGIN
        SELECT id, ord, quote_count, names INTO d FROM documents WHERE uri = p_uri;
        IF NOT FOUND THEN existed := false; RETURN; END IF;
        existed := true; old_ord := d.ord; old_quotes := d.quote_count;
        -- A pack moving these fresh rows holds them locked: this waits, then finds them gone (packed).
        WITH gone AS (DELETE FROM fresh f USING quotes q WHERE q.doc_id = d.id AND f.qid = q.qid RETURNING f.qid)
        INSERT INTO dead (stem_id, qid)
          SELECT DISTINCT s, q.qid FROM quotes q CROSS JOIN unnest(q.stems) AS s
          WHERE q.doc_id = d.id AND q.qid NOT IN (SELECT qid FROM gone) ORDER BY 1, 2;
        DELETE FROM documents WHERE id = d.id;
        IF cardinality(d.names) > 0 THEN
          -- An upsert rather than an UPDATE … FROM: its rows are locked in the order given.
          INSERT INTO names (name, count, ord, pos) SELECT DISTINCT unnest(d.names), 0, 0, 0 ORDER BY 1
            ON CONFLICT (name) DO UPDATE SET count = names.count - 1;
          DELETE FROM names WHERE count <= 0 AND name = ANY (d.names);
          -- A name first mentioned here moves to its next first mention, as the in-memory index lists
          -- names in document order of the documents it holds.
          UPDATE names SET (ord, pos) = (
              SELECT x.ord, t.pos FROM documents x CROSS JOIN unnest(x.names) WITH ORDINALITY AS t(name, pos)
              WHERE x.names @> ARRAY[names.name] AND t.name = names.name ORDER BY x.ord, t.pos LIMIT 1)
            WHERE name = ANY (d.names) AND ord = d.ord;
        END IF;
      END $fn$;

      -- Adds a document, replacing an earlier version with its uri (keeping that one's order). Quote
      -- columns come as parallel arrays; q_stems is every quote's stems one after the other, q_nstems
      -- how many each has.
      CREATE FUNCTION verbatim_ingest(p_uri text, p_label text, p_ord bigint, p_names text[], p_text text,
        p_size bigint, p_mtime double precision, p_hash text, q_start int[], q_end int[], q_text text[],
        q_speaker text[], q_fields text[], q_nstems int[], q_stems text[]) RETURNS void
      LANGUAGE plpgsql AS $fn$
      DECLARE prev record; v_id bigint; v_ord bigint; v_ids int[];
      BEGIN
        -- Two ingests of one uri queue here instead of both inserting it.
        PERFORM pg_advisory_xact_lock(hashtextextended(p_uri, 14));
        SELECT * INTO prev FROM verbatim_drop(p_uri);
        -- Stem ids: only stems new to the archive are inserted (and so locked), in one sorted order.
        INSERT INTO stems (stem)
          SELECT DISTINCT s FROM unnest(q_stems) AS s WHERE NOT EXISTS (SELECT 1 FROM stems x WHERE x.stem = s) ORDER BY 1
          ON CONFLICT (stem) DO NOTHING;
        -- Every stem's id, in q_stems's order, by one index lookup each (a join planned per quote
        -- hashed the whole stems table: 5 ms a document).
        v_ids := ARRAY(SELECT (SELECT x.id FROM stems x WHERE x.stem = u.s) FROM unnest(q_stems) WITH ORDINALITY AS u(s, k) ORDER BY u.k);
        INSERT INTO documents (uri, label, ord, names, text, size, mtime_ms, hash, quote_count)
          VALUES (p_uri, p_label, coalesce(prev.old_ord, p_ord, nextval('documents_ord')), p_names, p_text, p_size, p_mtime, p_hash,
                  coalesce(cardinality(q_start), 0))
          RETURNING id, ord INTO v_id, v_ord;
        INSERT INTO quotes (doc_id, idx, start_at, end_at, text, speaker, fields, stems, n_stems, qid)
          SELECT v_id, (t.i - 1)::int, t.s, t.e, t.tx, t.sp, t.f::json,
                 v_ids[t.first + 1 : t.first + t.n],
                 t.n, nextval('quote_ids')
          FROM (SELECT y.*, (sum(y.n) OVER (ORDER BY y.i) - y.n)::int AS first
                FROM unnest(q_start, q_end, q_text, q_speaker, q_fields, q_nstems) WITH ORDINALITY AS y(s, e, tx, sp, f, n, i)) t
          ORDER BY t.i;
        INSERT INTO fresh (qid, n_stems, stems) SELECT qid, n_stems, stems FROM quotes WHERE doc_id = v_id;
        -- Names as the in-memory index counts them (one per document that mentions them, dropped at
        -- zero), placed at their first mention: the earliest document's order, then the place in its list.
        IF cardinality(p_names) > 0 THEN
          INSERT INTO names (name, count, ord, pos)
            SELECT name, 1, v_ord, min(pos) FROM unnest(p_names) WITH ORDINALITY AS t(name, pos) GROUP BY name ORDER BY 1
            ON CONFLICT (name) DO UPDATE SET count = names.count + 1,
              ord = CASE WHEN (excluded.ord, excluded.pos) < (names.ord, names.pos) THEN excluded.ord ELSE names.ord END,
              pos = CASE WHEN (excluded.ord, excluded.pos) < (names.ord, names.pos) THEN excluded.pos ELSE names.pos END;
        END IF;
        UPDATE totals SET documents = documents + CASE WHEN prev.existed THEN 0 ELSE 1 END,
          quotes = quotes + coalesce(cardinality(q_start), 0) - coalesce(prev.old_quotes, 0), generation = generation + 1;
      END $fn$;

      -- Removes a document; false when the archive did not have it.
      CREATE FUNCTION verbatim_remove(p_uri text) RETURNS boolean
      LANGUAGE plpgsql AS $fn$
      DECLARE prev record;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended(p_uri, 14));
        SELECT * INTO prev FROM verbatim_drop(p_uri);
        IF NOT prev.existed THEN RETURN false; END IF;
        UPDATE totals SET documents = documents - 1, quotes = quotes - prev.old_quotes, generation = generation + 1;
        RETURN true;
      END $fn$;
`;

/**
 * Migration 3's replacement of verbatim_ingest: the same rows written, with the stems' ids looked up
 * before any is inserted (2,000 pre-analysed bench articles, 4 connections: the stems statement took
 * 0.95 ms of the call's 3.2).
 */
export const INGEST_FUNCTIONS_V3 = `
      CREATE OR REPLACE FUNCTION verbatim_ingest(p_uri text, p_label text, p_ord bigint, p_names text[], p_text text,
        p_size bigint, p_mtime double precision, p_hash text, q_start int[], q_end int[], q_text text[],
        q_speaker text[], q_fields text[], q_nstems int[], q_stems text[]) RETURNS void
      LANGUAGE plpgsql AS $fn$
      DECLARE prev record; v_id bigint; v_ord bigint; v_ids int[];
      BEGIN
        -- Two ingests of one uri queue here instead of both inserting it.
        PERFORM pg_advisory_xact_lock(hashtextextended(p_uri, 14));
        SELECT * INTO prev FROM verbatim_drop(p_uri);
        -- Every stem's id, in q_stems's order, by one index lookup each (a join planned per quote
        -- hashed the whole stems table: 5 ms a document). Only stems new to the archive are then
        -- inserted (and so locked), in one sorted order, and looked up again. (Version 2 asked the
        -- server for the new ones first with an anti-join over the whole list: a third of the ingest.)
        v_ids := ARRAY(SELECT (SELECT x.id FROM stems x WHERE x.stem = u.s) FROM unnest(q_stems) WITH ORDINALITY AS u(s, k) ORDER BY u.k);
        IF array_position(v_ids, NULL) IS NOT NULL THEN
          INSERT INTO stems (stem)
            SELECT DISTINCT q_stems[i] FROM generate_subscripts(v_ids, 1) AS i WHERE v_ids[i] IS NULL ORDER BY 1
            ON CONFLICT (stem) DO NOTHING;
          v_ids := ARRAY(SELECT coalesce(v_ids[u.k], (SELECT x.id FROM stems x WHERE x.stem = u.s)) FROM unnest(q_stems) WITH ORDINALITY AS u(s, k) ORDER BY u.k);
        END IF;
        INSERT INTO documents (uri, label, ord, names, text, size, mtime_ms, hash, quote_count)
          VALUES (p_uri, p_label, coalesce(prev.old_ord, p_ord, nextval('documents_ord')), p_names, p_text, p_size, p_mtime, p_hash,
                  coalesce(cardinality(q_start), 0))
          RETURNING id, ord INTO v_id, v_ord;
        INSERT INTO quotes (doc_id, idx, start_at, end_at, text, speaker, fields, stems, n_stems, qid)
          SELECT v_id, (t.i - 1)::int, t.s, t.e, t.tx, t.sp, t.f::json,
                 v_ids[t.first + 1 : t.first + t.n],
                 t.n, nextval('quote_ids')
          FROM (SELECT y.*, (sum(y.n) OVER (ORDER BY y.i) - y.n)::int AS first
                FROM unnest(q_start, q_end, q_text, q_speaker, q_fields, q_nstems) WITH ORDINALITY AS y(s, e, tx, sp, f, n, i)) t
          ORDER BY t.i;
        INSERT INTO fresh (qid, n_stems, stems) SELECT qid, n_stems, stems FROM quotes WHERE doc_id = v_id;
        -- Names as the in-memory index counts them (one per document that mentions them, dropped at
        -- zero), placed at their first mention: the earliest document's order, then the place in its list.
        IF cardinality(p_names) > 0 THEN
          INSERT INTO names (name, count, ord, pos)
            SELECT name, 1, v_ord, min(pos) FROM unnest(p_names) WITH ORDINALITY AS t(name, pos) GROUP BY name ORDER BY 1
            ON CONFLICT (name) DO UPDATE SET count = names.count + 1,
              ord = CASE WHEN (excluded.ord, excluded.pos) < (names.ord, names.pos) THEN excluded.ord ELSE names.ord END,
              pos = CASE WHEN (excluded.ord, excluded.pos) < (names.ord, names.pos) THEN excluded.pos ELSE names.pos END;
        END IF;
        UPDATE totals SET documents = documents + CASE WHEN prev.existed THEN 0 ELSE 1 END,
          quotes = quotes + coalesce(cardinality(q_start), 0) - coalesce(prev.old_quotes, 0), generation = generation + 1;
      END $fn$;

`;
