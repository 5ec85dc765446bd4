import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { PgServer } from '../support/pgServer';
import { runCliAsync } from './helpers';

const root = path.resolve(__dirname, '../../..');
const cliJs = path.join(root, 'out/src/cli/main.js');

const run = runCliAsync;

/** A workspace: corpus/ holds the seeds and BASIL (copied `copies` times), drafts/ the fixture draft alone. */
function workspace(copies = 1): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-archive-'));
  for (let c = 0; c < copies; c++) {
    const suffix = copies > 1 ? `-${c}` : '';
    fs.cpSync(path.join(root, 'seeds'), path.join(dir, 'corpus', `seeds${suffix}`), { recursive: true });
    fs.cpSync(path.join(root, 'test/fixtures/basil/articles'), path.join(dir, 'corpus', `basil${suffix}`), {
      recursive: true, filter: (src) => !src.endsWith('.json'),
    });
  }
  fs.cpSync(path.join(root, 'test/fixtures/workspace/drafts'), path.join(dir, 'drafts'), { recursive: true });
  return dir;
}

async function sql<T>(url: string, text: string): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Whole documents only: every document's quote rows are all there, and the totals and stem counts agree. */
async function assertConsistent(url: string, files: number): Promise<void> {
  const [d] = await sql<{ docs: number; uris: number; half: number }>(url, `SELECT count(*)::int AS docs, count(DISTINCT uri)::int AS uris,
    (SELECT count(*)::int FROM documents x WHERE quote_count <> (SELECT count(*) FROM quotes q WHERE q.doc_id = x.id)) AS half FROM documents`);
  assert.deepEqual(d, { docs: files, uris: files, half: 0 });
  const [t] = await sql<{ ok: boolean }>(url, `SELECT documents = (SELECT count(*) FROM documents) AND quotes = (SELECT count(*) FROM quotes) AS ok FROM totals`);
  assert.equal(t.ok, true, 'totals match the rows');
  const [s] = await sql<{ n: number }>(url, 'SELECT count(*)::int AS n FROM stem_df s WHERE df <> (SELECT count(*) FROM quotes q WHERE s.stem_id = ANY (q.stems))');
  assert.equal(s.n, 0, 'stem counts match the quotes');
  const [p] = await sql<{ ok: boolean }>(url, `SELECT (SELECT coalesce(sum(n), 0) FROM chunks) - (SELECT count(*) FROM dead) + (SELECT coalesce(sum(n_stems), 0) FROM fresh)
      = (SELECT coalesce(sum(n_stems), 0) FROM quotes)
    AND NOT EXISTS (SELECT 1 FROM fresh f WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.qid = f.qid))
    AND NOT EXISTS (SELECT 1 FROM dead d WHERE EXISTS (SELECT 1 FROM quotes q WHERE q.qid = d.qid)) AS ok`);
  assert.equal(p.ok, true, 'one posting per stem of every quote, none left over');
}

describe('verbatim index / check --db (CLI, PostgreSQL)', function () {
  this.timeout(180_000);
  let server: PgServer;
  before(async () => {
    server = await PgServer.start({ settings: { fsync: 'off', full_page_writes: 'off' } });
  });
  after(() => server?.destroy());

  it('indexes new, changed and deleted files only, and checks drafts as --sources would', async () => {
    const dir = workspace();
    const db = await server.createDatabase('cli');
    const files = (fs.readdirSync(path.join(dir, 'corpus'), { recursive: true }) as string[]).filter((f) => f.endsWith('.txt'));
    let r = await run(['index', 'corpus', '--db', db], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, new RegExp(`^${files.length} added, 0 changed, 0 unchanged, 0 removed`));
    r = await run(['index', 'corpus', '--db', db], dir);
    assert.match(r.out, new RegExp(`^0 added, 0 changed, ${files.length} unchanged, 0 removed`));

    const local = await run(['check', 'drafts', '--sources', 'corpus', '--format', 'json', '--fail-on', 'never'], dir);
    const viaDb = await run(['check', 'drafts', '--db', db, '--format', 'json', '--fail-on', 'never'], dir);
    assert.equal(viaDb.code, 0, viaDb.err);
    assert.equal(viaDb.out, local.out);
    assert.ok((JSON.parse(local.out).documents[0].quotes as { matches: unknown[] }[]).some((q) => q.matches.length > 0));
    // Ingested with the analysis workers (as a large archive is), the archive checks the same.
    const viaWorkers = await server.createDatabase('cliworkers');
    process.env.VERBATIM_IN_THREAD_CHARS = '0';
    try {
      r = await run(['index', 'corpus', '--db', viaWorkers], dir);
    } finally {
      delete process.env.VERBATIM_IN_THREAD_CHARS;
    }
    assert.equal(r.code, 0, r.err);
    assert.equal((await run(['check', 'drafts', '--db', viaWorkers, '--format', 'json', '--fail-on', 'never'], dir)).out, local.out);
    const text = await run(['check', 'drafts', '--db', db, '--fail-on', 'never'], dir);
    const textLocal = await run(['check', 'drafts', '--sources', 'corpus', '--fail-on', 'never'], dir);
    assert.equal(text.out, textLocal.out, 'line numbers of archived sources come from their stored text');

    // An edit, a deletion, and a file touched without a change.
    const seed = path.join(dir, 'corpus/seeds/001_d8c7d2a27543ca2a.txt');
    fs.writeFileSync(seed, fs.readFileSync(seed, 'utf8').replace('common understandings', 'shared understandings'));
    fs.rmSync(path.join(dir, 'corpus/seeds/004_9be2ed1abb9a5f30.txt'));
    const touched = path.join(dir, 'corpus/seeds/002_e00a073127973d43.txt');
    fs.utimesSync(touched, new Date(), new Date(Date.now() + 5000));
    r = await run(['index', 'corpus', '--db', db], dir);
    assert.match(r.out, new RegExp(`^0 added, 1 changed, ${files.length - 2} unchanged, 1 removed`));
    const again = await run(['check', 'drafts', '--db', db, '--format', 'json', '--fail-on', 'never'], dir);
    const againLocal = await run(['check', 'drafts', '--sources', 'corpus', '--format', 'json', '--fail-on', 'never'], dir);
    assert.equal(again.out, againLocal.out);
    assert.notEqual(again.out, viaDb.out, 'the edit and the deletion changed the result');
    await assertConsistent(db, files.length - 1);
  });

  it('resumes after a kill during an ingest with no duplicate or half document', async () => {
    const dir = workspace(4);
    const db = await server.createDatabase('killed');
    const files = (fs.readdirSync(path.join(dir, 'corpus'), { recursive: true }) as string[]).filter((f) => f.endsWith('.txt'));
    const child = spawn(process.execPath, [cliJs, 'index', 'corpus', '--db', db], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Kill it once some but not all documents are in.
    let seen = 0;
    for (let i = 0; i < 2000 && seen === 0; i++) {
      await new Promise((res) => setTimeout(res, 10));
      try { seen = (await sql<{ n: number }>(db, 'SELECT count(*)::int AS n FROM documents'))[0].n; } catch { /* schema not yet made */ }
    }
    child.kill('SIGKILL');
    await exited;
    // A document's ingest is one statement: one the server had already received still commits (whole)
    // after its client dies, so the count is read once the killed tool's sessions are gone.
    for (let i = 0; i < 500; i++) {
      const [{ n }] = await sql<{ n: number }>(db, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'verbatim' AND datname = current_database()");
      if (n === 0) break;
      await new Promise((res) => setTimeout(res, 10));
    }
    const [{ n: partial }] = await sql<{ n: number }>(db, 'SELECT count(*)::int AS n FROM documents');
    assert.ok(partial > 0 && partial < files.length, `killed part-way (${partial} of ${files.length})`);
    await assertConsistent(db, partial);
    const r = await run(['index', 'corpus', '--db', db], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, new RegExp(`^${files.length - partial} added, 0 changed, ${partial} unchanged`));
    await assertConsistent(db, files.length);
  });

  it('keeps ingesting a watched folder as files arrive and go', async () => {
    const dir = workspace();
    fs.rmSync(path.join(dir, 'corpus/basil'), { recursive: true });
    const db = await server.createDatabase('watched');
    const child = spawn(process.execPath, [cliJs, 'index', 'corpus', '--db', db, '--watch'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // Each pass prints its summary: a pass over the changed files alone counts no unchanged file.
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (b: string) => { out += b; });
    // The first pass is done and the folder watched once it says so.
    let err = '';
    const watching = new Promise<void>((resolve) => {
      child.stderr!.setEncoding('utf8');
      child.stderr!.on('data', (b: string) => { err += b; if (err.includes('watching corpus')) resolve(); });
    });
    const count = async (): Promise<number> => {
      try { return (await sql<{ n: number }>(db, 'SELECT count(*)::int AS n FROM documents'))[0].n; } catch { return -1; }
    };
    // Up to a minute: Node 20's recursive watcher on Linux notices a removal under a folder that was
    // moved in late on a loaded machine (it waited past 20 s once, in a full unit run).
    const until = async (n: number): Promise<void> => {
      for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
        if ((await count()) === n) return;
        await new Promise((res) => setTimeout(res, 20));
      }
      // (What the passes printed says which event went missing.)
      assert.fail(`the archive never reached ${n} documents (has ${await count()}); the passes printed:\n${out}\nstderr:\n${err}`);
    };
    // (A pass prints its summary after its writes: the count can be reached before the line arrives.)
    const printed = async (line: RegExp): Promise<void> => {
      for (let i = 0; i < 500 && !line.test(out); i++) await new Promise((res) => setTimeout(res, 20));
      assert.match(out, line);
    };
    try {
      await watching;
      await until(5);
      fs.copyFileSync(path.join(dir, 'drafts/draft.article'), path.join(dir, 'corpus/wire-001.txt'));
      await until(6);
      await printed(/^1 added, 0 changed, 0 unchanged, 0 removed; the archive has 6 documents/m);
      fs.rmSync(path.join(dir, 'corpus/seeds/000_e82ae43b6dd607f6.txt'));
      await until(5);
      await printed(/^0 added, 0 changed, 0 unchanged, 1 removed; the archive has 5 documents/m);
      // What no walk lists changes nothing: a dot-folder's file, a file of another kind.
      fs.mkdirSync(path.join(dir, 'corpus/.tmp'));
      fs.writeFileSync(path.join(dir, 'corpus/.tmp/partial.txt'), 'He said: “Not yet.”');
      fs.writeFileSync(path.join(dir, 'corpus/photo.jpg'), 'not an article');
      // A folder moved in (one event, for the folder) is read whole; removed, its documents go.
      fs.mkdirSync(path.join(dir, 'incoming'));
      fs.copyFileSync(path.join(dir, 'drafts/draft.article'), path.join(dir, 'incoming/a.txt'));
      fs.writeFileSync(path.join(dir, 'incoming/b.txt'), 'She said: “The budget is a disgrace to this city.”');
      fs.renameSync(path.join(dir, 'incoming'), path.join(dir, 'corpus/incoming'));
      await until(7);
      fs.rmSync(path.join(dir, 'corpus/incoming'), { recursive: true });
      await until(5);
      const uris = (await sql<{ uri: string }>(db, 'SELECT uri FROM documents ORDER BY uri')).map((r) => r.uri);
      assert.ok(!uris.some((u) => u.includes('.tmp') || u.endsWith('.jpg') || u.includes('incoming')), uris.join());
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
    await assertConsistent(db, 5);
  });

  it('exits 2 with a clear message on a bad or unreachable URL', async () => {
    const dir = workspace();
    const bad = await run(['check', 'drafts', '--db', 'mysql://somewhere/db'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /is not a PostgreSQL URL/);
    const garbage = await run(['index', 'corpus', '--db', 'not a url'], dir);
    assert.equal(garbage.code, 2);
    assert.match(garbage.err, /is not a database URL/);
    const secret = await run(['check', 'drafts', '--db', 'postgresql://editor:hunter2@127.0.0.1:1/archive'], dir);
    assert.equal(secret.code, 2);
    assert.match(secret.err, /the archive at postgresql:\/\/editor:\*\*\*@127\.0\.0\.1:1\/archive refused the connection/);
    assert.doesNotMatch(secret.err, /hunter2/);
    const noDb = await run(['index', 'corpus', '--db', server.url('missing')], dir);
    assert.equal(noDb.code, 2);
    assert.match(noDb.err, /database "missing" does not exist/);
  });
});

describe('verbatim check --db when the server stops mid-check', function () {
  this.timeout(180_000);
  let server: PgServer;
  before(async () => {
    server = await PgServer.start({ settings: { fsync: 'off' } });
  });
  after(() => server?.destroy());

  it('says the archive went away and prints the local result', async () => {
    const dir = workspace(3);
    const db = await server.createDatabase('stopping');
    assert.equal((await run(['index', 'corpus/seeds-0', '--db', db], dir)).code, 0);
    // Drafts: every corpus file, checked against each other and the archive, one at a time.
    const child = spawn(process.execPath, [cliJs, 'check', 'corpus', '--db', db, '--format', 'json', '--fail-on', 'never'], { cwd: dir });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8'); // a character split between chunks must not be mangled
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let connected = false;
    for (let i = 0; i < 3000 && !connected; i++) {
      await new Promise((res) => setTimeout(res, 5));
      // Past opening the archive (its migration check's queries): stopped during the open, the check
      // cannot use the archive at all and exits 2, which is another test's case. A backend still starting
      // up (its login not done) already shows the application name with an empty query: CI stopped the
      // server there once, during the open, and the check rightly exited 2.
      const rows = await sql<{ n: number }>(server.url(), "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'verbatim' AND datname = 'stopping' AND query <> '' AND query NOT ILIKE '%advisory%' AND query NOT ILIKE '%schema_migrations%'");
      connected = rows[0].n > 0;
    }
    assert.ok(connected, 'the check connected to the archive');
    server.stop();
    const code = await exited;
    server.startServer();
    assert.equal(code, 0, err);
    assert.match(err, /the archive at postgresql:\/\/postgres@127\.0\.0\.1:\d+\/stopping .*; checked against the local sources only/);
    const local = await run(['check', 'corpus', '--format', 'json', '--fail-on', 'never'], dir);
    assert.equal(out.trim(), local.out.trim());
  });
});
