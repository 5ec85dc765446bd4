/**
 * Analyses as a handful of typed arrays, so a worker can hand a batch back by transfer (no copy, no
 * JSON of thousands of objects). Strings the quotes share (kinds, marks, speakers, stems, names) are
 * interned once per batch. Texts are not sent back: the receiver sent them and slices its own, and
 * tokens are computed from them when first read, as `analyze` computes them. Unpacking gives back
 * what `analyze` gave, field for field (a unit test holds the two to that).
 */
import { type AnalyzedDoc, type AnalyzedQuote } from '../analyze';
import { tokenize } from '../text/text';
import type { QuoteKind, Token } from '../types';

/** What a batch's documents were: the receiver's own inputs, in the order sent. */
export interface BatchInput {
  uri: string;
  label?: string;
  text: string;
  order: number;
}

export interface PackedAnalyses {
  /** Per document: its quote count and name count. */
  docs: Int32Array;
  /** Per quote, QUOTE_FIELDS numbers (see `packAnalyses`). */
  quotes: Int32Array;
  /** String ids of each quote's stems, quote after quote. */
  stems: Int32Array;
  /** String ids of each document's names, document after document. */
  names: Int32Array;
  /** The interned strings: their UTF-16 units end to end, and where each ends. */
  chars: Uint16Array;
  ends: Int32Array;
}

/** Per quote: start, end, index, kind, speaker, open, close (string ids), flags, stem count. */
export const QUOTE_FIELDS = 9;
/** String ids of null and undefined. */
export const NULL = -1;
export const UNDEFINED = -2;
/** Flag bits: the speaker was inferred; the quote is unbalanced. */
const INFERRED = 1;
const UNBALANCED = 2;

/** The buffers to transfer with a packed batch. */
export function transferables(p: PackedAnalyses): ArrayBuffer[] {
  return [p.docs, p.quotes, p.stems, p.names, p.chars, p.ends].map((a) => a.buffer as ArrayBuffer);
}

/** Packs `docs` (from `analyze`) into typed arrays. */
export function packAnalyses(docs: readonly AnalyzedDoc[]): PackedAnalyses {
  const ids = new Map<string, number>();
  const strings: string[] = [];
  const id = (s: string | null | undefined): number => {
    if (s === null) return NULL;
    if (s === undefined) return UNDEFINED;
    let n = ids.get(s);
    if (n === undefined) {
      ids.set(s, (n = strings.length));
      strings.push(s);
    }
    return n;
  };
  let quoteCount = 0;
  let stemCount = 0;
  let nameCount = 0;
  for (const d of docs) {
    quoteCount += d.quotes.length;
    nameCount += d.names.length;
    for (const q of d.quotes) stemCount += q.stems.length;
  }
  const docFields = new Int32Array(docs.length * 2);
  const quotes = new Int32Array(quoteCount * QUOTE_FIELDS);
  const stems = new Int32Array(stemCount);
  const names = new Int32Array(nameCount);
  let qi = 0;
  let si = 0;
  let ni = 0;
  docs.forEach((d, di) => {
    docFields[di * 2] = d.quotes.length;
    docFields[di * 2 + 1] = d.names.length;
    for (const n of d.names) names[ni++] = id(n);
    for (const q of d.quotes) {
      const at = qi++ * QUOTE_FIELDS;
      quotes[at] = q.start;
      quotes[at + 1] = q.end;
      quotes[at + 2] = q.index;
      quotes[at + 3] = id(q.kind);
      quotes[at + 4] = id(q.speaker);
      quotes[at + 5] = id(q.open);
      quotes[at + 6] = id(q.close);
      // The speaker's confidence rides in the flags' upper bits, in twentieths (as the index's flags hold it).
      quotes[at + 7] = (q.speakerInferred ? INFERRED : 0) | (q.unbalanced ? UNBALANCED : 0) | (Math.round(q.speakerConfidence * 20) << 2);
      quotes[at + 8] = q.stems.length;
      for (const s of q.stems) stems[si++] = id(s);
    }
  });
  const ends = new Int32Array(strings.length);
  let units = 0;
  strings.forEach((s, i) => { ends[i] = units += s.length; });
  const chars = new Uint16Array(units);
  let p = 0;
  for (const s of strings) for (let i = 0; i < s.length; i++) chars[p++] = s.charCodeAt(i);
  return { docs: docFields, quotes, stems, names, chars, ends };
}

/** The analyses of `inputs` (the documents `p` was packed from, in the same order). */
export function unpackAnalyses(inputs: readonly BatchInput[], p: PackedAnalyses): AnalyzedDoc[] {
  const strings = batchStrings(p);
  const str = (n: number): string | null | undefined => (n === NULL ? null : n === UNDEFINED ? undefined : strings[n]);
  const out: AnalyzedDoc[] = [];
  let qi = 0;
  let si = 0;
  let ni = 0;
  inputs.forEach((input, di) => {
    const text = input.text;
    const label = input.label ?? input.uri;
    const names: string[] = [];
    for (let k = p.docs[di * 2 + 1]; k > 0; k--) names.push(strings[p.names[ni++]]);
    const quotes: AnalyzedQuote[] = [];
    for (let k = p.docs[di * 2]; k > 0; k--) {
      const at = qi++ * QUOTE_FIELDS;
      const f = p.quotes;
      const start = f[at];
      const end = f[at + 1];
      const stems: string[] = [];
      for (let s = f[at + 8]; s > 0; s--) stems.push(strings[p.stems[si++]]);
      let tokens: Token[] | undefined;
      quotes.push({
        uri: input.uri, label, index: f[at + 2], start, end, text: text.slice(start, end), kind: str(f[at + 3]) as QuoteKind,
        speaker: str(f[at + 4]) as string | null, speakerInferred: (f[at + 7] & INFERRED) !== 0, speakerConfidence: (f[at + 7] >> 2) / 20, open: str(f[at + 5]) as string,
        close: str(f[at + 6]) as string | null, unbalanced: (f[at + 7] & UNBALANCED) !== 0,
        get tokens(): Token[] {
          return (tokens ??= tokenize(text, start, end));
        },
        stems,
      });
    }
    out.push({ uri: input.uri, text, order: input.order, quotes, names });
  });
  return out;
}

/** The batch's interned strings, by id. */
export function batchStrings(p: PackedAnalyses): string[] {
  const strings: string[] = new Array(p.ends.length);
  for (let i = 0, from = 0; i < p.ends.length; from = p.ends[i++]) strings[i] = unitsToString(p.chars, from, p.ends[i]);
  return strings;
}

function unitsToString(units: Uint16Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i += 4096) s += String.fromCharCode.apply(null, units.subarray(i, Math.min(to, i + 4096)) as unknown as number[]);
  return s;
}
