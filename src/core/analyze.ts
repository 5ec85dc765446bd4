/** Stages 1–3 for one document: extract its quotes, attribute them, tokenize them for matching. */
import { attribute } from './attribute/attribute';
import { extractQuotes } from './extract/extract';
import { quoteKind } from './extract/kinds';
import { STOPWORDS } from './text/spelling';
import { tokenizeCounting } from './text/text';
import type { DocInput, Quote, Token } from './types';

export interface AnalyzedQuote extends Quote {
  tokens: Token[];
  /** Distinct content stems, for the index and bag-of-words overlap. */
  stems: string[];
  /** True when the speaker was not named but inferred from a pronoun or the paragraph. */
  speakerInferred: boolean;
}

export interface AnalyzedDoc {
  uri: string;
  text: string;
  order: number;
  quotes: AnalyzedQuote[];
  /** Multi-word names mentioned, so other documents can resolve a bare surname. */
  names: string[];
}

/**
 * Content stems of a token list: no function words, no duplicates. A quote of function words only
 * ("it is what it is") keeps them all, so that it can still be found.
 */
export function contentStems(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) if (t.key.length > 1 && !STOPWORDS.has(t.key)) addOnce(out, t.stem);
  if (out.length === 0) for (const t of tokens) addOnce(out, t.stem);
  return out;
}

/**
 * Appends `s` unless `list` has it: a quote has a few dozen stems, and a scan of them is cheaper than a
 * Set (hashing each fresh string) and the array made from it.
 */
function addOnce(list: string[], s: string): void {
  if (!list.includes(s)) list.push(s);
}

/** Analyses one document; pure and deterministic. */
export function analyze(doc: DocInput, order = 0): AnalyzedDoc {
  const text = doc.text;
  const raw = extractQuotes(text);
  const { speakers, names } = attribute(text, raw);
  const quotes: AnalyzedQuote[] = raw.map((r, index) => {
    const { tokens, words } = tokenizeCounting(text, r.start, r.end);
    const kind = quoteKind(text, r.start, r.end, r.lineStart, words);
    return {
      uri: doc.uri,
      label: doc.label ?? doc.uri,
      index,
      start: r.start,
      end: r.end,
      text: text.slice(r.start, r.end),
      kind,
      // A term is a label nobody is quoted as saying, whoever speaks around it.
      speaker: kind === 'term' ? null : speakers[index].speaker,
      speakerInferred: speakers[index].inferred,
      speakerConfidence: kind === 'term' ? 0 : speakers[index].confidence,
      open: text[r.start - 1],
      close: r.close,
      unbalanced: r.unbalanced,
      tokens,
      stems: contentStems(tokens),
    };
  });
  return { uri: doc.uri, text, order: doc.order ?? order, quotes, names };
}
