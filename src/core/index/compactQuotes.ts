/**
 * Compact quote storage: with `keepText: false` a document is kept only as its quotes' columns and
 * texts (in the arena) and its names; its quotes are rebuilt on demand — tokens included, lazily — and
 * the most recently used are cached. Rebuilt quotes equal the ones `analyze` gave (a unit test holds
 * the two to that).
 */
import { contentStems, type AnalyzedDoc, type AnalyzedQuote } from '../analyze';
import { tokenize } from '../text/text';
import type { Quote, QuoteKind, Token } from '../types';
import type { DocRecord, IndexData } from './indexData';
import { FLAG_INFERRED, FLAG_UNBALANCED, confidenceOf } from './slotTable';

/** A compact quote rebuilt: stored fields, and tokens and stems computed as `analyze` does. */
export function rebuildQuote(data: IndexData, rec: DocRecord, slot: number, docText?: string): AnalyzedQuote {
  const c = data.table.col;
  const start = c.start[slot];
  const end = c.end[slot];
  const text = c.textAt[slot] >= 0 ? data.textAt(slot) : (docText ?? rec.text!).slice(start, end);
  let tokens: Token[] | undefined;
  let stems: string[] | undefined;
  const v = data.strings.values;
  // Tokens are offsets into the document; the quote's text at its offset tokenizes the same way.
  const tokensOf = (): Token[] => (tokens ??= shift(tokenize(text), start));
  return {
    uri: rec.uri,
    label: rec.label,
    index: c.index[slot],
    start,
    end,
    text,
    kind: v[c.kind[slot]] as QuoteKind,
    speaker: v[c.speaker[slot]] as string | null,
    speakerInferred: (c.flags[slot] & FLAG_INFERRED) !== 0,
    speakerConfidence: confidenceOf(c.flags[slot]),
    open: v[c.open[slot]] as string,
    close: v[c.close[slot]] as string | null,
    unbalanced: (c.flags[slot] & FLAG_UNBALANCED) !== 0,
    get tokens(): Token[] {
      return tokensOf();
    },
    get stems(): string[] {
      return (stems ??= contentStems(tokensOf()));
    },
  };
}

/** The plain quote (no tokens) in a live slot, without rebuilding or caching its analysis. */
export function quoteFields(data: IndexData, rec: DocRecord, slot: number): Quote {
  const c = data.table.col;
  const v = data.strings.values;
  const text = rec.doc ? rec.doc.quotes[slot - rec.first].text : c.textAt[slot] < 0 ? rec.text!.slice(c.start[slot], c.end[slot]) : data.textAt(slot);
  return {
    uri: rec.uri, label: rec.label, index: c.index[slot], start: c.start[slot], end: c.end[slot], text, kind: v[c.kind[slot]] as QuoteKind,
    speaker: v[c.speaker[slot]] as string | null, open: v[c.open[slot]] as string, close: v[c.close[slot]] as string | null,
    unbalanced: (c.flags[slot] & FLAG_UNBALANCED) !== 0, speakerConfidence: confidenceOf(c.flags[slot]),
  };
}

/** The document of `rec`: as given, or a compact one (with its text if kept) whose quotes are rebuilt when first read. */
export function docOf(data: IndexData, rec: DocRecord): AnalyzedDoc {
  if (rec.doc) return rec.doc;
  let quotes: AnalyzedQuote[] | undefined;
  const build = (): AnalyzedQuote[] => {
    if (!quotes) {
      quotes = [];
      for (let s = rec.first; s < rec.first + rec.count; s++) quotes.push(rebuildQuote(data, rec, s));
    }
    return quotes;
  };
  // Quotes are rebuilt only when read: callers often want just the order or whether it exists.
  return {
    uri: rec.uri, text: rec.text ?? '', order: rec.order, names: rec.names,
    get quotes(): AnalyzedQuote[] {
      return build();
    },
  };
}

/** Rebuilt compact quotes by slot, most recently used last, at most `limit()` of them. */
export class RebuiltCache {
  private readonly map = new Map<number, AnalyzedQuote>();

  constructor(private readonly limit: () => number) {}

  /** The cached quote of `slot`, or `build()`'s, now the most recently used. */
  get(slot: number, build: () => AnalyzedQuote): AnalyzedQuote {
    let q = this.map.get(slot);
    if (q) {
      this.map.delete(slot);
    } else {
      q = build();
      if (this.map.size >= this.limit()) this.map.delete(this.map.keys().next().value!);
    }
    this.map.set(slot, q);
    return q;
  }

  delete(slot: number): void {
    this.map.delete(slot);
  }

  clear(): void {
    this.map.clear();
  }
}

function shift(tokens: Token[], by: number): Token[] {
  if (by !== 0) for (const t of tokens) { t.start += by; t.end += by; }
  return tokens;
}
