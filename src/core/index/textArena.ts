/**
 * Quote texts stored as UTF-8 in fixed-size chunks: about half the memory of JavaScript strings for
 * English text with curly marks (which makes V8 store a whole string in two bytes a character), and no
 * hidden reference to the article the quote was sliced from. Chunks never grow, so there is no slack
 * from doubling; freed space is reclaimed by rebuilding (see QuoteIndex compaction).
 */

const CHUNK = 1 << 20;

export class TextArena {
  private chunks: Uint8Array[] = [];
  private used = 0;
  private scratch: number[] = [];

  /** Stores `text` (its units `from`…`to`); returns its address (chunk * CHUNK + offset) and byte length. */
  add(text: string, from = 0, to = text.length): { at: number; bytes: number } {
    // Room for the worst case, three bytes a UTF-16 unit, so the text is read once and not measured
    // first (a third of indexing a quote's text went to measuring it, and to slicing it out).
    const chunk = this.room(3 * (to - from));
    const at = (this.chunks.length - 1) * CHUNK + this.used;
    const bytes = encodeInto(text, chunk, this.used, from, to);
    this.used += bytes;
    // A text of its own chunk (over CHUNK / 3 units): cut to what it took (`room` takes nothing more
    // into it: addresses past CHUNK would fall into the next chunk).
    if (chunk.length > CHUNK) this.chunks[this.chunks.length - 1] = chunk.slice(0, this.used);
    return { at, bytes };
  }

  /** Stores the UTF-8 `bytes` bytes of `src` from `from` as they are (a stored index read back). */
  addBytes(src: Uint8Array, from: number, bytes: number): { at: number; bytes: number } {
    const chunk = this.room(bytes);
    const at = (this.chunks.length - 1) * CHUNK + this.used;
    chunk.set(src.subarray(from, from + bytes), this.used);
    this.used += bytes;
    return { at, bytes };
  }

  /** The stored bytes at `at` (a view, valid until the arena is replaced). */
  bytesAt(at: number, bytes: number): Uint8Array {
    const offset = at % CHUNK;
    return this.chunks[Math.floor(at / CHUNK)].subarray(offset, offset + bytes);
  }

  /** The text stored at `at` with `bytes` bytes. */
  get(at: number, bytes: number): string {
    const chunk = this.chunks[Math.floor(at / CHUNK)];
    return decode(chunk, at % CHUNK, bytes, this.scratch);
  }

  /** The chunk `bytes` more bytes go into, a new one when the last is too full. */
  private room(bytes: number): Uint8Array {
    const last = this.chunks[this.chunks.length - 1];
    if (!last || this.used + bytes > last.length || last.length > CHUNK) {
      this.chunks.push(new Uint8Array(Math.max(CHUNK, bytes)));
      this.used = 0;
    }
    return this.chunks[this.chunks.length - 1];
  }

  /** Bytes held, for memory reports. */
  get capacity(): number {
    return this.chunks.reduce((n, c) => n + c.length, 0);
  }
}

/** UTF-8 length of a UTF-16 string (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/**
 * Writes `s` (its units `from`…`to`) as UTF-8 at `at` of `out`, lone surrogates kept as their three-byte
 * pattern; gives the bytes written (`utf8Length` of that text).
 */
export function encodeInto(s: string, out: Uint8Array, at: number, from = 0, to = s.length): number {
  let p = at;
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) { out[p++] = c; continue; }
    if (c < 0x800) { out[p++] = 0xc0 | (c >> 6); out[p++] = 0x80 | (c & 63); continue; }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      out[p++] = 0xf0 | (c >> 18); out[p++] = 0x80 | ((c >> 12) & 63); out[p++] = 0x80 | ((c >> 6) & 63); out[p++] = 0x80 | (c & 63);
      continue;
    }
    // A lone surrogate cannot be encoded: keep it losslessly as its three-byte pattern anyway, so
    // decoding gives back the same UTF-16 unit (the index must return the text it was given).
    out[p++] = 0xe0 | (c >> 12); out[p++] = 0x80 | ((c >> 6) & 63); out[p++] = 0x80 | (c & 63);
  }
  return p - at;
}

/** The text `encodeInto` wrote (lone surrogates come back too). */
export function decode(b: Uint8Array, from: number, bytes: number, units: number[]): string {
  units.length = 0;
  const end = from + bytes;
  let out = '';
  for (let i = from; i < end; ) {
    const c = b[i];
    if (c < 0x80) { units.push(c); i += 1; }
    else if (c < 0xe0) { units.push(((c & 31) << 6) | (b[i + 1] & 63)); i += 2; }
    else if (c < 0xf0) { units.push(((c & 15) << 12) | ((b[i + 1] & 63) << 6) | (b[i + 2] & 63)); i += 3; }
    else {
      const cp = ((c & 7) << 18) | ((b[i + 1] & 63) << 12) | ((b[i + 2] & 63) << 6) | (b[i + 3] & 63);
      units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 1023));
      i += 4;
    }
    if (units.length >= 4096) { out += String.fromCharCode.apply(null, units); units.length = 0; }
  }
  return out + String.fromCharCode.apply(null, units);
}
