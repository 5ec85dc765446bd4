/**
 * A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary folder, started on
 * 127.0.0.1 with a free port and its unix socket in that folder, trust authentication, stopped and
 * removed by `destroy`. As root the server runs as the `postgres` user (initdb refuses root). Missing
 * server binaries are an error, never a skip: the archive tests must run wherever the tests run.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

/** The folder holding initdb and pg_ctl: $PG_BIN, Debian's newest /usr/lib/postgresql/N/bin, or PATH. */
export function findPgBin(): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    for (const v of fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(debian, v, 'bin'));
  }
  candidates.push(...(process.env.PATH ?? '').split(path.delimiter));
  const found = candidates.find((d) => d && fs.existsSync(path.join(d, 'initdb')) && fs.existsSync(path.join(d, 'pg_ctl')));
  if (!found) {
    throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found: install them (Debian: apt-get install postgresql) or set PG_BIN to their folder');
  }
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** The uid and gid of the unprivileged user the server runs as when we are root. */
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:') || l.startsWith('nobody:'));
  if (!line) throw new Error('running as root, but there is no postgres (or nobody) user to run the PostgreSQL server as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export interface PgServerOptions {
  /** Server settings (`-c name=value`), e.g. durability off for fast tests. */
  settings?: Record<string, string>;
}

export class PgServer {
  private constructor(readonly dir: string, readonly port: number, private readonly bin: string,
    private readonly user: { uid: number; gid: number } | null, private readonly settings: Record<string, string>) {}

  /** Creates and starts a fresh cluster. */
  static async start(options: PgServerOptions = {}): Promise<PgServer> {
    const bin = findPgBin();
    const user = serverUser();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-pg-'));
    if (user) fs.chownSync(dir, user.uid, user.gid);
    const server = new PgServer(dir, await freePort(), bin, user, options.settings ?? {});
    try {
      server.run('initdb', ['-D', server.data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync']);
      server.startServer();
    } catch (e) {
      server.destroy();
      throw e;
    }
    return server;
  }

  /**
   * The server another process started (`start`), to stop or restart it from here: the archive
   * integration test stops from inside the extension host the server its runner started.
   */
  static attach(where: { dir: string; port: number }): PgServer {
    return new PgServer(where.dir, where.port, findPgBin(), serverUser(), {});
  }

  get data(): string {
    return path.join(this.dir, 'data');
  }

  /** The URL of database `db` on this server (loopback only). */
  url(db = 'postgres'): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${db}`;
  }

  /** Creates an empty database and returns its URL. */
  async createDatabase(name: string): Promise<string> {
    const c = new Client({ connectionString: this.url() });
    await c.connect();
    try {
      await c.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
    } finally {
      await c.end();
    }
    return this.url(name);
  }

  /** Starts the server again after `stop`. */
  startServer(): void {
    const opts = [`-c listen_addresses=127.0.0.1`, `-p ${this.port}`, `-k ${this.dir}`,
      ...Object.entries(this.settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
    this.run('pg_ctl', ['-D', this.data, '-l', path.join(this.dir, 'server.log'), '-o', opts, '-w', '-t', '60', 'start']);
  }

  /** Stops the server (fast shutdown: open sessions are cut). */
  stop(): void {
    this.run('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']);
  }

  /** Stops the server if it runs and removes its folder. */
  destroy(): void {
    if (fs.existsSync(path.join(this.data, 'postmaster.pid'))) {
      try { this.run('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']); } catch { /* already gone */ }
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** Bytes on disk of the data folder. */
  diskBytes(): number {
    let total = 0;
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile()) total += fs.statSync(p).size;
      }
    };
    walk(this.data);
    return total;
  }

  private run(tool: string, args: string[]): void {
    const options: SpawnSyncOptions = { encoding: 'utf8', cwd: this.dir, ...(this.user ?? {}) };
    const r = spawnSync(path.join(this.bin, tool), args, options);
    if (r.status !== 0) {
      let log = '';
      try { log = fs.readFileSync(path.join(this.dir, 'server.log'), 'utf8').slice(-2000); } catch { /* no log yet */ }
      throw new Error(`${tool} ${args.join(' ')} failed (${r.status ?? r.error?.message}): ${r.stderr}${r.stdout}\n${log}`);
    }
  }
}
