/**
 * The archive as a candidate source: the in-memory index's ranking, in SQL. For each checked quote,
 * its stems known to the archive are sorted rarest first and those in more than 5% of all quotes (at
 * least 1,000) are dropped unless they are among the two rarest; the quotes posted under
 * the rest (the postings table's stem index, read alone) are counted and scored shared² / the fewer stems, and every quote ranked within the top
 * `limit` by score and shared count comes back. The last ties are broken here, by uri in the one source order
 * (code units, which the server's collation need not follow) and position, exactly as the in-memory index does.
 */
import type { Pool } from 'pg';
import { compareSourceOrder, quoteFromFields, type CandidateRequest, type CandidateSource, type Quote, type SourceCandidate } from '../core';

const RANKED = `
WITH t AS (SELECT greatest(1000, quotes * 0.05) AS cap FROM totals),
ex AS (SELECT coalesce((SELECT id FROM documents WHERE uri = $2), -1) AS id),
req AS (SELECT r.n, r.words, greatest(1, jsonb_array_length(r.words)) AS own
        FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(words, n))
SELECT req.n::int AS n, c.doc_id, c.idx, c.shared, c.n_stems, q.start_at, d.uri, d.ord
FROM req CROSS JOIN LATERAL (
  SELECT * FROM (
    SELECT x.*, rank() OVER (ORDER BY x.score DESC, x.shared DESC) AS rk FROM (
      SELECT p.doc_id, p.idx, p.n_stems, count(*)::int AS shared,
             (count(*) * count(*))::float8 / greatest(1, least(req.own, p.n_stems)) AS score
      FROM (SELECT array_agg(u.id) AS ids FROM (
              SELECT st.id, st.df, row_number() OVER (ORDER BY st.df, w.ord) AS rn
              FROM jsonb_array_elements_text(req.words) WITH ORDINALITY AS w(stem, ord) JOIN stems st ON st.stem = w.stem
              WHERE st.df > 0) u, t
            WHERE u.rn <= 2 OR u.df <= t.cap) used
      JOIN postings p ON p.stem_id = ANY (used.ids)
      WHERE p.doc_id <> (SELECT id FROM ex)
      GROUP BY p.doc_id, p.idx, p.n_stems
    ) x
  ) ranked
  WHERE ranked.rk <= $3
) c
JOIN quotes q ON q.doc_id = c.doc_id AND q.idx = c.idx
JOIN documents d ON d.id = c.doc_id`;

const DETAILS = `
SELECT q.doc_id, q.idx, q.start_at, q.end_at, q.text, q.speaker, q.fields, d.uri, d.label
FROM unnest($1::bigint[], $2::int[]) AS k(doc_id, idx) JOIN quotes q USING (doc_id, idx) JOIN documents d ON d.id = q.doc_id`;

/** Archived documents sort before local ones in "earliest source" order: their orders are shifted below 0. */
export const ARCHIVE_ORDER_OFFSET = 2 ** 40;

interface Ranked { n: number; doc_id: string; idx: number; shared: number; n_stems: number; start_at: number; uri: string; ord: string }

/** The archive behind `pool` as a CandidateSource; names are reloaded when the archive changes. */
export class ArchiveSource implements CandidateSource {
  private namesOf: { generation: string; list: readonly string[] } | null = null;

  constructor(private readonly pool: Pool) {}

  async candidates(requests: readonly CandidateRequest[]): Promise<SourceCandidate[][]> {
    const out: SourceCandidate[][] = requests.map(() => []);
    // Requests of one check share the excluded uri and the limit; others are asked apart.
    const groups = new Map<string, number[]>();
    requests.forEach((r, i) => {
      const key = JSON.stringify([r.exclude, r.limit]);
      groups.set(key, [...(groups.get(key) ?? []), i]);
    });
    for (const members of groups.values()) {
      const { exclude, limit } = requests[members[0]];
      const words = members.map((i) => requests[i].stems);
      const ranked = (await this.pool.query<Ranked>(RANKED, [JSON.stringify(words), exclude, limit])).rows;
      const byRequest = members.map((): Ranked[] => []);
      for (const row of ranked) byRequest[row.n - 1].push(row);
      const chosen = byRequest.map((rows, j) => best(rows, words[j].length, limit));
      const keys = chosen.flat();
      if (keys.length === 0) continue;
      const details = await this.pool.query<{ doc_id: string; idx: number; start_at: number; end_at: number; text: string; speaker: string | null; fields: Record<string, unknown>; uri: string; label: string }>(
        DETAILS, [keys.map((k) => k.doc_id), keys.map((k) => k.idx)]);
      const quotes = new Map(details.rows.map((d) => [`${d.doc_id}:${d.idx}`, d]));
      chosen.forEach((rows, j) => {
        out[members[j]] = rows.map((row) => {
          const d = quotes.get(`${row.doc_id}:${row.idx}`);
          if (!d) throw new Error('the archive changed during the check; check again');
          const fields = { ...d.fields, uri: d.uri, label: d.label, text: d.text, start: d.start_at, end: d.end_at, speaker: d.speaker } as unknown as Quote;
          return { quote: quoteFromFields(fields), shared: row.shared, order: Number(row.ord) - ARCHIVE_ORDER_OFFSET };
        });
      });
    }
    return out;
  }

  async documents(uri: string): Promise<{ count: number; has: boolean }> {
    const r = await this.pool.query<{ documents: string; has: boolean }>(
      'SELECT documents, EXISTS (SELECT 1 FROM documents WHERE uri = $1) AS has FROM totals', [uri]);
    return { count: Number(r.rows[0].documents), has: r.rows[0].has };
  }

  async names(): Promise<readonly string[]> {
    const g = (await this.pool.query<{ generation: string }>('SELECT generation FROM totals')).rows[0].generation;
    if (this.namesOf?.generation !== g) {
      const r = await this.pool.query<{ name: string }>('SELECT name FROM names WHERE count > 0 ORDER BY ord, pos, name');
      this.namesOf = { generation: g, list: r.rows.map((row) => row.name) };
    }
    return this.namesOf.list;
  }
}

/** The best `limit` of a request's ranked rows, ties broken as the in-memory index breaks them. */
function best(rows: Ranked[], own: number, limit: number): Ranked[] {
  const score = (r: Ranked): number => (r.shared * r.shared) / Math.max(1, Math.min(Math.max(1, own), r.n_stems));
  return rows
    .sort((x, y) => score(y) - score(x) || y.shared - x.shared || compareSourceOrder(x.uri, y.uri) || x.start_at - y.start_at)
    .slice(0, limit);
}
