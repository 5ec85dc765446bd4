/**
 * Stage 3: who said each quote. Works sentence by sentence on the paragraph with quotations masked,
 * so a reporting verb and its subject are found on either side of the quote ("Mr Xi said: …",
 * "…,” said Wu Xinbo", "…,” he added"), pronouns and bare continuation paragraphs take the last named
 * speaker, and short names resolve to the full name used earlier.
 */
import type { RawQuote } from '../extract/extract';
import { SentenceCapitals } from './commonNoun';
import { nameLike as wordsNameLike } from './lexicon';
import { NameBook } from './identity';
import { namesIn } from './names';
import { MASK, type Found } from './clauseWords';
import { afterColon, fromLeft, fromRight, sentenceEndClause } from './reporting';
import { sentenceSubject } from './sentenceSubject';
import { speakerLabel } from './speakerLabel';
import { speakerEvents } from './speakerEvents';
import { Salience, type Mention } from './salience';
import { partitionPoint } from '../sorted';
import { replaceAtLineStarts } from '../text/lines';
import { codeAt } from '../text/codeAt';

export interface Attribution {
  speaker: string | null;
  /** True when the speaker came from a pronoun, description or the paragraph, not a name. */
  inferred: boolean;
  /** The sieve rule that gave the speaker (see SpeakerRule), or null when none did. */
  rule: SpeakerRule | null;
  /** How far the speaker can be trusted, 0–1 in steps of 0.05 (0 when there is none). */
  confidence: number;
}

/**
 * The sieve's rules, most precise first: a name beside the quote's reporting verb after it, a name
 * alone before the colon that opens it (a label: "Carl Bialik: “…”"), a name beside the verb before it,
 * the subject of the sentence, the sentence ending in a colon before a quotation paragraph, a reporting
 * clause closing the sentence after a comma ("“…” for Clinton, said Kunin."), a description resolved to who was given that title, a pronoun resolved to the latest compatible
 * person (surely so when that is the last person mentioned, close before), the paragraph's speaker,
 * the name reported in the sentence before when the quotation is a sentence of its own, a bare
 * quotation paragraph after one whose last quote was given to someone by name, and any other bare
 * quotation paragraph continuing the last speaker.
 */
export type SpeakerRule = 'verb-after' | 'verb-before' | 'label' | 'sentence-subject' | 'colon-intro' | 'verb-end' | 'title' | 'pronoun-near' | 'pronoun' | 'paragraph' | 'previous-sentence' | 'next-paragraph' | 'continuation';

/** Each rule's confidence: roughly its precision on PolNeAR train (printed per rule by `npm run eval`). */
export const RULE_CONFIDENCE: Readonly<Record<SpeakerRule, number>> = {
  'verb-after': 0.95, 'verb-before': 0.9, label: 0.8, 'sentence-subject': 0.8, 'colon-intro': 0.8, 'verb-end': 0.8, paragraph: 0.85, 'previous-sentence': 0.8, 'next-paragraph': 0.8, title: 0.6, 'pronoun-near': 0.75, pronoun: 0.6, continuation: 0.3,
};

/** Inferred rules whose speaker is a name read close by: a bare paragraph after their quote goes on with it. */
const READ_NEAR: ReadonlySet<SpeakerRule> = new Set<SpeakerRule>(['paragraph', 'previous-sentence', 'next-paragraph']);

const NO_BREAK_SPACE = /[\u00a0\u2007\u202f]/g;
const hasNoBreakSpace = (s: string): boolean => s.includes('\u00a0') || s.includes('\u2007') || s.includes('\u202f');

interface Sentence {
  start: number;
  end: number;
}

/** Speakers for the quotes of one document, in the same order. */
export function attribute(text: string, quotes: readonly RawQuote[]): { speakers: Attribution[]; names: string[] } {
  // No-break spaces (243 of PolNeAR train's 840 articles have them: "constituent\u00a0Dan Golvach") are
  // spaces to a reader; names and titles are read across plain spaces only. (One character for one:
  // offsets are kept.)
  // (Looked for first: most texts have none, and a replace copies the text whether it finds any or not.)
  const furnished = maskFurniture(maskQuotes(text, quotes));
  const masked = hasNoBreakSpace(furnished) ? furnished.replace(NO_BREAK_SPACE, ' ') : furnished;
  // A name, and in this text no common noun that a sentence start capitalised ("Sources told …").
  const capitals = new SentenceCapitals(text);
  const nameLike = (name: string): boolean => wordsNameLike(name) && (name.includes(' ') || !capitals.commonNoun(name));
  const known = namesIn(masked).filter((k) => nameLike(k.name));
  const knownNames = known.map((k) => k.name);
  const book = new NameBook(knownNames);
  /** How many known names end at or before `at` (they are in text order). */
  const before = (at: number): number => partitionPoint(known, (k) => k.at <= at);
  const resolved = new Map<string, string>();
  const resolve = (name: string, at: number): string => {
    if (name.includes(' ')) return name;
    const upTo = before(at);
    const key = `${upTo} ${name}`;
    let full = resolved.get(key);
    if (full === undefined) resolved.set(key, (full = book.resolve(name, upTo) ?? book.resolve(name) ?? name));
    return full;
  };
  const titled = (head: string, at: number, sentence: string): string | null => {
    // ("The president" is not the vice president, though Biden's titles hold "president" too.)
    const vice = head === 'president' && /\bvice[ -]president\b/i.test(sentence);
    for (let i = before(at) - 1; i >= 0; i--) if (known[i].titles.includes(head) && (head !== 'president' || known[i].titles.includes('vice') === vice)) return known[i].name;
    return null;
  };
  // Who was last reported speaking is read from every sentence of the text, a quarter of the analysis;
  // only a pronoun or a bare continuation needs it, and many articles name every speaker.
  let kept: Salience | undefined;
  const salience = (): Salience =>
    (kept ??= new Salience(speakerEvents(masked).map((e) => ({ at: e.at, name: resolve(e.name, e.at) })).filter((e) => nameLike(e.name)), masked));
  const attributed: Mention[] = []; // quotes' named speakers are mentions too
  const out: Attribution[] = [];
  let paragraphStart = -1;
  let paragraphSpeaker: string | null = null;
  let paragraphOrganisation = false; // no "he" or "she" refers to it
  let previousContinues = false;
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi];
    if (q.lineStart !== paragraphStart) {
      paragraphStart = q.lineStart;
      paragraphSpeaker = null;
    }
    const sentence = sentenceAround(masked, q);
    const left = masked.slice(sentence.start, q.start - 1);
    const right = masked.slice(q.close === null ? q.end : q.end + 1, sentence.end);
    const quoteEndsClause = /[,?!\u2014\u2013-]\s*$/.test(q.close === null ? '' : text.slice(q.start, q.end));
    let via: SpeakerRule = 'verb-after';
    let found = fromRight(right, quoteEndsClause, q.close !== null && /\.\s*$/.test(text.slice(q.start, q.end)));
    if (!found) { via = 'label'; found = speakerLabel(left, knownNames); }
    if (!found) { via = 'verb-before'; found = fromLeft(left); }
    if (!found) { via = 'sentence-subject'; found = sentenceSubject(left); }
    if (!found) { via = 'colon-intro'; found = afterColon(masked, q); }
    if (!found) { via = 'verb-end'; found = sentenceEndClause(left, right); }
    let speaker: string | null = null;
    let inferred = true;
    let rule: SpeakerRule | null = null;
    let organisation = false;
    let previous: (Found & { kind: 'name' }) | null = null;
    if (found?.kind === 'name') {
      organisation = found.organisation === true;
      speaker = organisation ? found.name : resolve(found.name, q.start);
      if (!nameLike(speaker)) speaker = null; // "Nevertheless", "Photo: Getty": no name, and nobody else either
      inferred = false;
      rule = via;
    } else if (found?.kind === 'anaphor' && found.head && (speaker = titled(found.head, q.start, `${left} ${right}`))) {
      // "the former vice president said" → who was called that
      rule = 'title';
    } else if (found?.kind === 'anaphor' && ((found.pronoun === 'they' || found.pronoun === 'we') || (found.head && NOT_A_PERSON.test(found.head)))) {
      // "the Trump campaign explained", "the printed slate card said": a body or a document, not the last person named.
      speaker = null; // a group, or an organisation: not the last person named
    } else if (found?.kind === 'anaphor') {
      speaker = paragraphSpeaker && !paragraphOrganisation && salience().agrees(paragraphSpeaker, found.pronoun) ? paragraphSpeaker : salience().latest(q.start, found.pronoun, attributed);
      // Surely so when that person is the last one mentioned, a sentence or two before.
      const last = salience().nearest(q.start, attributed);
      rule = last && last.name === speaker && q.start - last.at < NEAR ? 'pronoun-near' : 'pronoun';
    } else if (found?.kind === 'unknown') {
      speaker = null;
    } else if (paragraphSpeaker) {
      speaker = paragraphSpeaker; // "“X,” he said. “Y.”": Y has no verb of its own
      rule = 'paragraph';
    } else if (left.trim() === '' && sentence.start > q.lineStart && (previous = previousSentenceSpeaker(masked, q.lineStart, sentence.start))) {
      // "…, Schiff said. “The other factor is …”": a quotation standing as its own sentence, right after
      // a sentence that reports someone by name, goes on with that person's words.
      speaker = previous.organisation ? previous.name : resolve(previous.name, q.start);
      organisation = previous.organisation === true;
      if (!nameLike(speaker)) speaker = null;
      rule = 'previous-sentence';
    } else if ((q.continuation || (previousContinues && q.lineStart > 0) || startsParagraph(masked, q)) && !/\p{L}/u.test(right)) {
      // (Only a bare quotation: "“American Skin” was written by Springsteen" is a title in a sentence.)
      // A bare paragraph of quotation continues the last speaker; surely so when the paragraph before
      // ended with a quote given to someone by name, or by a rule that reads a name near it (its own
      // paragraph, the sentence before, or this rule in the paragraph before): PolNeAR train 37/37.
      const prev = out[qi - 1];
      const adjacent = qi > 0 && prev.speaker !== null && (!prev.inferred || (prev.rule !== null && READ_NEAR.has(prev.rule))) && masked.slice(quotes[qi - 1].lineEnd, q.lineStart).trim() === '' && masked.slice(quotes[qi - 1].end, quotes[qi - 1].lineEnd).indexOf(MASK) < 0;
      speaker = adjacent ? prev.speaker : salience().latest(q.start, undefined, attributed);
      rule = adjacent ? 'next-paragraph' : 'continuation';
    }
    if (speaker && !inferred && !organisation) attributed.push({ at: q.start, name: speaker });
    if (speaker) { paragraphSpeaker = speaker; paragraphOrganisation = organisation; }
    previousContinues = q.continues;
    out.push(speaker && rule ? { speaker, inferred, rule, confidence: RULE_CONFIDENCE[rule] } : { speaker: null, inferred, rule: null, confidence: 0 });
  }
  return { speakers: out, names: [...new Set(knownNames)] };
}

// Lines that are page furniture, not prose: credits, section labels, all-capital heads.
// Sticky: tried at line starts only (replaceAtLineStarts), not at every position of the text.
const FURNITURE_LINE = /^[ \t]*(?:(?:Related|Read more|Read More|Photo|Photos|Watch|Video|Image|Credit|Advertisement|Sign up|Click here)\b[^\n]*|[^\n\p{Ll}]*\p{Lu}{2}[^\n\p{Ll}]*|[^\n]{0,80}\b(?:Getty Images|AP Photo|Shutterstock)\b[^\n]*)$/ymu;
// The same without its last alternative, for a text that names no picture agency (most): that one
// backtracks over the first 80 characters of every line.
const FURNITURE_LINE_UNCREDITED = /^[ \t]*(?:(?:Related|Read more|Read More|Photo|Photos|Watch|Video|Image|Credit|Advertisement|Sign up|Click here)\b[^\n]*|[^\n\p{Ll}]*\p{Lu}{2}[^\n\p{Ll}]*)$/ymu;
/**
 * False where FURNITURE_LINE_UNCREDITED cannot match a line: after its indent, the line neither starts
 * with a label's first letter nor has two capitals in a row before its first lower-case letter. (Read
 * by hand: on a line opening with a masked quotation the pattern backtracks over the whole quotation.)
 */
function mayBeFurniture(text: string, at: number): boolean {
  let i = at;
  while (codeAt(text, i) === 32 || codeAt(text, i) === 9) i++;
  const c = codeAt(text, i);
  if (c === 82 || c === 80 || c === 87 || c === 86 || c === 73 || c === 67 || c === 65 || c === 83) return true; // R P W V I C A S
  let capitals = 0; // capitals (or characters that may be) just read in a row
  for (; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d === 10 || (d >= 97 && d <= 122)) return false; // a line feed or a lower-case letter ends what it can match
    if ((d >= 65 && d <= 90) || (d >= 128 && d !== 0x2063 && (d >= 0xd800 && d <= 0xdfff ? true : !NOT_CAPITAL.test(text[i])))) {
      if (++capitals === 2) return true;
    } else capitals = 0;
  }
  return false;
}
const NOT_CAPITAL = /^\P{Lu}$/u;
const credited = (text: string): boolean => text.includes('Getty Images') || text.includes('AP Photo') || text.includes('Shutterstock');

// A headline or byline: a short line of capitalised words with no closing punctuation ("Meet Crabzilla").
const ENDS_CLAUSE = '.!?:;,”"’)';
const HEADLINE = /^[ \t]*(?:\S+[ \t]+){0,11}\S+[ \t]*$/;
// (Its last mark first: most lines are prose ending in one, and HEADLINE backtracks over a long line.)
const headline = (line: string): boolean =>
  !ENDS_CLAUSE.includes(line.trimEnd().slice(-1) || 'none') && HEADLINE.test(line) && line.split(/\s+/).every((w) => w.length < 4 || /^[\p{Lu}\d]/u.test(w));

function maskFurniture(masked: string): string {
  // A quote inside furniture ("Related: Trump says “…”") keeps its place but loses its context.
  const blank = (line: string): string => line.replace(/[^\u2063]/gu, ' ');
  const unfurnished = credited(masked) ? replaceAtLineStarts(masked, FURNITURE_LINE, blank) : replaceAtLineStarts(masked, FURNITURE_LINE_UNCREDITED, blank, mayBeFurniture);
  // Then headlines: each line, as /^[^\n]+$/gm finds them (the text between line feeds), is judged.
  let parts: string[] | null = null;
  let kept = 0;
  for (let start = 0; start < unfurnished.length; ) {
    let end = unfurnished.indexOf('\n', start);
    if (end < 0) end = unfurnished.length;
    if (end > start) {
      const line = unfurnished.slice(start, end);
      if (headline(line)) {
        (parts ??= []).push(unfurnished.slice(kept, start), blank(line));
        kept = end;
      }
    }
    start = end + 1;
  }
  if (parts === null) return unfurnished;
  parts.push(unfurnished.slice(kept));
  return parts.join('');
}

function maskQuotes(text: string, quotes: readonly RawQuote[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const q of quotes) {
    parts.push(text.slice(at, q.start), MASK.repeat(q.end - q.start));
    at = q.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

// Heads of descriptions that name a body or an impersonal document, which no person named before can
// be. (A statement, letter, tweet or post speaks for its author: those heads still resolve.)
const NOT_A_PERSON = /^(?:campaign|committee|administration|agency|department|office|ministry|government|council|court|board|panel|party|group|organi[sz]ation|company|firm|network|station|newspaper|paper|tabloid|magazine|outlet|website|report|study|survey|poll|filing|complaint|lawsuit|platform|card)s?$/;

const MAX_SENTENCE = 1500;
// How close (in characters) the last person mentioned must be for a pronoun to mean them surely.
const NEAR = 300;
// Titles and abbreviations whose full stop ends no sentence ("said the Rev. Peter Wherry").
const ABBREV = /\b(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Maj|Sgt|Capt|Adm|Cmdr|Det|Atty|Rev|Fr|Msgr|St|Jr|Sr|Prof|No|vs|U\.S|[A-Z])\.$/;

/** The sentence holding a quote, within its paragraph; quotes count as words. */
function sentenceAround(masked: string, q: RawQuote): Sentence {
  // Bounded both ways, so a paragraph without full stops costs no more than a sentence per quote.
  const lineStart = Math.max(q.lineStart, q.start - MAX_SENTENCE);
  let start = lineStart;
  for (let i = q.start - 2; i > lineStart; i--) {
    const c = masked[i];
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(masked[i + 1] ?? '') && !ABBREV.test(masked.slice(Math.max(q.lineStart, i - 4), i + 1))) {
      start = i + 1;
      break;
    }
  }
  const from = q.close === null ? q.end : q.end + 1;
  const lineEnd = Math.min(q.lineEnd, from + MAX_SENTENCE);
  let end = lineEnd;
  let depth = 0; // "(D-Wis.)" ends no sentence
  for (let i = from; i < lineEnd; i++) {
    const c = masked[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if ((c === '.' || c === '!' || c === '?') && depth === 0 && !/^(?:\s*\p{Ll}|[,;)])/u.test(masked.slice(i + 1, i + 3)) && !ABBREV.test(masked.slice(Math.max(from, i - 4), i + 1))) {
      end = i + 1;
      break;
    }
  }
  return { start, end };
}

/** The named subject of the reporting verb of the sentence before `end` in its paragraph, or null. */
function previousSentenceSpeaker(masked: string, lineStart: number, end: number): (Found & { kind: 'name' }) | null {
  let start = lineStart;
  for (let i = end - 3; i > lineStart; i--) {
    const c = masked[i];
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(masked[i + 1] ?? '') && !ABBREV.test(masked.slice(Math.max(lineStart, i - 4), i + 1))) {
      start = i + 1;
      break;
    }
  }
  const prev = masked.slice(start, end).replace(/[.!?]\s*$/, '');
  // Its own quotation would have set the paragraph's speaker; one inside it is someone else's words.
  if (prev.includes(MASK) || end - start > 400) return null;
  const found = fromLeft(prev);
  return found?.kind === 'name' ? found : null;
}

function startsParagraph(masked: string, q: RawQuote): boolean {
  return masked.slice(q.lineStart, q.start - 1).trim() === '';
}

