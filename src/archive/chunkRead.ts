/** Reading packed postings chunks (chunkData.ts) from the archive, for the query reader and the pack. */
import type { ClientBase } from 'pg';
import { decodeChunk, type Chunk } from './chunkData';

/**
 * The chunks with these ids, decoded. As base64 text, not bytea's hex: a third more bytes than the
 * chunk rather than twice as many (pg's results are text), which took a quarter off the query reader's
 * fetch at a million articles (session 35). Node's base64 decoder skips the line breaks the server's
 * encode puts every 76 characters.
 */
export async function readChunks(c: ClientBase, ids: readonly string[]): Promise<Map<string, Chunk>> {
  const got = new Map<string, Chunk>();
  if (ids.length === 0) return got;
  const rows = (await c.query<{ id: string; data: string }>(
    { name: 'verbatim_chunk_data', text: "SELECT id, encode(data, 'base64') AS data FROM chunks WHERE id = ANY ($1::bigint[])", values: [ids] })).rows;
  for (const r of rows) got.set(r.id, decodeChunk(Buffer.from(r.data, 'base64')));
  return got;
}
