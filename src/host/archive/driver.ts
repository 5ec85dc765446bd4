/**
 * The archive driver of the desktop (Node) extension host: node-postgres through src/archive. The web
 * build replaces this module with src/web/archiveDriver.ts (scripts/webBuild.mjs), which has none: a
 * browser's extension host cannot open a TCP connection to a database server.
 */
import { Archive, describe } from '../../archive/archive';
import type { ArchiveDriver, OpenedArchive } from './link';

/** Short waits: an editor should say "offline" within seconds, not hang a check on a dead server. */
const CONNECT_TIMEOUT_MS = 5000;
const QUERY_TIMEOUT_MS = 15_000;

export const archiveDriver: ArchiveDriver | undefined = {
  async open(url, secret): Promise<OpenedArchive> {
    // readOnly: an editor's login need not own the schema; `verbatim index` applies migrations.
    const archive = await Archive.open(url, { connections: 2, readOnly: true, secret, timeoutMs: CONNECT_TIMEOUT_MS, queryTimeoutMs: QUERY_TIMEOUT_MS });
    return {
      source: archive.source,
      documents: async () => (await archive.source.documents('')).count,
      texts: (uris) => archive.texts(uris),
      onLost: (listener) => { archive.pool.on('error', (e) => listener(describe(e, url))); },
      close: () => archive.close(),
    };
  },
  describe,
};
