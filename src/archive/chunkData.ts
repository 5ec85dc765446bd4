/**
 * A chunk of packed postings as stored in `chunks.data`: n quote numbers (uint32), then each quote's
 * stem count (uint16, at most 65,535: a quote has far fewer distinct content stems), little-endian.
 * Six bytes a posting, read as typed arrays: counting a million postings takes milliseconds in the
 * reader, where the server's aggregate over a row per posting took about a microsecond each. (They
 * travel as bytea's hex text: pg's binary results pass through a UTF-8 string, which corrupts bytes.)
 */
export interface Chunk {
  qids: Uint32Array;
  lens: Uint16Array;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The bytes of a chunk holding `qids[i]` with stem count `lens[i]`. */
export function encodeChunk(qids: ArrayLike<number>, lens: ArrayLike<number>): Buffer {
  const n = qids.length;
  const out = Buffer.alloc(n * 6);
  for (let i = 0; i < n; i++) out.writeUInt32LE(qids[i], i * 4);
  for (let i = 0; i < n; i++) out.writeUInt16LE(Math.min(65535, lens[i]), n * 4 + i * 2);
  return out;
}

/** A chunk's postings from its bytes (copied when unaligned or on a big-endian machine). */
export function decodeChunk(data: Uint8Array): Chunk {
  if (data.length % 6 !== 0) throw new Error(`a postings chunk of ${data.length} bytes is not whole`);
  const n = data.length / 6;
  if (littleEndian) {
    // Typed-array views need their element alignment; the client's buffers are slices at any offset.
    const bytes = data.byteOffset % 4 === 0 ? data : new Uint8Array(data);
    return { qids: new Uint32Array(bytes.buffer, bytes.byteOffset, n), lens: new Uint16Array(bytes.buffer, bytes.byteOffset + n * 4, n) };
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const qids = new Uint32Array(n);
  const lens = new Uint16Array(n);
  for (let i = 0; i < n; i++) qids[i] = view.getUint32(i * 4, true);
  for (let i = 0; i < n; i++) lens[i] = view.getUint16(n * 4 + i * 2, true);
  return { qids, lens };
}
