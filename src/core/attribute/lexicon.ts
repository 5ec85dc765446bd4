/**
 * What kind of word a candidate speaker is, from compromise's English lexicon (compromise/two, MIT):
 * a speaker is a name, never an adverb, preposition, determiner, conjunction, interjection, pronoun or
 * verb form ("Nevertheless", "Despite", "Several", "Responding", "Yes"). Only the lexicon is used: tagging
 * a whole article with compromise costs tens of milliseconds, a word look-up nothing. The words and the
 * tags asked about come from lexiconTags.ts, generated from compromise's lexicon by
 * scripts/lexicon-tags.mjs: loading compromise itself took a quarter of a second per process and worker.
 */
import { keptResults } from '../kept';
import { TAGS, WORDS_BY_MASK } from './lexiconTags';

/** Word → its tag mask (bit i: TAGS[i]), built once with this module (a few milliseconds). */
const lexicon = new Map<string, number>();
for (const [mask, words] of Object.entries(WORDS_BY_MASK)) for (const w of words.split(' ')) lexicon.set(w, Number(mask));
/** One set per mask: there are a few dozen. */
const sets = new Map<number, ReadonlySet<string>>();

const keyOf = (word: string): string => {
  const l = word.toLowerCase();
  return l.endsWith("'s") || l.endsWith('’s') ? l.slice(0, -2) : l; // (/[’']s$/ away, without trying it at every position)
};

/**
 * The lexicon's tags of `word` among those the attribution asks about, ancestors included (lower-cased
 * look-up); an empty set for a word not in the lexicon, or in it with none of those tags.
 */
export function tagsOf(word: string): ReadonlySet<string> {
  const mask = lexicon.get(keyOf(word));
  if (mask === undefined) return NONE;
  let out = sets.get(mask);
  if (!out) sets.set(mask, (out = new Set(TAGS.filter((_, i) => mask & (1 << i)))));
  return out;
}
const NONE: ReadonlySet<string> = new Set();

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
  return /^\p{Lu}{4,}$/u.test(word) && lexicon.has(keyOf(word)) && !named(tags);
}

/**
 * True when `name` can be a person or organisation: its first word no function word, a one-word name no
 * common adjective or verb. (Kept: every name an article mentions is judged each time it is met.)
 */
export const nameLike = keptResults(judgeName, 20_000);

function judgeName(name: string): boolean {
  const words = name.split(' ');
  // "Sanders' 'endorsement'": a plural possessive is the owner of what follows, not someone speaking.
  if (lyAdverb(words[0]) || /s['’]$/.test(name)) return false;
  if (words.length === 1) return !is(words[0], ALONE) && !FURNITURE.has(words[0].toLowerCase());
  return !is(words[0], FUNCTION) && !words.some((w) => FURNITURE.has(w.toLowerCase()));
}

const ADJECTIVE_LY = /^\p{Lu}\p{Ll}{2,}(?:ical|ual|ional|ent|ant|ous|ive|ful|less|ate)ly$/u;

/**
 * True for an adverb made of an adjective and -ly that opens a sentence ("Specifically, …", "Privately,
 * …", "Notably", "Happily", "Ironically"): the lexicon lists the adjectives, few of their adverbs. A name
 * the lexicon knows ("Lilly", "Kelly") or one with no adjective inside ("Daly", "Connolly") is kept.
 */
function lyAdverb(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}{2,}ly$/u.test(word) || named(tagsOf(word))) return false;
  // An adjective's suffix before the -ly says so without the lexicon ("Typically", "Apparently",
  // "Obviously", "Hopefully", "Unfortunately"); no surname ends so ("Connally", "Daly" do not).
  if (ADJECTIVE_LY.test(word)) return true;
  const w = word.toLowerCase();
  const stems = [w.slice(0, -2), w.replace(/ically$/, 'ic'), w.replace(/bly$/, 'ble'), w.replace(/ily$/, 'y')];
  return stems.some((s) => s !== w && tagsOf(s).has('Adjective'));
}

// Page furniture: picture credits and section labels that stand where a name would ("Photo: Getty").
// ("Watch" and "Related" are furniture only as a line's label: Human Rights Watch is a source.)
const FURNITURE = new Set(['getty', 'images', 'photo', 'photos', 'photograph', 'shutterstock', 'caption', 'courtesy', 'advertisement']);
