/**
 * The one read policy of the CLI and the editor: what file is read as text and how. Binary files (a NUL
 * in the first 8 KB, which text in UTF-8 or any 8-bit encoding never has) and files over the size cap
 * are skipped with a reason; invalid UTF-8 is read with U+FFFD for the bad bytes and a note, so one bad
 * byte does not take a whole source away; a byte-order mark is dropped.
 */

// TextDecoder is in every runtime the engine runs in (Node, browsers, workers); declared here because
// the core is compiled without Node's or the DOM's types.
import { formatMessage, msg, type Message } from '../rules/formatMessage';

declare const TextDecoder: new (label: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string };

/**
 * How bytes become text: UTF-8 (the default), Windows-1252 (old newsroom archives, where curly quotes
 * are the bytes 0x93/0x94), or `auto`: UTF-8 when the bytes are valid UTF-8, else Windows-1252. Valid
 * UTF-8 is almost never Windows-1252 text by accident (its multi-byte sequences are rare letter pairs in
 * 1252), so `auto` is safe for a mixed archive.
 */
export type Encoding = 'utf-8' | 'windows-1252' | 'auto';

export const ENCODINGS: readonly Encoding[] = Object.freeze(['utf-8', 'windows-1252', 'auto']);

/** The size cap when none is configured: 10 MB. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

const SNIFF_BYTES = 8192;

/**
 * Windows-1252's 0x80–0x9F (the WHATWG table; 0 where the byte is unassigned and maps to the C1 control
 * of the same number). Decoded here rather than by TextDecoder('windows-1252'), which some runtimes
 * (Node 20) treat as Latin-1 and so turn 0x93/0x94 into control characters instead of curly quotes.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Windows-1252 bytes as text: Latin-1 but for 0x80–0x9F. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** `note` and `reason` in English; their `…L10n` messages for a front end that translates them. */
export type Decoded = { ok: true; text: string; note?: string; noteL10n?: Message } | { ok: false; reason: string; reasonL10n: Message };

/** True when the first bytes contain a NUL. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** The reason a file of `size` bytes is skipped under `maxBytes`, or undefined when it is within. */
export function overCap(size: number, maxBytes: number): string | undefined {
  const m = overCapMessage(size, maxBytes);
  return m && formatMessage(m);
}

/** `overCap` as a message. */
export function overCapMessage(size: number, maxBytes: number): Message | undefined {
  if (size <= maxBytes) return undefined;
  const kb = (n: number): number => Math.ceil(n / 1024);
  return msg('read.overCap', { size: kb(size), cap: kb(maxBytes) });
}

const skipped = (m: Message): Decoded => ({ ok: false, reason: formatMessage(m), reasonL10n: m });
const noted = (text: string, m: Message): Decoded => ({ ok: true, text, note: formatMessage(m), noteL10n: m });

/** The text of a file's bytes under the read policy, or why it is skipped; a note says how it was read when not as plain UTF-8. */
export function decodeText(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES, encoding: Encoding = 'utf-8'): Decoded {
  const big = overCapMessage(bytes.length, maxBytes);
  if (big) return skipped(big);
  if (looksBinary(bytes)) return skipped(msg('read.binary'));
  const strip = (s: string): string => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);
  if (encoding === 'windows-1252') return noted(decodeWindows1252(bytes), msg('read.windows1252'));
  try {
    return { ok: true, text: strip(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    if (encoding === 'auto') return noted(decodeWindows1252(bytes), msg('read.auto1252'));
    return noted(strip(new TextDecoder('utf-8').decode(bytes)), msg('read.replaced'));
  }
}
