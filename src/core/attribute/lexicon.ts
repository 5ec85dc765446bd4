/**
 * What kind of word a candidate speaker is, from compromise's English lexicon (compromise/two, MIT):
 * a speaker is a name, never an adverb, preposition, determiner, conjunction, interjection, pronoun or
 * verb form ("Nevertheless", "Despite", "Several", "Responding", "Yes"). Only the lexicon is used: tagging
 * a whole article with compromise costs tens of milliseconds, a word look-up nothing. The library is
 * loaded once, with this module.
 */
import nlp from 'compromise/two';

interface TagInfo { parents?: string[] }
interface Model { one: { lexicon: Record<string, string | string[]>; tagSet: Record<string, TagInfo> } }

const model = nlp.model() as Model;

/** The lexicon's tags of `word` with their ancestors (lower-cased look-up), or an empty set. */
export function tagsOf(word: string): ReadonlySet<string> {
  const key = word.toLowerCase().replace(/[’']s$/, '');
  if (!Object.hasOwn(model.one.lexicon, key)) return NONE; // "constructor" is no word of the lexicon
  const raw = model.one.lexicon[key];
  // Kept per lexicon word: the cache is bounded by the lexicon, not by the text read.
  let out = expanded.get(key);
  if (out) return out;
  expanded.set(key, (out = new Set<string>()));
  for (const t of Array.isArray(raw) ? raw : [raw]) {
    out.add(t);
    for (const p of model.one.tagSet[t]?.parents ?? []) out.add(p);
  }
  return out;
}
const NONE: ReadonlySet<string> = new Set();
const expanded = new Map<string, Set<string>>();

// Word classes that never open or make up a name.
const FUNCTION = ['Adverb', 'Preposition', 'Determiner', 'Conjunction', 'Expression', 'Pronoun', 'QuestionWord', 'Gerund', 'PastTense', 'Copula', 'Auxiliary'];
// Also not a name on its own: a common adjective or verb ("Partisan", "Large", "Meet").
const ALONE = [...FUNCTION, 'Adjective', 'Verb', 'Value', 'Date'];

// Names, and adjectives that are common surnames ("Brown", "Frank", "Earnest" are comparatives).
const NAME_TAGS = ['Person', 'FirstName', 'LastName', 'ProperNoun', 'Honorific', 'Comparative', 'Acronym'];
const named = (tags: ReadonlySet<string>): boolean => NAME_TAGS.some((t) => tags.has(t));
const is = (word: string, classes: readonly string[]): boolean => {
  const tags = tagsOf(word);
  return !named(tags) && classes.some((c) => tags.has(c));
};

/**
 * True when `word` is a function word (adverb, preposition, conjunction, …) and no name, or a common
 * word set in capitals as a section label ("WATCH", "BREAKING"); acronyms ("FBI") are not in the lexicon.
 */
export function functionWord(word: string): boolean {
  if (is(word, FUNCTION)) return true;
  const tags = tagsOf(word);
  return /^\p{Lu}{4,}$/u.test(word) && tags.size > 0 && !named(tags);
}

/** True when `name` can be a person or organisation: its first word no function word, a one-word name no common adjective or verb. */
export function nameLike(name: string): boolean {
  let like = likeKept.get(name);
  if (like === undefined) {
    if (likeKept.size >= LIKE_KEPT) likeKept.clear();
    likeKept.set(name, (like = judgeName(name)));
  }
  return like;
}
// Every name an article mentions is judged each time it is met; news repeats its names.
const likeKept = new Map<string, boolean>();
const LIKE_KEPT = 20_000;

function judgeName(name: string): boolean {
  const words = name.split(' ');
  if (words.length === 1) return !is(words[0], ALONE) && !FURNITURE.has(words[0].toLowerCase());
  return !is(words[0], FUNCTION) && !words.some((w) => FURNITURE.has(w.toLowerCase()));
}

// Page furniture: picture credits and section labels that stand where a name would ("Photo: Getty").
// ("Watch" and "Related" are furniture only as a line's label: Human Rights Watch is a source.)
const FURNITURE = new Set(['getty', 'images', 'photo', 'photos', 'photograph', 'shutterstock', 'caption', 'courtesy', 'advertisement']);
