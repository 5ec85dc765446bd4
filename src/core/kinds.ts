/**
 * Quote kinds. A `term` is a quoted label nobody is quoted as saying (the “one China” policy, a policy of
 * “strategic ambiguity”): a short noun phrase after a determiner or "of", with no reporting verb just
 * before it. A `fragment` is a few quoted words inside reported speech (was “clear-eyed”). The rest are
 * `quote`s.
 */
import { hasReportingVerb } from './attribute';
import { wordCount } from './text';
import type { QuoteKind } from './types';

const MAX_TERM_WORDS = 3;
const MAX_FRAGMENT_WORDS = 4;

/** The kind of the quote `text[start, end)`, judged from its length and the words before its mark. */
export function quoteKind(text: string, start: number, end: number, lineStart: number): QuoteKind {
  const words = wordCount(text.slice(start, end));
  const before = text.slice(Math.max(lineStart, start - 80), Math.max(lineStart, start - 1));
  const embedded = /[\p{L}\p{N}]\s*$/u.test(before);
  if (!embedded || words > MAX_FRAGMENT_WORDS) return 'quote';
  const lastWords = before.trim().split(/\s+/).slice(-4);
  const nearDeterminer = lastWords.slice(-2).some((w) => /^(?:the|a|an|of|so-called|its|their)$/i.test(w));
  if (words <= MAX_TERM_WORDS && nearDeterminer && !hasReportingVerb(lastWords.join(' '))) return 'term';
  return 'fragment';
}
