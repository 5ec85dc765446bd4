/**
 * The one read policy of the CLI and the editor: what file is read as text and how. Binary files (a NUL
 * in the first 8 KB, which text in UTF-8 or any 8-bit encoding never has) and files over the size cap
 * are skipped with a reason; invalid UTF-8 is read with U+FFFD for the bad bytes and a note, so one bad
 * byte does not take a whole source away; a byte-order mark is dropped.
 */

// TextDecoder is in every runtime the engine runs in (Node, browsers, workers); declared here because
// the core is compiled without Node's or the DOM's types.
declare const TextDecoder: new (label: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string };

/** The size cap when none is configured: 10 MB. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

const SNIFF_BYTES = 8192;

export type Decoded = { ok: true; text: string; note?: string } | { ok: false; reason: string };

/** True when the first bytes contain a NUL. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** The reason a file of `size` bytes is skipped under `maxBytes`, or undefined when it is within. */
export function overCap(size: number, maxBytes: number): string | undefined {
  if (size <= maxBytes) return undefined;
  const kb = (n: number): number => Math.ceil(n / 1024);
  return `is ${kb(size)} KB, over the ${kb(maxBytes)} KB size cap (maxFileSizeKB)`;
}

/** The text of a file's bytes under the read policy, or why it is skipped. */
export function decodeText(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): Decoded {
  const big = overCap(bytes.length, maxBytes);
  if (big) return { ok: false, reason: big };
  if (looksBinary(bytes)) return { ok: false, reason: 'looks binary (it contains NUL bytes)' };
  const strip = (s: string): string => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);
  try {
    return { ok: true, text: strip(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: true, text: strip(new TextDecoder('utf-8').decode(bytes)), note: 'is not valid UTF-8; invalid bytes were read as U+FFFD' };
  }
}
