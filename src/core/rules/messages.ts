/** Rule messages: the engine owns the wording so every front end says the same thing. */
import { STOPWORDS } from '../text/spelling';
import type { Match, Token } from '../types';

type Change = { removed: Token[]; added: Token[] };

const NEGATION = new Set(['not', 'no', 'never', 'nothing', 'none', 'nobody', 'neither', 'nor', 'without', "n't"]);
const words = (ts: Token[]): string => ts.map((t) => t.raw).join(' ');

/** `“through” → “through on”`, `“thing” added`, `“also” dropped`; at most `max` changes. */
export function describeChanges(changes: Change[], max = 3): string {
  const parts = changes.slice(0, max).map((c) => {
    if (c.removed.length && c.added.length) return `“${words(c.removed)}” → “${words(c.added)}”`;
    if (c.added.length) return `“${words(c.added)}” added`;
    return `“${words(c.removed)}” dropped`;
  });
  if (changes.length > max) parts.push(`${changes.length - max} more`);
  return parts.join(', ');
}

/** A capitalised content word: a name ("Both" or "The" opening a sentence is not). */
const isName = (t: Token): boolean => /^\p{Lu}/u.test(t.raw) && !STOPWORDS.has(t.key);

const isNumber = (t: Token): boolean => /\d/.test(t.key);

/**
 * A changed number, negation or name changes what the quote says, not just how: a negation added or
 * dropped, or a number or name replaced by another ("three ships" / "two ships"; not "the two sides" /
 * "both sides", where no number stands against it).
 */
export function meaningChanged(changes: Change[]): boolean {
  return changes.some(
    (c) =>
      [...c.removed, ...c.added].some((t) => NEGATION.has(t.key)) ||
      (c.removed.some(isNumber) && c.added.some(isNumber)) ||
      (c.removed.some(isName) && c.added.some(isName)),
  );
}

/** The message of `quote-differs`: how many sources differ and, for the closest, which words. */
export function quoteDiffersMessage(differing: Match[]): string {
  const sources = new Set(differing.map((m) => m.quote.uri)).size;
  const closest = differing[0];
  const detail = closest.changes ? `: ${closest.changes}` : '';
  return `Quote differs from ${sources} source${sources === 1 ? '' : 's'} (${closest.relation} in ${closest.quote.label}${detail}).`;
}
