/**
 * An archive URL's login (host, port, user, database) and the name its password is stored under, with
 * no Node API: the editor's host computes the SecretStorage key with this in any extension host, and
 * the pg side (password.ts) looks the same login up in ~/.pgpass.
 */

/** The fields of a connection that pick a password (as ~/.pgpass lines do). */
export interface Login {
  host: string;
  port: number;
  user: string;
  database: string;
}

/** The login a URL names, with libpq's defaults for what it leaves out. */
export function loginOf(url: string, env: Readonly<Record<string, string | undefined>> = {}): Login {
  const u = new URL(url);
  const user = decodeURIComponent(u.username) || env.PGUSER || env.USER || 'postgres';
  return {
    host: decodeURIComponent(u.hostname.replace(/^\[|\]$/g, '')) || env.PGHOST || 'localhost',
    port: Number(u.port) || Number(env.PGPORT) || 5432,
    user,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || env.PGDATABASE || user,
  };
}

/** The key a login's password is stored under (one per host, port, user and database). */
export function secretKey(login: Login): string {
  return `verbatim.archive.password:${login.user}@${login.host}:${login.port}/${login.database}`;
}

export { withoutPassword } from '../core/config/archiveUrl';
