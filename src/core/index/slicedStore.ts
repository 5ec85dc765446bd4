/**
 * Writing and reading a stored index a slice at a time: lines are encoded or decoded until a slice's
 * time is up, then the caller's `pause` gives the thread back (the extension host must never be held
 * for long; 10,000 articles are about 35 MB, a second of work in one go). Pure: the clock and the pause
 * are the caller's.
 */
import { utf8Decoder, utf8Encoder } from '../text/utf8';

export interface Slicer {
  /** Gives the thread back; resolves when work may go on. */
  pause(): Promise<void>;
  /** Milliseconds, from any origin. */
  now(): number;
  /** How long one slice may run. */
  sliceMs: number;
}

const NEWLINE = 10;


/**
 * `head` and then every line of `lines`, each ended by a newline, as UTF-8 bytes. `stale` is asked
 * after each pause: when it says the data changed, the write is given up (undefined). Lines are
 * encoded straight into one buffer of `sizeHint` bytes (the last write's size, say), grown when it is
 * short: a part per line and a join at the end would allocate the store twice, and allocating 70 MB
 * of buffers at once starts a full collection that holds the thread for 80 ms at 10,000 articles.
 */
export async function encodeSliced(head: string, lines: Iterator<string>, slicer: Slicer, stale: () => boolean, sizeHint = 1 << 20): Promise<Uint8Array | undefined> {
  const encoder = utf8Encoder();
  let out = new Uint8Array(Math.max(1024, sizeHint));
  let at = 0;
  const put = (text: string): void => {
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    if (out.length - at < text.length * 3) {
      const grown = new Uint8Array(Math.max(Math.ceil(out.length * 1.5), at + text.length * 3));
      grown.set(out.subarray(0, at));
      out = grown;
    }
    at += encoder.encodeInto(text, out.subarray(at)).written;
    out[at++] = NEWLINE;
  };
  put(head);
  let began = slicer.now();
  for (let next = lines.next(); !next.done; next = lines.next()) {
    put(next.value);
    if (slicer.now() - began >= slicer.sliceMs) {
      await slicer.pause();
      if (stale()) return undefined;
      began = slicer.now();
    }
  }
  return out.subarray(0, at);
}

/** The first line of `bytes` (decoded) and where the rest begins; undefined when there is no newline. */
export function firstLine(bytes: Uint8Array): { line: string; rest: number } | undefined {
  const end = bytes.indexOf(NEWLINE);
  return end < 0 ? undefined : { line: utf8Decoder().decode(bytes.subarray(0, end)), rest: end + 1 };
}

/** Hands every non-empty line of `bytes` from `from` on to `line`, decoded, pausing between slices. */
export async function decodeSliced(bytes: Uint8Array, from: number, line: (text: string) => void, slicer: Slicer): Promise<void> {
  const decoder = utf8Decoder();
  let began = slicer.now();
  for (let at = from; at < bytes.length;) {
    let end = bytes.indexOf(NEWLINE, at);
    if (end < 0) end = bytes.length;
    if (end > at) line(decoder.decode(bytes.subarray(at, end)));
    at = end + 1;
    if (slicer.now() - began >= slicer.sliceMs) {
      await slicer.pause();
      began = slicer.now();
    }
  }
}
