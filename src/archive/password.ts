/**
 * Where an archive connection's password comes from, in the order a user expects from libpq tools:
 * the URL's own (the CLI accepts it, as psql does), a stored secret (the editor's SecretStorage), the
 * PGPASSWORD environment variable, then ~/.pgpass (PGPASSFILE) through the `pgpass` package. node-postgres
 * reads the last two itself only when given no password function (and its pgpass support is deprecated),
 * so the lookup is done here, once per new connection.
 */
import pgpass from 'pgpass';
import { parseIntoClientConfig } from 'pg-connection-string';
import type { ClientConfig } from 'pg';
import { loginOf, type Login } from './login';

/** A ~/.pgpass lookup (undefined when there is no file, it is group- or world-readable, or no line fits). */
export function fromPgpass(login: Login): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      pgpass({ host: login.host, port: String(login.port), user: login.user, database: login.database }, (pass) => resolve(pass ?? undefined));
    } catch {
      resolve(undefined);
    }
  });
}

/**
 * The pg client configuration for `url`: its fields parsed, and a password function trying the URL's
 * password, `secret`, PGPASSWORD and ~/.pgpass in turn (undefined: no password, for trust or peer login).
 */
export function clientConfig(url: string, secret?: () => Promise<string | undefined>): ClientConfig {
  const parsed = parseIntoClientConfig(url);
  const inUrl = typeof parsed.password === 'string' && parsed.password !== '' ? parsed.password : undefined;
  const login = loginOf(url, process.env);
  const password = async (): Promise<string | undefined> => {
    if (inUrl !== undefined) return inUrl;
    const stored = secret ? await secret() : undefined;
    if (stored) return stored;
    if (process.env.PGPASSWORD) return process.env.PGPASSWORD;
    return fromPgpass(login);
  };
  // pg types the function as returning string | Promise<string>; it accepts undefined (no password).
  return { ...parsed, password: password as () => Promise<string> };
}
