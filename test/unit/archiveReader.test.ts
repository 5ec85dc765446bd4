import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { Archive, ArchiveError } from '../../src/archive/archive';
import { archiveDriver } from '../../src/host/archive/driver';
import { PgServer } from '../support/pgServer';
import { runCliAsync as run } from './helpers';

async function sql(url: string, text: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try { await c.query(text); } finally { await c.end(); }
}

describe('the archive as the editor reads it (PostgreSQL)', function () {
  this.timeout(120_000);
  let server: PgServer;
  let dir: string;
  before(async () => {
    server = await PgServer.start({ settings: { fsync: 'off', full_page_writes: 'off' } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-reader-'));
  });
  after(() => {
    server?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses, in words, a database that has no archive, and never migrates it', async () => {
    const url = await server.createDatabase('blank');
    await assert.rejects(Archive.open(url, { readOnly: true }), (e: unknown) =>
      e instanceof ArchiveError && /has no Verbatim archive yet \(run verbatim index --db on it first\)/.test(e.message));
    await assert.rejects(archiveDriver!.open(url, async () => undefined), /has no Verbatim archive yet/);
    const c = new Client({ connectionString: url });
    await c.connect();
    const tables = (await c.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).rows[0].n;
    await c.end();
    assert.equal(tables, 0, 'a reader creates no tables');
  });

  it('ingests with --encoding as check reads, and the driver gives counts, texts and a lost connection', async () => {
    const url = await server.createDatabase('wire');
    fs.mkdirSync(path.join(dir, 'old'), { recursive: true });
    // Windows-1252 curly quotes (0x93, 0x94) around the words, as in an old newsroom archive.
    const cp1252 = Buffer.concat([Buffer.from('The minister said '), Buffer.from([0x93]), Buffer.from('we will hold the line on rates'), Buffer.from([0x94]), Buffer.from(' on Monday.\n')]);
    fs.writeFileSync(path.join(dir, 'old', 'story.txt'), cp1252);
    const bad = await run(['index', 'old', '--db', url, '--encoding', 'latin-9'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--encoding must be utf-8, windows-1252, auto, not "latin-9"/);
    const r = await run(['index', 'old', '--db', url, '--encoding', 'auto'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^1 added/);
    assert.match(r.err, /old\/story\.txt: .*Windows-1252/, 'a note names the file read as Windows-1252');

    const opened = await archiveDriver!.open(url, async () => undefined);
    try {
      assert.equal(await opened.documents(), 1);
      const texts = await opened.texts(['old/story.txt']);
      assert.equal(texts.get('old/story.txt'), 'The minister said “we will hold the line on rates” on Monday.\n');
      const [found] = await opened.source.candidates([{ stems: ['hold', 'line', 'rate'], exclude: 'draft', limit: 5 }]);
      assert.equal(found.length, 1);
      assert.equal(found[0].quote.text, 'we will hold the line on rates');
      const lost = new Promise<string>((resolve) => opened.onLost(resolve));
      server.stop();
      assert.match(await lost, /the archive at postgresql:\/\/postgres@127\.0\.0\.1:\d+\/wire/);
    } finally {
      server.startServer();
      await opened.close().catch(() => undefined);
    }
  });

  it('logs in with the stored secret where the server asks for a password', async () => {
    const url = await server.createDatabase('locked');
    assert.equal((await run(['index', 'old', '--db', url], dir)).code, 0);
    await sql(server.url(), "CREATE ROLE editor LOGIN PASSWORD 'open-sesame'");
    await sql(url, 'GRANT SELECT ON ALL TABLES IN SCHEMA public TO editor');
    const hba = path.join(server.data, 'pg_hba.conf');
    fs.writeFileSync(hba, `host all editor 127.0.0.1/32 scram-sha-256\n${fs.readFileSync(hba, 'utf8')}`);
    await sql(server.url(), 'SELECT pg_reload_conf()');
    const editorUrl = url.replace('postgres@', 'editor@');
    const saved = { PGPASSWORD: process.env.PGPASSWORD, PGPASSFILE: process.env.PGPASSFILE };
    delete process.env.PGPASSWORD;
    process.env.PGPASSFILE = path.join(dir, 'no-pgpass');
    try {
      await assert.rejects(archiveDriver!.open(editorUrl, async () => undefined), /asks for a password and none was given|password authentication failed/);
      await assert.rejects(archiveDriver!.open(editorUrl, async () => 'wrong'), /refused the login/);
      const opened = await archiveDriver!.open(editorUrl, async () => 'open-sesame');
      assert.equal(await opened.documents(), 1, 'a read-only login reads the archive');
      await opened.close();
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
  });
});
