/**
 * A chunk of packed postings as stored in `chunks.data`, in one of two layouts (both read, v2 written):
 * - v2: the magic bytes 56 62 02 FF, the count n as a varint, the n quote numbers ascending as varint
 *   gaps (the first from 0), then the n stems counts as varints (LEB128: 7 bits a byte, low first),
 *   and a zero byte when that would end on a multiple of six bytes (so that v1's test fails on it).
 *   The postings a query reads are mostly those of common stems, whose gaps are short: about two bytes
 *   a posting there, a third of v1. (The reader asks for them as base64 text, a third more than
 *   the bytes, where bytea's hex text doubles them: pg's binary results pass through a UTF-8 string,
 *   which corrupts bytes. So the layout's size is the transfer's.)
 * - v1 (before 2026-12-03): n quote numbers (uint32), then each quote's stem count (uint16),
 *   little-endian: six bytes a posting. Its fourth byte is the high byte of a positive int4 quote
 *   number, at most 7F, so v2's FF there tells the two apart without a column; a v1 chunk is rewritten
 *   as v2 when a pack next merges it.
 * Either is read into typed arrays: counting a million postings takes milliseconds in the reader, where
 * the server's aggregate over a row per posting took about a microsecond each.
 */
export interface Chunk {
  qids: Uint32Array;
  lens: Uint16Array;
}

const MAGIC = [0x56, 0x62, 0x02, 0xff];
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The v2 bytes of a chunk holding `qids[i]` (distinct, below 2³¹) with stem count `lens[i]`, in any order. */
export function encodeChunk(qids: ArrayLike<number>, lens: ArrayLike<number>): Buffer {
  const n = qids.length;
  let order: ArrayLike<number> | null = null;
  for (let i = 1; i < n; i++) {
    if (qids[i] < qids[i - 1]) {
      // Packs append fresh quotes in number order after the chunk's, so this is rare: an ingest
      // that committed after a later-numbered one was packed.
      order = Array.from({ length: n }, (_, k) => k).sort((a, b) => qids[a] - qids[b]);
      break;
    }
  }
  const out = Buffer.allocUnsafe(MAGIC.length + 5 + n * 8);
  let pos = 0;
  for (const b of MAGIC) out[pos++] = b;
  const put = (v: number): void => {
    while (v >= 0x80) {
      out[pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[pos++] = v;
  };
  put(n);
  let last = 0;
  for (let i = 0; i < n; i++) {
    const q = qids[order ? order[i] : i];
    if (!(q >= last && q < 2 ** 31) || (i > 0 && q === last)) throw new Error(`quote number ${q} cannot follow ${last} in a postings chunk`);
    put(q - last);
    last = q;
  }
  for (let i = 0; i < n; i++) put(Math.min(65535, lens[order ? order[i] : i]));
  // Never a multiple of six bytes: a reader from before v2 (an editor still running) then refuses
  // the chunk as "not whole" instead of reading it as v1 postings.
  if (pos % 6 === 0) out[pos++] = 0;
  return out.subarray(0, pos);
}

/** A chunk's postings from its bytes, either layout. */
export function decodeChunk(data: Uint8Array): Chunk {
  if (data.length >= 4 && data[0] === MAGIC[0] && data[1] === MAGIC[1] && data[2] === MAGIC[2] && data[3] === MAGIC[3]) return decodeV2(data);
  return decodeV1(data);
}

function decodeV2(buf: Uint8Array): Chunk {
  // A plain view: element reads through a Buffer (a subclass) were slower here.
  const data = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const end = data.length;
  const broken = (): Error => new Error(`a postings chunk of ${end} bytes is not whole`);
  let pos = MAGIC.length;
  let n = 0;
  for (let shift = 0, b = 0x80; b & 0x80 && pos < end; shift += 7) {
    b = data[pos++];
    n |= (b & 0x7f) << shift;
  }
  if (n < 0 || n > end) throw broken();
  const qids = new Uint32Array(n);
  const lens = new Uint16Array(n);
  // Most values are one byte: that case is tested first. A value runs past the end only in a damaged
  // chunk (a typed array reads undefined there, which ends the value; the length test below fails).
  let q = 0;
  for (let i = 0, all = 2 * n; i < all; i++) {
    let v = data[pos++];
    if (v >= 0x80) {
      let b = v;
      v &= 0x7f;
      for (let shift = 7; b >= 0x80 && shift < 35; shift += 7) {
        b = data[pos++];
        v |= (b & 0x7f) << shift;
      }
      v >>>= 0;
    }
    // The first n values are the quote numbers' gaps, the next n the stem counts.
    if (i < n) qids[i] = q += v;
    else lens[i - n] = v;
  }
  // The pad byte is there exactly when the values end on a multiple of six bytes.
  if (!(pos === end || (pos === end - 1 && pos % 6 === 0 && data[pos] === 0))) throw broken();
  return { qids, lens };
}

function decodeV1(data: Uint8Array): Chunk {
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
