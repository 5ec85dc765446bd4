/**
 * The source index stored as bytes: the same state parts as indexStore.ts's lines of JSON, but each
 * part's numbers and texts as raw typed arrays and UTF-8 beside a small JSON skeleton. Reading 10,000
 * articles' index back from JSON decoded 16 MB of UTF-8 into one string, parsed it, and encoded every
 * quote text again for the arena — half of a warm `verbatim check --cache`; here the columns and texts
 * are copied in as they are. Pure: bytes in and out.
 *
 * Layout: a 16-byte head (magic, byte-order mark, layout version, state version), then one frame per
 * part: u32 JSON length, u32 data length, the JSON skeleton, then the data, each padded to 4 bytes. In
 * the skeleton a typed array is `{"$b":[type, offset, length]}` (offset into the frame's data) and a
 * long string `{"$s":[k, lossless]}`, the frame's k-th string. After the data: the number of arrays and
 * of strings, then each string's offset and byte length.
 */
import { VERSION as STATE_VERSION } from './indexStore';
import { QuoteIndex, type StatePart } from './sourceIndex';
import { decode as decodeLossless, encodeInto as encodeLossless, utf8Length } from './textArena';
import { utf8Decoder, utf8Encoder } from '../text/utf8';

const MAGIC = 0x58494256; // "VBIX" in little-endian bytes
const BYTE_ORDER = 0x01020304;
const LAYOUT = 1;
const HEAD_BYTES = 16;
/** Strings at least this long go into the data (kept document texts); shorter ones stay in the JSON. */
const LONG_STRING = 4096;

type Typed = Int32Array | Uint8Array;
const TYPES: { of: (v: Typed) => boolean; make: (b: ArrayBuffer, at: number, n: number) => Typed; size: number }[] = [
  { of: (v) => v instanceof Int32Array, make: (b, at, n) => new Int32Array(b, at, n), size: 4 },
  { of: (v) => v instanceof Uint8Array, make: (b, at, n) => new Uint8Array(b, at, n), size: 1 },
];

const pad4 = (n: number): number => (n + 3) & ~3;

/** A growing byte buffer (grown buffers are zeroed, so padding needs no writing). */
class Bytes {
  buf: Uint8Array;
  at = 0;
  constructor(size: number) {
    this.buf = new Uint8Array(Math.max(1024, size));
  }
  room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.at + n, Math.ceil(this.buf.length * 1.5)));
    grown.set(this.buf.subarray(0, this.at));
    this.buf = grown;
  }
  u32(v: number): void {
    this.room(4);
    new DataView(this.buf.buffer, this.buf.byteOffset).setUint32(this.at, v, true);
    this.at += 4;
  }
  align(): void {
    const to = pad4(this.at);
    this.room(to - this.at);
    this.at = to;
  }
}

/** True when `s` has no lone surrogate (TextEncoder would replace one). */
function wellFormed(s: string): boolean {
  const native = (s as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(s) : !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

/**
 * One part as a frame appended to `out`. The frame's data holds the typed arrays (each at a multiple
 * of 4), then the long strings; after the data come the strings' places (count, then offset and byte
 * length of each), known only once they are encoded.
 */
function writeFrame(out: Bytes, part: unknown): void {
  const arrays: { v: Typed; at: number }[] = [];
  const strings: { text: string; lossless: boolean }[] = [];
  let arrayBytes = 0;
  // Typed arrays and long strings are lifted out of the part's objects (never found inside arrays:
  // stateParts' shapes), so the skeleton is stringified natively, without a replacer called for
  // every value — 10,000 documents' fields, 50,000 stems.
  const lift = (value: unknown): unknown => {
    if (ArrayBuffer.isView(value)) {
      const v = value as Typed;
      const type = TYPES.findIndex((t) => t.of(v));
      if (type < 0) throw new Error('index store: an unknown typed array');
      arrays.push({ v, at: arrayBytes });
      const ref = { $b: [type, arrayBytes, v.length] };
      arrayBytes = pad4(arrayBytes + v.byteLength);
      return ref;
    }
    if (typeof value === 'string' && value.length >= LONG_STRING) {
      // TextEncoder would replace a lone surrogate: such a text is encoded as the arena does.
      const lossless = !wellFormed(value);
      strings.push({ text: value, lossless });
      return { $s: [strings.length - 1, lossless ? 1 : 0] };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) o[k] = lift(v);
    return o;
  };
  const json = JSON.stringify(lift(part));
  const jsonBytes = utf8Encoder().encode(json);
  out.u32(jsonBytes.length);
  const dataLengthAt = out.at;
  out.u32(0); // the data's length, known once its strings are encoded
  out.room(jsonBytes.length);
  out.buf.set(jsonBytes, out.at);
  out.at += jsonBytes.length;
  out.align();
  const dataStart = out.at;
  out.room(arrayBytes);
  for (const { v, at } of arrays) out.buf.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), dataStart + at);
  out.at = dataStart + arrayBytes;
  const places: number[] = [];
  for (const { text, lossless } of strings) {
    const at = out.at;
    if (lossless) {
      const bytes = utf8Length(text);
      out.room(bytes);
      encodeLossless(text, out.buf, out.at);
      out.at += bytes;
    } else {
      out.room(text.length * 3);
      out.at += utf8Encoder().encodeInto(text, out.buf.subarray(out.at)).written;
    }
    places.push(at - dataStart, out.at - at);
  }
  out.align();
  new DataView(out.buf.buffer, out.buf.byteOffset).setUint32(dataLengthAt, out.at - dataStart, true);
  out.u32(arrays.length);
  out.u32(strings.length);
  for (const v of places) out.u32(v);
}

/** The index (and `meta`) as bytes. */
export function serializeIndexBinary(index: QuoteIndex, meta: Record<string, unknown> = {}, sizeHint = 1 << 20): Uint8Array {
  const out = new Bytes(sizeHint);
  out.u32(MAGIC);
  // In this machine's order, as the typed arrays are: a file from the other order is refused.
  out.room(4);
  out.buf.set(new Uint8Array(new Uint32Array([BYTE_ORDER]).buffer), out.at);
  out.at += 4;
  out.u32(LAYOUT);
  out.u32(STATE_VERSION);
  const generation = index.generation;
  writeFrame(out, { meta });
  for (const part of index.stateParts(true)) {
    if (index.generation !== generation) throw new Error('the index changed while it was being written');
    writeFrame(out, part);
  }
  return out.buf.subarray(0, out.at);
}

/** True when `bytes` begin as a binary stored index does (not a proof that the rest is sound). */
function isBinaryIndex(bytes: Uint8Array): boolean {
  return bytes.length >= HEAD_BYTES && new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true) === MAGIC;
}

/** The index stored by `serializeIndexBinary`, and its `meta`. Throws on anything else. */
export function deserializeIndexBinary(bytes: Uint8Array): { index: QuoteIndex; meta: Record<string, unknown> } {
  if (!isBinaryIndex(bytes)) throw new Error('not a Verbatim index');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // (Copies through the constructor: a Node Buffer's slice is a view, not a copy.)
  if (new Uint32Array(new Uint8Array(bytes.subarray(4, 8)).buffer)[0] !== BYTE_ORDER) throw new Error('a Verbatim index of another byte order');
  const layout = view.getUint32(8, true);
  const version = view.getUint32(12, true);
  if (layout !== LAYOUT || version !== STATE_VERSION) throw new Error(`Verbatim index version ${version}.${layout} is not supported (expected ${STATE_VERSION}.${LAYOUT})`);
  let at = HEAD_BYTES;
  const u32 = (): number => {
    if (at + 4 > bytes.length) throw new Error('the Verbatim index is cut short');
    const v = view.getUint32(at, true);
    at += 4;
    return v;
  };
  let meta: Record<string, unknown> | undefined;
  const importer = QuoteIndex.importer();
  while (at < bytes.length) {
    const jsonBytes = u32();
    const dataBytes = u32();
    if (jsonBytes > bytes.length || dataBytes > bytes.length) throw new Error('the Verbatim index is damaged');
    const jsonStart = at;
    const dataStart = pad4(jsonStart + jsonBytes);
    const dataEnd = dataStart + dataBytes;
    if (dataEnd > bytes.length) throw new Error('the Verbatim index is cut short');
    at = dataEnd;
    const arrays = u32();
    const strings = u32();
    if (strings * 8 > bytes.length - at) throw new Error('the Verbatim index is damaged');
    const places: number[] = [];
    for (let i = 0; i < strings * 2; i++) places.push(u32());
    const skeleton = JSON.parse(utf8Decoder().decode(bytes.subarray(jsonStart, jsonStart + jsonBytes))) as unknown;
    // (Most frames' skeletons have no reference: documents, say, are only JSON.)
    const part = (arrays + strings ? restore(skeleton, bytes, dataStart, dataEnd, places) : skeleton) as Record<string, unknown>;
    if (!meta) {
      if (!part || typeof part.meta !== 'object') throw new Error('not a Verbatim index');
      meta = part.meta as Record<string, unknown>;
    } else importer.add(part as StatePart);
  }
  if (!meta) throw new Error('the Verbatim index is cut short');
  return { index: importer.finish(), meta };
}

/** The skeleton with its typed-array and long-string references read from the frame's data. */
function restore(value: unknown, bytes: Uint8Array, from: number, to: number, places: number[]): unknown {
  // (References are only in objects' fields, never in arrays: see writeFrame.)
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.$b)) {
    const [type, offset, length] = o.$b as number[];
    const t = TYPES[type];
    const start = from + offset;
    if (!t || !(length >= 0) || start + length * t.size > to) throw new Error('the Verbatim index is damaged');
    // Aligned data is read in place (copied by the importer); unaligned, it is copied first.
    if ((bytes.byteOffset + start) % t.size === 0) return t.make(bytes.buffer as ArrayBuffer, bytes.byteOffset + start, length);
    const copy = new Uint8Array(bytes.subarray(start, start + length * t.size));
    return t.make(copy.buffer, 0, length);
  }
  if (Array.isArray(o.$s)) {
    const [k, lossless] = o.$s as number[];
    const offset = places[2 * k];
    const length = places[2 * k + 1];
    if (offset === undefined || from + offset + length > to) throw new Error('the Verbatim index is damaged');
    const b = bytes.subarray(from + offset, from + offset + length);
    return lossless ? decodeLossless(b, 0, length, []) : utf8Decoder().decode(b);
  }
  for (const key of Object.keys(o)) {
    const v = o[key];
    if (v !== null && typeof v === 'object') o[key] = restore(v, bytes, from, to, places);
  }
  return o;
}
