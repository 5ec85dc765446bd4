/** Rule messages: the engine owns the wording so every front end says the same thing. */
import { editDistance, type Respelling } from '../match/respell';
import { STOPWORDS } from '../text/spelling';
import type { Match, Token } from '../types';

type Change = { removed: Token[]; added: Token[] };
type Respelled = Change & { kind: Respelling };

const NEGATION = new Set(['not', 'no', 'never', 'nothing', 'none', 'nobody', 'neither', 'nor', 'without', "n't"]);
const words = (ts: Token[]): string => ts.map((t) => t.raw).join(' ');

/**
 * `“through” → “through on”`, `“thing” added`, `“also” dropped`, `“here” → “hear” (possible typo)`, and
 * misspellings (`“De’Anglas” → “De’Angelas” (check the spelling of the name)`, `“goverment” →
 * “government” (probable typo)`); at most `max` changes.
 */
export function describeChanges(changes: Change[], max = 3, respelled: readonly Respelled[] = []): string {
  const names = respelled.filter((r) => r.kind === 'name' || r.kind === 'typo');
  const parts = [...names, ...changes].slice(0, max).map((c) => {
    const kind = names.includes(c as Respelled) ? (c as Respelled).kind : null;
    if (kind === 'name') return `“${words(c.removed)}” → “${words(c.added)}” (check the spelling of the name)`;
    if (kind === 'typo') return `“${words(c.removed)}” → “${words(c.added)}” (probable typo)`;
    if (possibleTypo(c)) return `“${words(c.removed)}” → “${words(c.added)}” (possible typo)`;
    if (c.removed.length && c.added.length) return `“${words(c.removed)}” → “${words(c.added)}”`;
    if (c.added.length) return `“${words(c.added)}” added`;
    return `“${words(c.removed)}” dropped`;
  });
  if (names.length + changes.length > max) parts.push(`${names.length + changes.length - max} more`);
  return parts.join(', ');
}

const skeleton = (w: string): string => w.replace(/[aeiouy'’]/g, '').replace(/(.)\1+/g, '$1');

/**
 * One word for another that reads like a slip of the keyboard or the ear (here / hear, then / than,
 * loose / lose): one edit apart, or two with the same consonants. Not another form of the same word
 * (need / needs), which is a change of grammar.
 */
function possibleTypo(c: Change): boolean {
  if (c.removed.length !== 1 || c.added.length !== 1) return false;
  const [x, y] = [c.removed[0], c.added[0]];
  if (x.stem === y.stem || /\d/.test(x.key + y.key) || Math.min(x.key.length, y.key.length) < 3) return false;
  const d = editDistance(x.key, y.key, 2);
  return (d === 1 && Math.min(x.key.length, y.key.length) >= 4) || (d <= 2 && skeleton(x.key) === skeleton(y.key));
}

/** A capitalised content word: a name ("Both" or "The" opening a sentence is not). */
const isName = (t: Token): boolean => /^\p{Lu}/u.test(t.raw) && !STOPWORDS.has(t.key);

const isNumber = (t: Token): boolean => /\d/.test(t.key);

/**
 * A changed number, negation or name changes what the quote says, not just how: a negation added or
 * dropped, or a number or name replaced by another ("three ships" / "two ships"; not "the two sides" /
 * "both sides", where no number stands against it).
 */
export function meaningChanged(changes: readonly Change[]): boolean {
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

/** Added to a `quote-differs` lowered to information because the article quotes the source's words unchanged elsewhere. */
export const echoNote = 'The article quotes these words unchanged elsewhere: this may be the same words said on another occasion.';
