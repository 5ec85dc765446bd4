import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseConfig, withoutPassword } from '../../src/core';
import { loginOf, secretKey } from '../../src/archive/login';
import { clientConfig } from '../../src/archive/password';
import { describe as describeError } from '../../src/archive/archive';
import { readSettings } from '../../src/host/settingsMap';

describe('archive URL in the configuration file and settings', () => {
  it('reads "archive" from .verbatim.json, refusing a password in it and a URL that is not PostgreSQL', () => {
    const ok = parseConfig('{ "archive": "postgresql://editor@db.example:5433/archive" }');
    assert.equal(ok.config.archive, 'postgresql://editor@db.example:5433/archive');
    assert.deepEqual(ok.problems, []);

    const secret = parseConfig('{\n  "archive": "postgres://editor:hunter2@db.example/archive"\n}');
    assert.equal(secret.config.archive, 'postgres://editor@db.example/archive', 'the password is taken out');
    assert.equal(secret.problems.length, 1);
    assert.match(secret.problems[0].message, /must not hold a password.*ignored.*Set Archive Password, PGPASSWORD or ~\/\.pgpass/);
    assert.equal(secret.problems[0].line, 2);
    assert.ok(!JSON.stringify(secret).includes('hunter2'), 'the password is nowhere in the result');

    for (const bad of ['"mysql://x@y/z"', '42', '"db.example"']) {
      const r = parseConfig(`{ "archive": ${bad} }`);
      assert.equal(r.config.archive, undefined, bad);
      assert.match(r.problems[0].message, /"archive" must be a postgresql:\/\/user@host:port\/database URL/);
    }
  });

  it('takes verbatim.archive.url when it is empty or a PostgreSQL URL', () => {
    assert.equal(readSettings(() => undefined).host.archiveUrl, '');
    assert.equal(readSettings((k) => (k === 'archive.url' ? 'postgresql://u@h/db' : undefined)).host.archiveUrl, 'postgresql://u@h/db');
    const bad = readSettings((k) => (k === 'archive.url' ? 'http://h/db' : undefined));
    assert.equal(bad.host.archiveUrl, '');
    assert.match(bad.problems[0], /verbatim\.archive\.url: ignoring invalid value/);
  });

  it('names one secret per host, port, user and database, with libpq defaults', () => {
    assert.deepEqual(loginOf('postgresql://ed@db.example/archive'), { host: 'db.example', port: 5432, user: 'ed', database: 'archive' });
    assert.deepEqual(loginOf('postgresql:///', { PGUSER: 'wire', PGHOST: 'pg1', PGPORT: '6000' }), { host: 'pg1', port: 6000, user: 'wire', database: 'wire' });
    assert.equal(secretKey(loginOf('postgresql://ed@db.example:5433/archive')), 'verbatim.archive.password:ed@db.example:5433/archive');
    assert.notEqual(secretKey(loginOf('postgresql://ed@db.example/a')), secretKey(loginOf('postgresql://ed@db.example/b')));
    assert.deepEqual(withoutPassword('postgresql://ed:p%40ss@h/db'), { url: 'postgresql://ed@h/db', hadPassword: true });
    assert.deepEqual(withoutPassword('postgresql://ed@h/db'), { url: 'postgresql://ed@h/db', hadPassword: false });
    assert.deepEqual(withoutPassword('postgres://ed:p@ss:w@h:5433/db?sslmode=require'), { url: 'postgres://ed@h:5433/db?sslmode=require', hadPassword: true });
    assert.deepEqual(withoutPassword('postgresql://h/db?user=ed'), { url: 'postgresql://h/db?user=ed', hadPassword: false });
    assert.deepEqual(withoutPassword('postgresql://:secret@h/db'), { url: 'postgresql://@h/db', hadPassword: true });
  });

  describe('password lookup', () => {
    const saved = { PGPASSWORD: process.env.PGPASSWORD, PGPASSFILE: process.env.PGPASSFILE };
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-pgpass-'));
      delete process.env.PGPASSWORD;
      process.env.PGPASSFILE = path.join(dir, 'none');
    });
    afterEach(() => {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const passwordOf = async (url: string, secret?: () => Promise<string | undefined>): Promise<string | undefined> =>
      (clientConfig(url, secret).password as () => Promise<string | undefined>)();

    it('tries the URL, the stored secret, PGPASSWORD, then ~/.pgpass, in that order', async () => {
      const file = path.join(dir, 'pgpass');
      fs.writeFileSync(file, 'db.example:5432:archive:ed:from-pgpass\n*:*:*:other:x\n', { mode: 0o600 });
      process.env.PGPASSFILE = file;
      const url = 'postgresql://ed@db.example/archive';
      assert.equal(await passwordOf(url), 'from-pgpass');
      process.env.PGPASSWORD = 'from-env';
      assert.equal(await passwordOf(url), 'from-env');
      assert.equal(await passwordOf(url, async () => 'from-secret'), 'from-secret');
      assert.equal(await passwordOf('postgresql://ed:in-url@db.example/archive', async () => 'from-secret'), 'in-url');
      delete process.env.PGPASSWORD;
      assert.equal(await passwordOf('postgresql://ed@db.example/otherdb'), undefined, 'no line fits another database');
      const c = clientConfig(url);
      assert.deepEqual([c.host, c.user, c.database], ['db.example', 'ed', 'archive']);
    });

    it('ignores a ~/.pgpass others can read, as libpq does', async () => {
      const file = path.join(dir, 'pgpass');
      fs.writeFileSync(file, '*:*:*:*:too-open\n', { mode: 0o644 });
      fs.chmodSync(file, 0o644);
      process.env.PGPASSFILE = file;
      assert.equal(await passwordOf('postgresql://ed@h/db'), undefined);
    });
  });
});

describe('archive errors in words', () => {
  const url = 'postgresql://editor:secret@db.example:5432/archive';
  it('says the server closed the connection, whichever of pg\'s words for it came', () => {
    for (const e of [
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('Connection terminated unexpectedly'),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }),
    ]) {
      assert.equal(describeError(e, url), 'the archive at postgresql://editor:***@db.example:5432/archive closed the connection (the server stopped, or the network failed)');
    }
  });
  it('keeps the server\'s own words otherwise, with the password hidden', () => {
    assert.equal(describeError(new Error('relation "x" is odd'), url), 'the archive at postgresql://editor:***@db.example:5432/archive: relation "x" is odd');
    assert.match(describeError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), url), /is shutting down or starting up/);
    assert.match(describeError(new Error('Connection terminated due to connection timeout'), url), /archive did not answer in time$/, "pg-pool's words for a server that never answered");
  });
});
