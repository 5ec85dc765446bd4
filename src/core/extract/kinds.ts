/**
 * Quote kinds. A `term` is a quoted label nobody is quoted as saying (the “one China” policy, a policy of
 * “strategic ambiguity”): a short noun phrase after a determiner or "of", with no reporting verb just
 * before it. A `fragment` is a few quoted words inside reported speech (was “clear-eyed”). The rest are
 * `quote`s. A short quote in Title Case is a title, motto or slogan: also a `term`.
 */
import { hasReportingVerb } from '../attribute/verbs';
import { wordCount } from '../text/text';
import type { QuoteKind } from '../types';

const MAX_TERM_WORDS = 3;
const MAX_FRAGMENT_WORDS = 4;
const MAX_TITLE_WORDS = 6;
const MINOR = /^(?:a|an|the|and|or|but|of|in|on|at|to|for|by|with|from|as)$/i;

/** “In God We Trust”, “Make America Great Again”: a title, motto or slogan is named, not quoted. */
function isTitleCase(content: string): boolean {
  const body = content.replace(/[,.;:!?]+$/, '');
  // Two sentences are speech, not a title: “Like Oakland. Or Ferguson,” Trump said. ("Mr. Smith Goes
  // to Washington": an abbreviation's full stop ends no sentence.)
  // (The letters before the stop are looked behind: /\p{L}{4,}[.!?]/ tried from every letter of a long
  // word is quadratic, minutes on a 1 MB quote.)
  if (/(?<=\p{L}{4})[.!?]\s+\p{Lu}/u.test(body)) return false;
  const words = body.split(/\s+/).filter(Boolean);
  if (words.length < 2) return false;
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && MINOR.test(w))) && words.some((w) => /\p{Ll}/u.test(w));
}

/** The kind of the quote `text[start, end)`, judged from its length (`words`, its wordCount) and the words before its mark. */
export function quoteKind(text: string, start: number, end: number, lineStart: number, words = wordCount(text.slice(start, end))): QuoteKind {
  const content = text.slice(start, end);
  if (words <= MAX_TITLE_WORDS && isTitleCase(content)) return 'term';
  const before = text.slice(Math.max(lineStart, start - 80), Math.max(lineStart, start - 1));
  const embedded = /[\p{L}\p{N}]\s*$/u.test(before);
  if (!embedded || words > MAX_FRAGMENT_WORDS) return 'quote';
  const lastWords = before.trim().split(/\s+/).slice(-4);
  const nearDeterminer = lastWords.slice(-2).some((w) => /^(?:the|a|an|of|so-called|its|their)$/i.test(w));
  if (words <= MAX_TERM_WORDS && nearDeterminer && !hasReportingVerb(lastWords.join(' '))) return 'term';
  return 'fragment';
}
