/**
 * Whether two quotes that differ in wording have enough in common to be one utterance (stage 6's
 * guard against false alarms): see weakEvidence.
 */
import type { Alignment } from './align';
import type { Comparable } from './classify';
import { STOPWORDS } from '../text/spelling';
import type { Token } from '../types';

/**
 * Too little in common to call two differently worded quotes one utterance. It is enough that the
 * aligned words hold MANY_CONTENT content words (not function words, nor full names); or that they
 * cover MIN_CHANGED_COVERAGE of the shorter quote with MIN_CHANGED_CONTENT content words or
 * MANY_WORDS words; or that the quotes' content stems agree (the bag-of-words link) within a stretch
 * of the other quote no more than twice as long in stems, the whole of it or one of its sentences.
 * In news a few words in common recur across utterances ("a lot of people", "the worst thing that
 * ever happened to …"), and a few common stems turn up in any long quote. Measured on PolNeAR train's
 * cross-outlet links with a word change, labelled by hand (test/fixtures/polnear/links.gold.json;
 * `npm run eval` prints the precision).
 */
const MIN_CHANGED_COVERAGE = 0.7;
const MIN_CHANGED_CONTENT = 3;
const MANY_CONTENT = 4;
const MANY_WORDS = 8;
export function weakEvidence(a: Comparable, b: Comparable, al: Alignment | null, coverage: number, bagLink: boolean, minContainment: number): boolean {
  if (bagLink) {
    // (Ties go by text, so that compare(a, b) and compare(b, a) agree.)
    const aSmall = a.stems.length < b.stems.length || (a.stems.length === b.stems.length && a.text <= b.text);
    const [small, big] = aSmall ? [a, b] : [b, a];
    // (Not the stems of full names, as below: "Donald Trump … is a fraud" shares one word.)
    const wanted = new Set(small.stems);
    small.tokens.forEach((t, i) => { if (inCapitalRun(small.tokens, i)) wanted.delete(t.stem); });
    if (wanted.size < MIN_CHANGED_CONTENT) return weakAlignment(a, b, al, coverage);
    if (big.stems.length <= 2 * small.stems.length) return false;
    // One sentence of a long quote holding three common stems is a stock phrase ("makes you feel
    // good", "from start to finish"); four are a sentence's worth.
    if (wanted.size > MIN_CHANGED_CONTENT) for (const sentence of sentenceStems(big)) {
      if (sentence.size > 2 * wanted.size) continue;
      let n = 0;
      for (const st of wanted) if (sentence.has(st)) n++;
      if (n >= minContainment * wanted.size) return false;
    }
  }
  return weakAlignment(a, b, al, coverage);
}

/** weakEvidence for the alignment alone. */
function weakAlignment(a: Comparable, b: Comparable, al: Alignment | null, coverage: number): boolean {
  if (!al) return true;
  // Words an editor put in square brackets ("[President Barack] Obama's war on religion") are no
  // speaker's: the shorter quote's own words are what the alignment must cover.
  const own = Math.min(spokenWords(a), spokenWords(b));
  const covered = (own > 0 ? Math.min(1, al.matched / own) : coverage) >= MIN_CHANGED_COVERAGE;
  let content = 0;
  let words = 0;
  for (const op of al.ops) {
    if (op.kind !== 'eq') continue;
    // A full name in both quotes is what the story is about, quoted by anyone ("Donald Trump is a
    // fraud" / "… Donald Trump himself is a fraud"): the wording is the evidence, not the names.
    // (A capitalised word alone, "Chinese", "Bernie", "end Obama's war", still counts.)
    if (inCapitalRun(a.tokens, op.a) && inCapitalRun(b.tokens, op.b)) continue;
    words++;
    if (isContent(a.tokens[op.a])) content++;
  }
  // (A sentence of short words, "We don't want him. We reject his …", is evidence by its length.)
  if (content >= MANY_CONTENT || (covered && (content >= MIN_CHANGED_CONTENT || words >= MANY_WORDS))) return false;
  return true;
}

const CAPITAL = /^\p{Lu}/u;

/** The quote's tokens outside square brackets. */
function spokenWords(q: Comparable): number {
  let n = 0;
  let at = 0; // read up to here, in q.text
  let inside = false;
  for (const t of q.tokens) {
    for (const end = t.start - q.start; at < end; at++) {
      const c = q.text.charCodeAt(at);
      if (c === 91 /* [ */) inside = true;
      else if (c === 93 /* ] */) inside = false;
    }
    if (!inside) n++;
  }
  return n;
}
/** Whether tokens[i] is capitalised next to another capitalised word (a name of two words or more). */
const inCapitalRun = (tokens: readonly Token[], i: number): boolean =>
  CAPITAL.test(tokens[i].raw) && ((i > 0 && CAPITAL.test(tokens[i - 1].raw)) || (i + 1 < tokens.length && CAPITAL.test(tokens[i + 1].raw)));

/**
 * A quote that is a name and nothing else ("Donald Trump.", "Little Marco"): it is an excerpt of every
 * quote that names the person, so containment says nothing about one utterance. Function words keep a
 * title-cased phrase ("In God We Trust") a quotation.
 */
export const nameOnly = (q: Comparable): boolean =>
  q.tokens.length > 0 && q.tokens.every((t, i) => inCapitalRun(q.tokens, i) && !STOPWORDS.has(t.key));

/** A word that is not a function word. */
export const isContent = (t: Token): boolean => !STOPWORDS.has(t.key) && t.key.length > 1;
const SENTENCE_END = /[.!?…]/;

/** The content stems of each sentence of a quote (split where the text between two words ends one). */
function sentenceStems(q: Comparable): Set<string>[] {
  const out: Set<string>[] = [];
  let cur = new Set<string>();
  q.tokens.forEach((t, i) => {
    if (i > 0 && SENTENCE_END.test(q.text.slice(q.tokens[i - 1].end - q.start, t.start - q.start)) && cur.size) {
      out.push(cur);
      cur = new Set<string>();
    }
    if (isContent(t)) cur.add(t.stem);
  });
  if (cur.size) out.push(cur);
  return out;
}
