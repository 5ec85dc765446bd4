import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Archive } from '../../src/archive/archive';
import { BackgroundPacker } from '../../src/archive/backgroundPack';
import { ArchiveSource } from '../../src/archive/candidates';
import { decodeChunk } from '../../src/archive/chunkData';
import { readChunks, streamChunks } from '../../src/archive/chunkRead';
import { MIGRATIONS } from '../../src/archive/migrations';
import { Engine, analyze, type DocInput, type SourceCandidate } from '../../src/core';
import { Pool } from 'pg';
import { createV1, encodeChunkV1, ingestV1 } from '../support/archiveV1';
import { PgServer } from '../support/pgServer';

const root = path.resolve(__dirname, '../../..');

/** The .txt files under `dir` (recursively), sorted, as documents with uris `prefix/…`. */
export function load(dir: string, prefix: string): DocInput[] {
  const files = (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.txt')).sort();
  return files.map((f) => ({ uri: `${prefix}/${f}`, label: f, text: fs.readFileSync(path.join(root, dir, f), 'utf8') }));
}

/** Every document checked against all the others, in memory and through the archive, must agree. */
async function assertSameFindings(docs: DocInput[], archive: Archive): Promise<number> {
  const memory = new Engine();
  docs.forEach((d, order) => memory.setSource({ ...d, order }));
  const local = new Engine();
  let links = 0;
  for (const [order, d] of docs.entries()) {
    const expected = memory.check({ ...d, order });
    const got = await local.checkWith(analyze(d, order), [archive.source]);
    assert.deepEqual(got, expected, d.uri);
    links += expected.quotes.reduce((n, q) => n + q.matches.length, 0);
  }
  return links;
}

/** Every stem's live posting count (chunks, less dead, plus fresh) is the number of quotes that have it. */
async function assertCounts(archive: Archive): Promise<void> {
  const check = await archive.pool.query('SELECT count(*)::int AS n FROM stem_df WHERE df < 0');
  assert.equal(check.rows[0].n, 0, 'no stem count below zero');
  const recount = await archive.pool.query(`SELECT count(*)::int AS n FROM stem_df s
    WHERE df <> (SELECT count(*) FROM quotes q WHERE s.stem_id = ANY (q.stems))`);
  assert.equal(recount.rows[0].n, 0, 'every stem count equals the quotes that have it');
}

describe('archive on PostgreSQL', function () {
  this.timeout(120_000);
  let server: PgServer;
  before(async () => {
    server = await PgServer.start({ settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } });
  });
  after(() => server?.destroy());

  const seeds = load('seeds', 'seeds');
  const basil = load('test/fixtures/basil/articles', 'basil');

  it('ingests the seeds and BASIL, and checks every document as the in-memory index does', async () => {
    const archive = await Archive.open(await server.createDatabase('same'));
    try {
      const docs = [...seeds, ...basil];
      // Half packed into chunks, half still fresh: a check reads both.
      for (const [i, d] of docs.entries()) {
        await archive.ingest(analyze(d), d.label!, null);
        if (i === docs.length >> 1) assert.ok((await archive.pack())!.written > 0, 'packed some postings');
      }
      assert.ok(Number((await archive.pool.query('SELECT count(*) AS n FROM fresh')).rows[0].n) > 0, 'some quotes left fresh');
      const stats = await archive.stats();
      assert.equal(stats.documents, docs.length);
      assert.equal(stats.quotes, docs.reduce((n, d) => n + analyze(d).quotes.length, 0));
      const links = await assertSameFindings(docs, archive);
      assert.ok(links > 50, `enough cross-links to compare (${links})`);
      // The chunks as the readers fetch them (base64 text, line-broken every 76 characters by the server)
      // equal the stored bytes decoded, for chunks past one line too.
      const raw = (await archive.pool.query<{ id: string; data: Buffer }>('SELECT id, data FROM chunks')).rows;
      assert.ok(raw.some((r) => r.data.length > 57), 'some chunk is longer than one base64 line');
      const client = await archive.pool.connect();
      try {
        const read = await readChunks(client, raw.map((r) => r.id));
        assert.equal(read.size, raw.length);
        for (const r of raw) assert.deepEqual(read.get(r.id), decodeChunk(r.data), `chunk ${r.id}`);
      } finally {
        client.release();
      }
    } finally {
      await archive.close();
    }
  });

  it('gives a check only the names with one of its bare speaker names as a word, in the order of all', async () => {
    const archive = await Archive.open(await server.createDatabase('names'));
    try {
      for (const d of [...seeds, ...basil]) await archive.ingest(analyze(d), d.label!, null);
      const all = await archive.source.names();
      assert.ok(all.length > 100, `${all.length} names`);
      // A last name's word, a first name's, one in the middle of a few names, and one nobody has.
      for (const words of [['Trump'], ['Blinken', 'Xi'], ['Clinton', 'Sanders', 'Nobody'], [all[7].split(' ')[0]], ['Nobodyatall']]) {
        const expected = all.filter((n) => n.split(' ').some((w) => words.includes(w)));
        assert.ok(expected.length > 0 || words[0] === 'Nobodyatall', words.join());
        assert.deepEqual(await archive.source.names(words), expected, words.join());
      }
      assert.deepEqual(await archive.source.names([]), []);
      // A check asks for its bare speakers' names only, and finds as the in-memory index does.
      const asked: (readonly string[] | undefined)[] = [];
      const source = archive.source;
      const spy = { candidates: source.candidates.bind(source), documents: source.documents.bind(source), names: (w?: readonly string[]) => { asked.push(w); return source.names(w); } };
      const d = seeds[0];
      const memory = new Engine();
      [...seeds, ...basil].forEach((s, order) => memory.setSource({ ...s, order }));
      assert.deepEqual(await new Engine().checkWith(analyze(d, 0), [spy]), memory.check({ ...d, order: 0 }));
      assert.equal(asked.length, 1);
      assert.ok(asked[0] && asked[0].length > 0 && asked[0].every((w) => !w.includes(' ')), JSON.stringify(asked[0]));
    } finally {
      await archive.close();
    }
  });

  it('re-ingests edited documents and removes deleted ones, still agreeing with the in-memory index', async () => {
    const archive = await Archive.open(await server.createDatabase('edits'));
    try {
      const docs = [...seeds, ...basil.slice(0, 12)];
      for (const d of docs) await archive.ingest(analyze(d), d.label!, null);
      // Packed first, so that the edits and deletions leave dead postings in the chunks.
      await archive.pack();
      // Edit two documents (one quote's words changed, one quote dropped) and delete two others.
      const edited = docs.map((d) => ({ ...d }));
      edited[1].text = edited[1].text.replace('common understandings', 'shared understandings');
      edited[3].text = edited[3].text.replace(/“[^”]*”/, 'a quote removed');
      assert.notEqual(edited[1].text, docs[1].text);
      assert.notEqual(edited[3].text, docs[3].text);
      for (const i of [1, 3]) await archive.ingest(analyze(edited[i]), edited[i].label!, null);
      assert.equal(await archive.remove(edited[7].uri), true);
      assert.equal(await archive.remove(edited[9].uri), true);
      assert.equal(await archive.remove('no/such/file.txt'), false);
      const kept = edited.filter((_, i) => i !== 7 && i !== 9);
      const stats = await archive.stats();
      assert.equal(stats.documents, kept.length);
      assert.equal(stats.quotes, kept.reduce((n, d) => n + analyze(d).quotes.length, 0));
      // Orders: the archive keeps an edited document's place, as the in-memory engine does.
      await assertSameFindings(kept, archive);
      assert.ok(Number((await archive.pool.query('SELECT count(*) AS n FROM dead')).rows[0].n) > 0, 'the deletions left dead postings');
      await assertCounts(archive);
      // A pack drops the dead postings from their chunks; the findings stay the same.
      await archive.pack();
      assert.equal(Number((await archive.pool.query('SELECT count(*) AS n FROM dead')).rows[0].n), 0, 'no dead postings after a pack');
      await assertCounts(archive);
      await assertSameFindings(kept, archive);
    } finally {
      await archive.close();
    }
  });

  it('migrates a version-1 archive that holds documents, and checks as the in-memory index does after', async () => {
    const url = await server.createDatabase('v1');
    const docs = [...seeds, ...basil.slice(0, 30)];
    const v1 = new Pool({ connectionString: url });
    try {
      await createV1(v1);
      for (const d of docs) await ingestV1(v1, analyze(d), d.label!);
    } finally {
      await v1.end();
    }
    // Opening it applies migration 2: every quote numbered and left fresh for the next pack.
    const archive = await Archive.open(url);
    try {
      const versions = await archive.pool.query('SELECT array_agg(version ORDER BY version) AS v FROM schema_migrations');
      assert.deepEqual(versions.rows[0].v, MIGRATIONS.map((m) => m.version));
      const quotes = docs.reduce((n, d) => n + analyze(d).quotes.length, 0);
      assert.equal(Number((await archive.pool.query('SELECT count(*) AS n FROM fresh')).rows[0].n), quotes);
      assert.deepEqual(await archive.stats().then((st) => [st.documents, st.quotes]), [docs.length, quotes]);
      await assertCounts(archive);
      const links = await assertSameFindings(docs, archive);
      assert.ok(links > 20, `enough cross-links to compare (${links})`);
      // Packed, edited and pruned as any archive is: still the in-memory findings.
      assert.ok((await archive.pack())!.written > 0, 'the migrated quotes were packed');
      const edited = docs.map((d) => ({ ...d }));
      edited[2].text = edited[2].text.replace(/“[^”]*”/, 'a quote removed');
      assert.notEqual(edited[2].text, docs[2].text);
      await archive.ingest(analyze(edited[2]), edited[2].label!, null);
      assert.equal(await archive.remove(edited[6].uri), true);
      const kept = edited.filter((_, i) => i !== 6);
      await assertCounts(archive);
      await assertSameFindings(kept, archive);
    } finally {
      await archive.close();
    }
  });

  it('reads chunks in the six-byte layout of archives packed before v2, and a pack rewrites those it merges', async () => {
    const archive = await Archive.open(await server.createDatabase('layouts'));
    try {
      const docs = [...seeds, ...basil.slice(0, 20)];
      for (const d of docs) await archive.ingest(analyze(d), d.label!, null);
      await archive.pack();
      // Every chunk back in the v1 layout, as an archive packed before 2026-12-03 holds them.
      const rows = (await archive.pool.query<{ id: string; data: Buffer }>('SELECT id, data FROM chunks')).rows;
      assert.ok(rows.length > 100 && rows.every((r) => r.data[3] === 0xff), 'a pack writes v2');
      const v1 = rows.map((r) => { const c = decodeChunk(r.data); return encodeChunkV1(c.qids, c.lens); });
      await archive.pool.query('UPDATE chunks c SET data = u.data FROM unnest($1::bigint[], $2::bytea[]) AS u(id, data) WHERE c.id = u.id', [rows.map((r) => r.id), v1]);
      await assertSameFindings(docs, archive);
      // An edit and a removal: the pack merges the chunks holding their dead postings, in v2.
      const edited = docs.map((d) => ({ ...d }));
      edited[2].text = edited[2].text.replace(/“[^”]*”/, 'a quote removed');
      await archive.ingest(analyze(edited[2]), edited[2].label!, null);
      assert.equal(await archive.remove(edited[5].uri), true);
      await archive.pack();
      const layouts = (await archive.pool.query<{ v2: boolean }>("SELECT DISTINCT substr(data, 1, 4) = '\\x566202ff'::bytea AS v2 FROM chunks")).rows;
      assert.deepEqual(layouts.map((l) => l.v2).sort(), [false, true], 'both layouts in one archive');
      await assertCounts(archive);
      await assertSameFindings(edited.filter((_, i) => i !== 5), archive);
    } finally {
      await archive.close();
    }
  });

  it('gives the same candidates from its cached chunks and tie-break keys as a reader that keeps nothing', async () => {
    const archive = await Archive.open(await server.createDatabase('caches'));
    try {
      const docs = [...seeds, ...basil];
      for (const d of docs) await archive.ingest(analyze(d), d.label!, null);
      await archive.pack();
      const cached = new ArchiveSource(archive.pool);
      const bare = new ArchiveSource(archive.pool, 0);
      const requests = docs.flatMap((d) => analyze(d).quotes.map((q) => ({ stems: q.stems, exclude: d.uri, limit: 3 })));
      const key = (cs: SourceCandidate[][]): string => JSON.stringify(cs.map((c) => c.map((x) => [x.quote.uri, x.quote.start, x.shared])));
      const expected = key(await bare.candidates(requests));
      // Twice: the second time every chunk and every tie key comes from the cache.
      assert.equal(key(await cached.candidates(requests)), expected);
      const keys = (cached as unknown as { keyCache: { size: { entries: number } } }).keyCache.size.entries;
      assert.ok(keys > 0, 'some requests had ties at the limit, whose keys were kept');
      assert.equal(key(await cached.candidates(requests)), expected);
    } finally {
      await archive.close();
    }
  });

  it('gives lone requests, counted as their chunks arrive, the in-memory index\'s candidates, also two at once', async () => {
    const archive = await Archive.open(await server.createDatabase('lone'));
    try {
      const docs = [...seeds, ...basil];
      for (const d of docs.slice(0, -4)) await archive.ingest(analyze(d), d.label!, null);
      await archive.pack();
      // Four documents left fresh, one packed document removed (dead postings in its stems' chunks).
      for (const d of docs.slice(-4)) await archive.ingest(analyze(d), d.label!, null);
      assert.equal(await archive.remove(docs[5].uri), true);
      const kept = docs.filter((_, i) => i !== 5);
      const memory = new Engine({}, { keepText: false });
      kept.forEach((d, order) => memory.setSource({ ...d, order }));
      const limit = 3;
      const quotes = docs.flatMap((d) => analyze(d).quotes);
      const key = (cs: readonly { quote: { uri: string; start: number }; shared: number }[]): string => JSON.stringify(cs.map((c) => [c.quote.uri, c.quote.start, c.shared]));
      const expected = quotes.map((q) => key(memory.index.candidates(q.stems, q.uri, limit)));
      assert.ok(expected.filter((e) => e !== '[]').length > quotes.length / 2, 'most quotes have candidates');
      for (const reader of [new ArchiveSource(archive.pool, 0), new ArchiveSource(archive.pool)]) {
        // Two lone requests in flight at once on one reader, each counted as its own chunks arrive.
        for (let i = 0; i < quotes.length; i += 2) {
          const pair = quotes.slice(i, i + 2);
          const got = await Promise.all(pair.map((q) => reader.candidates([{ stems: q.stems, exclude: q.uri, limit }])));
          got.forEach((g, j) => assert.equal(key(g[0]), expected[i + j], `${pair[j].uri} at ${pair[j].start}`));
        }
      }
    } finally {
      await archive.close();
    }
  });

  it('ends a chunk read that fails, with or without a query timeout (the editor\'s reader has one), and the connection still reads', async function () {
    // A read that never settled would hang the check (and hold a pooled connection) until this fails.
    this.timeout(20_000);
    const url = await server.createDatabase('failing');
    for (const queryTimeoutMs of [undefined, 10_000]) {
      const archive = await Archive.open(url, { queryTimeoutMs });
      try {
        for (const d of seeds) await archive.ingest(analyze(d), d.label!, null);
        await archive.pack();
        const ids = (await archive.pool.query<{ id: string }>('SELECT id FROM chunks ORDER BY id LIMIT 5')).rows.map((r) => r.id);
        assert.equal(ids.length, 5);
        const c = await archive.pool.connect();
        try {
          await assert.rejects(streamChunks(c, ['not a chunk id'], () => undefined), /invalid input syntax/);
          // A chunk that does not decode ends the read once the reply is in, with that error.
          let calls = 0;
          await assert.rejects(streamChunks(c, ids, () => { if (++calls === 2) throw new Error('cannot count this one'); }), /cannot count this one/);
          assert.equal(calls, 2, 'no chunk is handed over after the failure');
          assert.equal((await readChunks(c, ids)).size, 5);
        } finally {
          c.release();
        }
      } finally {
        await archive.close();
      }
    }
  });

  it('takes two ingests at once without duplicates or lost counts', async () => {
    const url = await server.createDatabase('concurrent');
    const [a, b] = await Promise.all([Archive.open(url), Archive.open(url)]);
    try {
      const docs = [...seeds, ...basil];
      // Both write every document, in opposite orders, at the same time.
      await Promise.all([
        (async () => { for (const d of docs) await a.ingest(analyze(d), d.label!, null); })(),
        (async () => { for (const d of [...docs].reverse()) await b.ingest(analyze(d), d.label!, null); })(),
      ]);
      const stats = await a.stats();
      assert.equal(stats.documents, docs.length);
      const uris = await a.pool.query('SELECT count(DISTINCT uri)::int AS u, count(*)::int AS n FROM documents');
      assert.deepEqual(uris.rows[0], { u: docs.length, n: docs.length });
      await assertCounts(a);
      const totals = await a.pool.query('SELECT quotes::int AS q, (SELECT count(*)::int FROM quotes) AS real FROM totals');
      assert.equal(totals.rows[0].q, totals.rows[0].real);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
  it('packs beside ingests, edits and removals (as verbatim index does) without losing or doubling a posting', async () => {
    const archive = await Archive.open(await server.createDatabase('beside'), { connections: 5 });
    try {
      const docs = [...seeds, ...basil];
      const packer = new BackgroundPacker(() => archive.pack(50));
      const pending = new Set<Promise<void>>();
      const write = async (task: () => Promise<unknown>): Promise<void> => {
        const p: Promise<void> = task().then(() => undefined).finally(() => pending.delete(p));
        pending.add(p);
        if (pending.size >= 4) await Promise.race(pending);
      };
      // A pack (of at most 50 quotes, so that it is still running when the next writes come) after
      // every third document, while four writes are in flight (their orders reserved, as the command
      // reserves them, so that the source order is the documents' whichever commits first).
      const orders = await archive.reserveOrders(docs.length);
      for (const [i, d] of docs.entries()) {
        await write(() => archive.ingest(analyze(d), d.label!, null, orders[i]));
        if (i % 3 === 2) packer.start();
      }
      // Then edits and removals, with packs beside them.
      const edited = docs.map((d) => ({ ...d }));
      edited[1].text = edited[1].text.replace('common understandings', 'shared understandings');
      edited[3].text = edited[3].text.replace(/“[^”]*”/, 'a quote removed');
      assert.notEqual(edited[1].text, docs[1].text);
      assert.notEqual(edited[3].text, docs[3].text);
      for (const i of [1, 3]) {
        await write(() => archive.ingest(analyze(edited[i]), edited[i].label!, null));
        packer.start();
      }
      for (const i of [7, 9, 20]) {
        await write(() => archive.remove(edited[i].uri));
        packer.start();
      }
      await Promise.all(pending);
      await packer.settle();
      assert.ok(packer.started >= 3, `packs ran beside the writes (${packer.started})`);
      const kept = edited.filter((_, i) => i !== 7 && i !== 9 && i !== 20);
      const stats = await archive.stats();
      assert.equal(stats.documents, kept.length);
      assert.equal(stats.quotes, kept.reduce((n, d) => n + analyze(d).quotes.length, 0));
      await assertCounts(archive);
      await assertSameFindings(kept, archive);
      // Whatever the packs left fresh or dead, packed at the end as the command does.
      while ((await archive.pack())!.quotes > 0);
      const left = await archive.pool.query('SELECT (SELECT count(*) FROM fresh)::int AS fresh, (SELECT count(*) FROM dead)::int AS dead');
      assert.deepEqual(left.rows[0], { fresh: 0, dead: 0 });
      await assertCounts(archive);
      await assertSameFindings(kept, archive);
    } finally {
      await archive.close();
    }
  });
  it('survives the server ending a connection that is checked out between queries, and says so', async () => {
    const url = await server.createDatabase('dropped');
    const archive = await Archive.open(url);
    try {
      // Checked out and between queries: the moment `check --db` hit when the server stopped mid-check.
      const client = await archive.pool.connect();
      const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      const admin = new Pool({ connectionString: url, max: 1 });
      try {
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      } finally {
        await admin.end();
      }
      // Without a listener for its life, the client's error event would end this process here.
      for (let i = 0; i < 200 && !archive.lastError; i++) await new Promise((r) => setTimeout(r, 10));
      try {
        // ("terminating connection due to administrator command", or the socket's end before it.)
        assert.match(String((archive.lastError as Error)?.message), /terminat/i);
        await assert.rejects(client.query('SELECT 1'), 'the next query on that client fails: the caller learns of it');
      } finally {
        client.release(true); // (else closing the archive waits for it)
      }
      assert.equal((await archive.pool.query<{ one: number }>('SELECT 1 AS one')).rows[0].one, 1, 'a new connection works');
    } finally {
      await archive.close();
    }
  });
});
