/** Rule messages: the engine owns the wording so every front end says the same thing. */
import { editDistance, type Respelling } from '../match/respell';
import { STOPWORDS } from '../text/spelling';
import { tagsOf } from '../attribute/lexicon';
import type { Match, Token } from '../types';
import { list, msg, type Message } from './formatMessage';

type Change = { removed: Token[]; added: Token[] };
type Respelled = Change & { kind: Respelling };

const MAX_NEGATION_CHANGE = 3;
const NEGATION = new Set(['not', 'no', 'never', 'nothing', 'none', 'nobody', 'neither', 'nor', 'without', "n't"]);
const words = (ts: Token[]): string => ts.map((t) => t.raw).join(' ');

/**
 * `“through” → “through on”`, `“thing” added`, `“also” dropped`, `“here” → “hear” (possible typo)`, and
 * misspellings (`“De’Anglas” → “De’Angelas” (check the spelling of the name)`, `“goverment” →
 * “government” (probable typo)`); at most `max` changes, as a comma list; null when nothing changed.
 */
export function describeChanges(changes: Change[], max = 3, respelled: readonly Respelled[] = []): Message | null {
  const names = respelled.filter((r) => r.kind === 'name' || r.kind === 'typo');
  const parts = [...names, ...changes].slice(0, max).map((c): Message => {
    const kind = names.includes(c as Respelled) ? (c as Respelled).kind : null;
    const values = { removed: words(c.removed), added: words(c.added) };
    if (kind === 'name') return msg('change.name', values);
    if (kind === 'typo') return msg('change.typo', values);
    if (possibleTypo(c)) return msg('change.possibleTypo', values);
    if (c.removed.length && c.added.length) return msg('change.replaced', values);
    if (c.added.length) return msg('change.added', values);
    return msg('change.dropped', values);
  });
  if (names.length + changes.length > max) parts.push(msg('change.more', { count: names.length + changes.length - max }));
  return parts.length ? list('list.comma', parts) : null;
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
// A capitalised word of a closed class opens a sentence; it names nobody ("Although" / "Though").
const NOT_A_NAME = ['Conjunction', 'Preposition', 'Determiner', 'Pronoun', 'Adverb', 'Modal', 'Copula', 'Auxiliary'];
const isName = (t: Token): boolean => /^\p{Lu}/u.test(t.raw) && !STOPWORDS.has(t.key) && !NOT_A_NAME.some((tag) => tagsOf(t.raw).has(tag));

const isNumber = (t: Token): boolean => /\d/.test(t.key);

/**
 * A changed number, negation or name changes what the quote says, not just how: a negation added or
 * dropped, or a number or name replaced by another ("three ships" / "two ships"; not "the two sides" /
 * "both sides", where no number stands against it).
 */
export function meaningChanged(changes: readonly Change[]): boolean {
  return changes.some(
    (c) =>
      // A negation put in or taken out ("do support" / "do not support"), not a passage left out that
      // holds one ("never been a man or a woman – not me, not Bill, nobody – more qualified"): an omission.
      (c.removed.length + c.added.length <= MAX_NEGATION_CHANGE && [...c.removed, ...c.added].some((t) => NEGATION.has(t.key))) ||
      (c.removed.some(isNumber) && c.added.some(isNumber)) ||
      (c.removed.some(isName) && c.added.some(isName)),
  );
}

/** The message of `quote-differs`: how many sources differ and, for the closest, which words. */
export function quoteDiffersMessage(differing: Match[]): Message {
  const sources = new Set(differing.map((m) => m.quote.uri)).size;
  const closest = differing[0];
  const values = { sources, relation: closest.relation, label: closest.quote.label };
  if (!closest.changesL10n) return msg(sources === 1 ? 'quoteDiffers.one' : 'quoteDiffers.other', values);
  return msg(sources === 1 ? 'quoteDiffers.one.changes' : 'quoteDiffers.other.changes', { ...values, changes: closest.changesL10n });
}

/** A `quote-differs` message with the note that the article quotes the source's words unchanged elsewhere. */
export const withEchoNote = (message: Message): Message => msg('echo.appended', { message, note: msg('echo.note') });
