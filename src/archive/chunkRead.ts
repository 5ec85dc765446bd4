/** Reading packed postings chunks (chunkData.ts) from the archive, for the query reader and the pack. */
import { Query, type ClientBase } from 'pg';
import { decodeChunk, type Chunk } from './chunkData';

/**
 * The chunks' data as base64 text, not bytea's hex: a third more bytes than the chunk rather than
 * twice as many (pg's results are text), which took a quarter off the query reader's
 * fetch at a million articles (session 35). Node's base64 decoder skips the line breaks the server's
 * encode puts every 76 characters.
 */
const DATA = "SELECT id, encode(data, 'base64') AS data FROM chunks WHERE id = ANY ($1::bigint[])";

/**
 * Calls `each` with every chunk of these ids, decoded, as its row arrives: the caller can count one
 * chunk while the server still reads and sends the next. Resolves when all have come; rejects (once
 * the reply has ended, so the connection stays usable) with the first chunk that does not decode.
 */
export function streamChunks(c: ClientBase, ids: readonly string[], each: (id: string, chunk: Chunk) => void): Promise<void> {
  if (ids.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    let failure: { error: unknown } | null = null;
    // Settled through the query's own callback, not its 'error' and 'end' events: with a query_timeout
    // (the editor's reader) pg wraps the callback, and a query without one then reported its errors and
    // its timeout to nobody, so the read never ended. (With a callback pg also keeps the rows until the
    // end, as the promise form did.)
    const q = new Query<{ id: string; data: string }>({ name: 'verbatim_chunk_data', text: DATA, values: [ids] }, undefined, (error) => {
      if (error) reject(error);
      else if (failure) reject(failure.error);
      else resolve();
    });
    q.on('row', (r: { id: string; data: string }) => {
      if (failure) return;
      try {
        each(r.id, decodeChunk(Buffer.from(r.data, 'base64')));
      } catch (error) {
        failure = { error };
      }
    });
    c.query(q);
  });
}

/** The chunks with these ids, decoded. */
export async function readChunks(c: ClientBase, ids: readonly string[]): Promise<Map<string, Chunk>> {
  const got = new Map<string, Chunk>();
  await streamChunks(c, ids, (id, chunk) => got.set(id, chunk));
  return got;
}
