/**
 * Person names found in text: titles and honorifics fold away ("Chinese President Xi Jinping", "Mr. Xi"
 * → "Xi…"), at either end of a clause or anywhere in a text. Which person a name is — a surname resolved
 * to a full name seen earlier, one key however it is spelled — is in identity.ts.
 */
import { keptResults } from '../kept';
import { codeAt } from '../text/codeAt';
import { functionWord } from './lexicon';

// Words that precede a name as a title, office, nationality or honorific; lower-cased, dots dropped.
export const TITLE = new Set(
  ('mr mrs ms miss dr sen senator rep representative gov governor president vice secretary state foreign ' +
    'minister prime premier chancellor chinese us american british french german russian indian japanese ' +
    'professor prof analyst chairman chairwoman chair speaker house leader majority minority whip justice judge chief ' +
    'general gen attorney director spokesman spokeswoman spokesperson former sir lord lady dame pope king queen ' +
    'prince princess ambassador mayor commissioner sheriff rev reverend father sister brother lt col adm sgt ' +
    'bishop archbishop cardinal rabbi imam pastor ' +
    'capt captain officer agent deputy assistant undersecretary treasury defense defence homeland security ' +
    'democratic republican democrat gop independent candidate nominee first supreme court federal white ' +
    'mexican canadian israeli palestinian iranian european ukrainian ' +
    'congressman congresswoman councilman councilwoman sens reps mp mps top new old late then un eu uk')
    .split(' '),
);

// Capitalised words that start sentences or clauses rather than names.
const NOT_NAME = new Set(
  ('a an the but and or so yet however when while then still also earlier later meanwhile in on at after ' +
    'before asked speaking writing if as this that these those there here it he she they we i you his her ' +
    'their our my its according monday tuesday wednesday thursday friday saturday sunday january february ' +
    'march april may june july august september october november december both some many most all no not ' +
    'one two three last next during since because although though what who how why where instead now even ' +
    'still yet today yesterday tonight').split(' '),
);

const ORGANISATION = new Set(
  ('administration committee department service office agency party caucus campaign senate congress ' +
    'council commission court bureau ministry government university institute foundation association ' +
    'union network news times post journal company corporation inc democrats republicans').split(' '),
);

export const lower = (w: string): string => (w.includes('.') ? w.toLowerCase().replace(/\./g, '') : w.toLowerCase());

/**
 * Strips titles and sentence-initial words from a run of capitalised words; '' when nothing is left.
 * (Kept: news repeats its names, and folding one is a dozen regular expressions and sets.)
 */
export const foldName = keptResults(foldRun, 20_000);

function foldRun(run: string): string {
  const words = (run.endsWith("'s") || run.endsWith('’s') ? run.slice(0, -2) : run).split(/\s+/).filter((w) => w.length > 0);
  // "NY Post: Megyn Kelly Is No Different Than Kim Kardashian" (a headline in title case): no name goes
  // on past a form of "be", so the name is what comes before it.
  const copula = words.findIndex((w, k) => k > 0 && COPULA.test(w));
  if (copula > 0) words.length = copula;
  const classes = words.map(wordClass);
  const n = words.length;
  // (The words kept are words[a, n): each step below moves `a` on.)
  let a = 0;
  // "Nevertheless Jane Roe", "Crabzilla Despite Trump", "Said Mr. King": a function word ends whatever
  // came before (first, so that the titles after it are stripped too).
  const lastFunction = lastWith(classes, 0, FUNCTION_WORD);
  if (lastFunction >= 0 && lastFunction < n - 1) a = lastFunction + 1; // ("Jerry Pow", "Bam": names too)
  let i = a;
  while (i < n && classes[i] & (TITLE_WORD | NOT_NAME_WORD)) i++;
  // "Mr. King", "Dr. Rice": after an honorific the last word is a name even when it is also a title.
  if (i === n && n - a > 1 && classes[a] & HONORIFIC && capitalised(words[n - 1])) i--;
  a = i;
  // "Oversight Committee Chairman Trey Gowdy": the name follows the last title word.
  const lastTitle = lastWith(classes, a, TITLE_WORD);
  if (lastTitle >= 0 && lastTitle < n - 1) a = lastTitle + 1;
  // A run ending in an organisation word names no person.
  if (a < n && classes[n - 1] & ORGANISATION_WORD) return '';
  // A possessive inside ("China’s Wang Yi") leaves the name after it.
  let poss = a;
  while (poss < n && !(words[poss].endsWith("'s") || words[poss].endsWith('’s'))) poss++;
  if (poss < n) {
    a = poss + 1;
    while (a < n && classes[a] & TITLE_WORD) a++;
  }
  const kept: string[] = [];
  let named = false;
  for (let k = a; k < n; k++) {
    const w = withoutStops(words[k]);
    // (Party tags, /^[RDI]-[A-Z]/, go.)
    const c0 = codeAt(w, 0);
    if (w.length === 0 || ((c0 === 82 || c0 === 68 || c0 === 73) /* R D I */ && codeAt(w, 1) === 45 /* - */ && codeAt(w, 2) >= 65 && codeAt(w, 2) <= 90)) continue;
    kept.push(w);
    // A name has a word of two letters or more that is not an initial ("S", "U" are debris of "U.S.").
    named ||= capitalised(w);
  }
  return named ? kept.join(' ') : '';
}

// Also a headline's verb of saying: "Obama Says African-American Museum Will Tell …".
const COPULA = /^(?:Is|Are|Was|Were|Am|Isn[’']t|Aren[’']t|Wasn[’']t|Weren[’']t|Says|Said|Tells|Told|Warns|Urges|Calls|Slams|Blasts)$/;
const FUNCTION_WORD = 1;
const TITLE_WORD = 2;
const NOT_NAME_WORD = 4;
const ORGANISATION_WORD = 8;
const HONORIFIC = 16;
/** What foldRun asks of a word, as bits (kept: the same titles and names come back all the time). */
const wordClass = keptResults((w: string): number => {
  const l = lower(w);
  return (functionWord(w) ? FUNCTION_WORD : 0) | (TITLE.has(l) ? TITLE_WORD : 0) | (NOT_NAME.has(l) ? NOT_NAME_WORD : 0) |
    (ORGANISATION.has(l) ? ORGANISATION_WORD : 0) | (/^(?:mr|mrs|ms|miss|dr)$/.test(l) ? HONORIFIC : 0);
}, 50_000);

/** The last index from `from` on whose class has `bit`, or -1. */
function lastWith(classes: readonly number[], from: number, bit: number): number {
  for (let i = classes.length - 1; i >= from; i--) if (classes[i] & bit) return i;
  return -1;
}

/** `w.replace(/[,.;:]+$/, '')`. */
function withoutStops(w: string): string {
  let end = w.length;
  for (let c = codeAt(w, end - 1); c === 44 || c === 46 || c === 59 || c === 58; c = codeAt(w, end - 1)) end--;
  return end === w.length ? w : w.slice(0, end);
}

/**
 * `/^\p{Lu}\p{Ll}/u.test(w)`, by character codes for ASCII; also a surname with an elided particle,
 * "O’Malley", "D’Amato", "N'Diaye" (a capital, an apostrophe, then a capitalised word), which alone was
 * no name ("“…,” O’Malley said" had no speaker).
 */
function capitalised(w: string): boolean {
  if (w.length < 2) return false; // (what CAPITALISED says of it)
  const c0 = w.charCodeAt(0);
  const c1 = w.charCodeAt(1);
  if (c0 < 128 && c1 < 128 && c1 !== 39) return c0 >= 65 && c0 <= 90 && c1 >= 97 && c1 <= 122;
  if (c0 < 128 && !(c0 >= 65 && c0 <= 90)) return false;
  return CAPITALISED.test(w);
}
const CAPITALISED = /^\p{Lu}(?:\p{Ll}|['’]\p{Lu}\p{Ll})/u;

/**
 * A capitalised word, a name initial ("J."), or a name particle. (The look-aheads of FULL_NAME and
 * RUN_AT_END say how these alternatives start.)
 */
const PARTICLE = '(?:de|van|von|der|la|le|bin|al|da|di|del|dos)';
export const NAME_WORD = String.raw`(?:(?:[A-Z]\.){2,3}|[A-Z][\p{L}’'\-]*\.?|${PARTICLE}(?=\s+[A-Z]))`;
// Runs of name words on one line; a run never starts inside a word.
const RUN_AT_END = new RegExp(String.raw`(?=[A-Z]|${PARTICLE}\s+[A-Z])(?<![\p{L}\p{N}])(?:${NAME_WORD}[ \t]+){0,5}${NAME_WORD}$`, 'u');
const RUN_AT_START = new RegExp(String.raw`^(?:${NAME_WORD}[ \t]+){0,5}${NAME_WORD}`, 'u');
const ABBREVIATION = /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|U\.S|U\.N|(?:[A-Z]\.)*[A-Z])\.$/;

/** Cuts a run at a word that ends a sentence ("Bali. Mr Xi"): the part on the given side is kept. */
function withinSentence(run: string, keep: 'first' | 'last'): string {
  const words = run.split(/[ \t]+/);
  const cuts = words.map((w, i) => (w.endsWith('.') && !ABBREVIATION.test(w) ? i : -1)).filter((i) => i >= 0);
  if (cuts.length === 0) return run;
  return keep === 'last' ? words.slice(cuts[cuts.length - 1] + 1).join(' ') : words.slice(0, cuts[0] + 1).join(' ');
}

/**
 * RUN_AT_END's match in `text`. A regular expression anchored at the end is tried from every start
 * position, which made it the engine's costliest line; a run is at most six words with no space or tab
 * inside one, so only the text after the sixth gap from the end can hold it. (The character before
 * that text is kept for the look-behind; a gap cannot start a run.)
 */
function runAtEnd(text: string): string | null {
  if (!capitalisedLastWord(text)) return null;
  let at = text.length;
  for (let gaps = 0; at > 0; at--) {
    const c = text.charCodeAt(at - 1);
    if (c !== 32 && c !== 9) continue;
    if (++gaps === 6) break;
    while (at > 1 && (text.charCodeAt(at - 2) === 32 || text.charCodeAt(at - 2) === 9)) at--;
  }
  return RUN_AT_END.exec(at > 0 ? text.slice(at - 1) : text)?.[0] ?? null;
}

/** The word of letters and dots ending `text` ('' when it ends otherwise): `/[\p{L}.]+$/u` read backwards. */
function lastLetters(text: string): string {
  let at = text.length;
  while (at > 0) {
    const low = text.charCodeAt(at - 1);
    if (low < 128) {
      // (ASCII: the test below without cutting a string and running a regular expression per letter.)
      if ((low >= 97 && low <= 122) || (low >= 65 && low <= 90) || low === 46 /* . */) { at--; continue; }
      break;
    }
    // A letter outside the basic plane is a surrogate pair, tested whole.
    const width = low >= 0xdc00 && low <= 0xdfff && at > 1 && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff ? 2 : 1;
    if (!LETTER_OR_DOT.test(text.slice(at - width, at))) break;
    at -= width;
  }
  return text.slice(at);
}
const LETTER_OR_DOT = /^[\p{L}.]$/u;

/**
 * False when no name word can end `text`, as RUN_AT_END needs: the last name word is a capital and
 * letters, apostrophes, hyphens or dots (or initials, capitals and dots), so the text must end in such
 * characters with a capital A–Z among them. (Most subjects tried end in a lower-case word.)
 */
export function capitalisedLastWord(text: string): boolean {
  for (let at = text.length - 1; at >= 0; at--) {
    const c = text.charCodeAt(at);
    if (c >= 65 && c <= 90) return true;
    if ((c >= 97 && c <= 122) || c === 46 /* . */ || c === 39 /* ' */ || c === 45 /* - */ || c === 0x2019 /* ’ */) continue;
    if (c < 128) return false;
    // A letter outside ASCII (or half of a surrogate pair, tested whole): still part of the word.
    if (c >= 0xdc00 && c <= 0xdfff && at > 0) {
      const hi = text.charCodeAt(at - 1);
      if (hi >= 0xd800 && hi <= 0xdbff && LETTER.test(text.slice(at - 1, at + 1))) { at--; continue; }
      return false;
    }
    if (!LETTER.test(text[at])) return false;
  }
  return false;
}
const LETTER = /^\p{L}$/u;

/** The name at the end of `text` (before a verb), folded, or null. */
export function nameAtEnd(text: string): string | null {
  const run = runAtEnd(text);
  return run ? nameOfLastRun(run) : null;
}
/** The name a run at the end of a text gives, or null (kept, as nameOfFirstRun). */
const nameOfLastRun = keptResults((run: string): string | null => {
  const name = foldName(withinSentence(run, 'last'));
  return name && /^[A-Z]/.test(name) ? name : null;
}, 20_000);

/**
 * An organisation's name at the end of `text` (before a verb): a run of capitalised words ending in an
 * organisation word ("The New York Post", "the Times", "the Democratic National Committee"), without
 * its article; or null. Organisations speak too (reports, statements), but they are no person: they
 * are not in the entity table and no pronoun refers to them.
 */
export function organisationAtEnd(text: string): string | null {
  // Cheap first: the last word must be an organisation word (most subjects tried are not).
  if (!ORGANISATION.has(lower(lastLetters(text)))) return null;
  const run = runAtEnd(text);
  return run ? organisation(withinSentence(run, 'last')) : null;
}

/** An organisation's name at the start of `text` (after a verb or "according to"), or null. */
export function organisationAtStart(text: string): string | null {
  const m = RUN_AT_START.exec(text.replace(/^the\s+(?=\p{Lu})/u, ''));
  return m ? organisation(withinSentence(m[0], 'first')) : null;
}

function organisation(run: string): string | null {
  const words = run.replace(/[’']s$/, '').split(/[ \t]+/).map((w) => w.replace(/[,.;:]+$/, '')).filter(Boolean);
  let i = 0;
  while (i < words.length && NOT_NAME.has(lower(words[i]))) i++;
  const kept = words.slice(i);
  // A possessive inside ("Clinton’s campaign") makes it someone's office, not a named body.
  if (kept.length === 0 || !ORGANISATION.has(lower(kept[kept.length - 1])) || kept.some((w) => /[’']s$/.test(w) || functionWord(w))) return null;
  return /^\p{Lu}/u.test(kept[0]) && /^\p{Lu}/u.test(kept[kept.length - 1]) ? kept.join(' ') : null;
}

/** The name at the start of `text` (after a verb), folded, or null. */
export function nameAtStart(text: string): string | null {
  // (A name word starts with a capital or a particle's first letter: most texts tried start otherwise.)
  if (!mayStartName(codeAt(text, 0))) return null;
  const m = RUN_AT_START.exec(text);
  return m ? nameOfFirstRun(m[0]) : null;
}
/** Whether a name word can start with this character: a capital, or a particle's first letter. */
const mayStartName = (c: number): boolean => (c >= 65 && c <= 90) || c === 100 /* d */ || c === 118 /* v */ || c === 108 /* l */ || c === 98 /* b */ || c === 97 /* a */;
/** The name a run at the start of a text gives, or null (kept: sentences open with the same few runs). */
const nameOfFirstRun = keptResults((run: string): string | null => {
  const name = foldName(withinSentence(run, 'first'));
  return name && /^[A-Z]/.test(name) ? name : null;
}, 20_000);

// The look-ahead says how a name word can start, a capital or a particle and a gap: without it, the
// look-behind was evaluated at every position of the text (a third of namesIn's time); with only the
// letters a word can start with, at every "a", "d" or "l" opening a word. (Those letters in a class of
// their own first: irregexp then skips the other characters without entering the alternatives, a
// tenth of the pattern's time.)
const FULL_NAME = new RegExp(String.raw`(?=[A-Zabdlv])(?=[A-Z]|${PARTICLE}\s+[A-Z])(?<![\p{L}\p{N}])(?:${NAME_WORD}[ \t]+){1,5}${NAME_WORD}`, 'gu');

function sentenceParts(run: string): string[] {
  const parts: string[] = [];
  let cur: string[] = [];
  for (const w of run.split(/[ \t]+/)) {
    cur.push(w);
    if (w.endsWith('.') && !ABBREVIATION.test(w)) { parts.push(cur.join(' ')); cur = []; }
  }
  if (cur.length) parts.push(cur.join(' '));
  return parts;
}

/** Every multi-word name in `text`, folded, with where it ends; in order of appearance. */
export function namesIn(text: string): NameMention[] {
  const out: NameMention[] = [];
  FULL_NAME.lastIndex = 0;
  for (let m = FULL_NAME.exec(text); m; m = FULL_NAME.exec(text)) {
    if (m.index > 0 && text[m.index - 1] === '/') continue; // a photo credit ("Xinhua/Wang Ye"), not a mention
    const named = namesOfRun(m[0]);
    for (let i = 0; i < named.length; i += 2) out.push(new NameMention(named[i + 1], m.index + m[0].length, text, m.index, named[i]));
  }
  return out;
}

/** Each sentence part of a run that folds to a multi-word name, and that name, flat: [part, name, …] (kept). */
const namesOfRun = keptResults((run: string): readonly string[] => {
  const out: string[] = [];
  for (const part of sentenceParts(run)) {
    const name = foldName(part);
    if (name.includes(' ')) out.push(part, name);
  }
  return out;
}, 20_000);

export class NameMention {
  private kept: string[] | undefined;

  constructor(
    readonly name: string,
    /** Offset just after the mention. */
    readonly at: number,
    private readonly text: string,
    private readonly start: number,
    private readonly part: string,
  ) {}

  /**
   * Title words said with the name, lower-cased: "former Vice President Dick Cheney", "the committee
   * chairman, Ed Royce" let a later description ("the former vice president said") find who it means.
   * Read when a description asks, which few do.
   */
  get titles(): readonly string[] {
    if (this.kept) return this.kept;
    const before = this.text.slice(Math.max(0, this.start - 40), this.start).split(/\s+/).slice(-4).join(' ');
    const head = this.part.slice(0, this.part.lastIndexOf(this.name.split(' ')[0]));
    return (this.kept = `${before} ${head}`.split(/[\s,]+/).map(lower).filter((w) => TITLE.has(w) && w.length > 2));
  }
}
