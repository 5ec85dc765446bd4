/**
 * Peer 2: exact matching after normalization, the way Quotebank-style pipelines merge quotations — case,
 * marks, punctuation, diacritics and spacing folded, then a hash lookup.
 */
export interface SourceQuote {
  uri: string;
  start: number;
  end: number;
  text: string;
}

/** Lower-case letters and digits separated by single spaces. */
export function normalize(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[’']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export class ExactMatcher {
  private readonly byText = new Map<string, SourceQuote[]>();

  constructor(quotes: Iterable<SourceQuote>) {
    for (const q of quotes) {
      const k = normalize(q.text);
      const list = this.byText.get(k);
      if (list) list.push(q);
      else this.byText.set(k, [q]);
    }
  }

  match(text: string): SourceQuote[] {
    return this.byText.get(normalize(text)) ?? [];
  }
}
