/**
 * Stage 3: who said each quote. Works sentence by sentence on the paragraph with quotations masked,
 * so a reporting verb and its subject are found on either side of the quote ("Mr Xi said: …",
 * "…,” said Wu Xinbo", "…,” he added"), pronouns and bare continuation paragraphs take the last named
 * speaker, and short names resolve to the full name used earlier.
 */
import type { RawQuote } from './extract';
import { nameAtEnd, nameAtStart, namesIn, resolveName } from './names';
import { Salience, type Mention } from './salience';

const VERB_STEMS =
  'say|said|tell|told|add|stress|warn|note|explain|insist|argu|declar|wr[io]t|tweet|post|ask|continu|remark|' +
  'comment|repl|urg|announc|claim|acknowledg|admit|stated|stating|describ|recall|conced|agree|respond|call|label|dub|' +
  'term|hail|predict|promis|vow|suggest|complain|boast|jok|quip|shout|yell|scream|testif|confirm|conclud|' +
  'emphasi[sz]|observ|assert|contend|charg|lament|mus|recount|reiterat|pledg|thunder|counter|tout|proclaim|' +
  'plead|caution|concur|retort|scoff|mock|decri|denounc|blast|slam|accus|demand|beg|wonder|quipp|chid|' +
  'griev|groan|chant|signal|indicat|spok|speak|sa[iy]s';
// A reporting verb in any inflection: said, says, saying, adds, added, argued, replied, wrote, …
const VERB = new RegExp(String.raw`\b(?:${VERB_STEMS})(?:s|es|ed|d|ing|ied|ies|e|en|y|led|ling|ted|ting|ped|ping|red|ring)?\b|\b[Aa]ccording to\b|\bput it\b`, 'g');
const PRONOUN = /\b(he|she|they|i|we)$/i;
// "the comment", "a tweet", "his statement": the verb's spelling used as a noun.
// Also "her Facebook post", "a now-deleted Facebook post".
const NOUN_BEFORE = /\b(?:a|an|the|his|her|their|its|this|that|our|my|your)\s+(?:[\p{L}’'\-]+\s+){0,3}$/u;
const AMBIGUOUS = /^(?:post|tweet|call|comment|claim|note|remark|charge|demand|promise|counter|term|label|repl(?:y|ies)|answer|statement|plea)s?$/;
const isVerbAt = (text: string, at: number): boolean => {
  const word = /^[\p{L}]+/u.exec(text.slice(at, at + 20))?.[0] ?? '';
  return !AMBIGUOUS.test(word) || !NOUN_BEFORE.test(text.slice(Math.max(0, at - 60), at));
};
// "the Texas governor", "the new president", "the 61-year-old": a description of someone named before.
const DEFINITE = /\b(?:the|this|that)\s+(?:[\p{L}\d’'\-.]+\s+){0,4}[\p{Ll}\d’'\-]+$/u;
const DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)';
// Words between a subject and its verb: adverbs, auxiliaries, reflexives, times ("Trump on Saturday said").
const TRAILING_ADVERBS = new RegExp(
  String.raw`(?:\s+(?:also|again|further|later|then|had|has|have|would|will|did|once|even|still|just|never|only|often|previously|repeatedly|reportedly|earlier|himself|herself|themselves|itself|${DAY}|(?:on|last|this|early|late|later|on\s+${DAY})\s+(?:${DAY}|week|month|year|night|morning|afternoon|evening)|(?:morning|night|afternoon|evening)|[a-z]+ly))+$`,
);
// ", 61," or ", a Democrat from Nevada," between a name and its verb.
const APPOSITIVE = /,[^,]{1,80},$/;
const MASK = '\u2063'; // stands in for a quotation's text so its words are not taken for attribution

export interface Attribution {
  speaker: string | null;
  /** True when the speaker came from a pronoun, description or the paragraph, not a name. */
  inferred: boolean;
}

interface Sentence {
  start: number;
  end: number;
}

/** Speakers for the quotes of one document, in the same order. */
export function attribute(text: string, quotes: readonly RawQuote[]): Attribution[] {
  const masked = maskQuotes(text, quotes);
  const known = namesIn(masked);
  const resolve = (name: string, at: number): string =>
    name.includes(' ') ? name : resolveName(name, known.filter((k) => k.at <= at).map((k) => k.name)) ?? resolveName(name, known.map((k) => k.name)) ?? name;
  const titled = (head: string, at: number): string | null => {
    for (let i = known.length - 1; i >= 0; i--) if (known[i].at <= at && known[i].titles.includes(head)) return known[i].name;
    return null;
  };
  const salience = new Salience(speakerEvents(masked).map((e) => ({ at: e.at, name: resolve(e.name, e.at) })), masked);
  const attributed: Mention[] = []; // quotes' named speakers are mentions too
  const out: Attribution[] = [];
  let paragraphStart = -1;
  let paragraphSpeaker: string | null = null;
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
    const found = fromRight(right, /[,?!\u2014\u2013-]\s*$/.test(q.close === null ? '' : text.slice(q.start, q.end))) ?? fromLeft(left) ?? sentenceSubject(left) ?? afterColon(masked, q);
    let speaker: string | null = null;
    let inferred = true;
    if (found?.kind === 'name') {
      speaker = resolve(found.name, q.start);
      inferred = false;
    } else if (found?.kind === 'anaphor' && found.head && titled(found.head, q.start)) {
      speaker = titled(found.head, q.start); // "the former vice president said" → who was called that
    } else if (found?.kind === 'anaphor') {
      speaker = paragraphSpeaker && salience.agrees(paragraphSpeaker, found.pronoun) ? paragraphSpeaker : salience.latest(q.start, found.pronoun, attributed);
    } else if (found?.kind === 'unknown') {
      speaker = null;
    } else if (paragraphSpeaker) {
      speaker = paragraphSpeaker; // "“X,” he said. “Y.”": Y has no verb of its own
    } else if (q.continuation || (previousContinues && q.lineStart > 0) || startsParagraph(masked, q)) {
      speaker = salience.latest(q.start, undefined, attributed); // a bare paragraph of quotation continues the last speaker
    }
    if (speaker && !inferred) attributed.push({ at: q.start, name: speaker });
    if (speaker) paragraphSpeaker = speaker;
    previousContinues = q.continues;
    out.push({ speaker, inferred });
  }
  return out;
}

/** A named subject, a pronoun or description pointing back (`pronoun` when it has a gender), or nobody. */
type Found = { kind: 'name'; name: string } | { kind: 'anaphor'; pronoun?: string; head?: string } | { kind: 'unknown' };

/** `“…,” he said` / `“…,” said Mr Blinken` / `“…,” Xi told Blinken`. */
function fromRight(right: string, quoteEndsClause: boolean): Found | null {
  const m = /^[\s,\u2014\u2013-]*(.{0,120})/su.exec(right);
  if (!m) return null;
  const after = m[1];
  VERB.lastIndex = 0;
  let v = VERB.exec(after);
  while (v && !isVerbAt(after, v.index)) v = VERB.exec(after);
  if (!v) return null;
  const before = after.slice(0, v.index).trim();
  if (before === '') {
    // verb first: said Mr Blinken / said the senator / added Reid
    const rest = after.slice(v.index + v[0].length).replace(/^\s+/, '');
    const name = nameAtStart(rest);
    if (name) return { kind: 'name', name };
    const d = /^(?:the|this|that)\s+(?:[\p{L}\d’'\-.]+\s+){0,3}?([\p{Ll}]+)\b(?=[\s,.]|$)/u.exec(rest);
    if (d) return { kind: 'anaphor', head: d[1] };
    return null;
  }
  // The subject of a trailing attribution comes right after the quote: "…,” Sen. Harry Reid, D-Nev., said".
  if (before.length > 50 || before.split(/\s+/).length > 6 || /[.;:!?]/.test(before.replace(/\b[A-Z][a-z]{0,3}\./g, ''))) return null;
  // After a quote that closed its clause ("…,” officials said) an unnamed subject means nobody we know.
  if (/^(?:and|but|or|while|as|so)\b/i.test(before)) return null;
  return subjectOf(before, !quoteEndsClause);
}

/** `Mr Xi said: “…”` / `Blinken responded by saying the two countries “…”`. */
function fromLeft(left: string): Found | null {
  const verbs: RegExpExecArray[] = [];
  VERB.lastIndex = 0;
  for (let v = VERB.exec(left); v; v = VERB.exec(left)) if (isVerbAt(left, v.index)) verbs.push(v);
  for (let i = verbs.length - 1; i >= 0; i--) {
    const v = verbs[i];
    if (v[0].toLowerCase() === 'according to') {
      const name = nameAtStart(left.slice(v.index + v[0].length).trim());
      if (name) return { kind: 'name', name };
      continue;
    }
    const after = left.slice(v.index + v[0].length);
    const inverted = /^\s+([^,:]{0,60})[,:]\s*$/.exec(after);
    if (inverted) {
      const name = nameAtStart(inverted[1]);
      if (name) return { kind: 'name', name };
    }
    const before = left.slice(0, v.index);
    // "…, adding that" / "responded by saying": the subject is that of the verb before.
    if (/ing$/.test(v[0]) && (/,\s*$/.test(before) || /\bby\s*$/.test(before))) continue;
    const subject = subjectOf(before, true);
    if (subject) return subject;
  }
  return null;
}

/** Every "NAME <reporting verb>" in the masked text, in order: who was last reported as speaking. */
function speakerEvents(masked: string): { at: number; name: string }[] {
  const out: { at: number; name: string }[] = [];
  VERB.lastIndex = 0;
  for (let v = VERB.exec(masked); v; v = VERB.exec(masked)) {
    const lineStart = masked.lastIndexOf('\n', v.index) + 1;
    // Only unmistakable verb forms: "post", "call" or "tweet" are nouns as often as verbs.
    if (!/(?:ed|said|says|told|wrote|spoke)$/.test(v[0]) || !isVerbAt(masked, v.index)) continue;
    const found = subjectOf(masked.slice(Math.max(lineStart, v.index - 120), v.index), true);
    if (found?.kind === 'name') out.push({ at: v.index, name: found.name });
  }
  // A person who is a sentence's subject is salient too ("Mary Cheney … took to Facebook").
  const SENTENCE = /[^.!?\n]+(?:[.!?]+|$)/g;
  for (let m = SENTENCE.exec(masked); m; m = SENTENCE.exec(masked)) {
    if (m[0].length === 0) { SENTENCE.lastIndex++; continue; }
    const found = sentenceSubject(m[0]);
    if (found?.kind === 'name' && !/[’']s\b/.test(m[0].slice(0, m[0].indexOf(found.name.split(' ').pop()!) + 40).split(/\s/).slice(0, 6).join(' '))) {
      out.push({ at: m.index, name: found.name });
    }
  }
  return out.sort((x, y) => x.at - y.at);
}

/**
 * The sentence's own subject, when the quote's verb has none of its own ("Trump appeared to respond,
 * writing: …", "Obama also ordered flags … “as a mark of respect”"): a name, pronoun or description
 * opening the sentence, after an introductory phrase ("Earlier this year, Fox railed …").
 */
function sentenceSubject(left: string): Found | null {
  const body = left.replace(/^[\s\u2014\u2013-]+/, '');
  const candidates = [body];
  const intro = /^[^,]{0,60},\s*/.exec(body);
  if (intro) candidates.push(body.slice(intro[0].length));
  // "The White House press secretary, Sarah Huckabee Sanders, sought …"
  const described = /^(?:the|a|an)\s[^,]{0,60},\s*([^,]{3,40}),/i.exec(body);
  if (described) {
    const name = nameAtStart(described[1]);
    if (name && name.includes(' ')) return { kind: 'name', name };
  }
  for (const c of candidates) {
    if (c.startsWith(MASK)) continue;
    const name = nameAtStart(c);
    if (name && !/^[A-Z][a-z]+$/.test(c.split(/\s/)[0]) || (name && /^\S+\s+(?:[a-z]+\s+)?(?:[a-z]+ed|[a-z]+s|said|told|wrote)\b/.test(c.slice(c.indexOf(name.split(' ').pop()!))))) {
      return { kind: 'name', name };
    }
    const p = /^(he|she|they)\b/i.exec(c);
    if (p) return { kind: 'anaphor', pronoun: p[1].toLowerCase() };
    const role = /^the\s+(?:[\p{L}\d’'\-.]+\s+){0,4}?(president|governor|senator|speaker|nominee|candidate|leader|minister|secretary|chairman|chairwoman|justice|congressman|congresswoman|lawmaker|official|spokesman|spokeswoman|diplomat|[\p{Ll}\-]+-old)\b/u.exec(c);
    if (role) return { kind: 'anaphor', head: role[1] };
  }
  return null;
}

/** A paragraph that is only a quotation, after a paragraph ending "…, tweeting:". */
function afterColon(masked: string, q: RawQuote): Found | null {
  if (masked.slice(q.lineStart, q.start - 1).trim() !== '') return null;
  let end = q.lineStart - 1;
  while (end > 0 && /\s/.test(masked[end - 1])) end--;
  if (masked[end - 1] !== ':') return null;
  const lineStart = masked.lastIndexOf('\n', end - 1) + 1;
  const prev = masked.slice(lineStart, end - 1);
  const sentenceStart = Math.max(prev.lastIndexOf('. '), prev.lastIndexOf('? ')) + 1;
  const sentence = prev.slice(sentenceStart);
  return fromLeft(sentence) ?? sentenceSubject(sentence);
}

function subjectOf(before: string, strict: boolean): Found | null {
  let s = before.replace(/\s+$/, '').replace(TRAILING_ADVERBS, '');
  // Peel what stands between a name and its verb, outermost first: "Rep. Bobby Scott, D-Va., one of the
  // nine lawmakers to vote against it, said"; "John Boehner (R-Ohio)"; "Speaker John Boehner of Ohio".
  for (let round = 0; round < 4; round++) {
    const peeled = s
      .replace(/\s*\([^()]{0,40}\)$/, '')
      .replace(/,?\s+[RDI]-[A-Z][\p{L}.]*,?$/u, '')
      .replace(/\s+of\s+[A-Z][\p{L}.]+(?:\s+[A-Z][\p{L}.]+)?$/u, '');
    const cut = peeled === s && APPOSITIVE.test(s) ? s.replace(APPOSITIVE, '') : peeled;
    if (cut === s) break;
    s = cut;
  }
  s = s.replace(/,?\s*who$/, '');
  if (s.endsWith(MASK) || s === '') return null;
  const name = nameAtEnd(s);
  if (name) return { kind: 'name', name };
  const p = PRONOUN.exec(s);
  if (p) return { kind: 'anaphor', pronoun: p[1].toLowerCase() };
  if (DEFINITE.test(s)) return { kind: 'anaphor', head: /(\S+)$/.exec(s)![1].toLowerCase() };
  return strict ? null : { kind: 'unknown' };
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

const ABBREV = /\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Prof|No|vs|U\.S|[A-Z])\.$/;

/** The sentence holding a quote, within its paragraph; quotes count as words. */
function sentenceAround(masked: string, q: RawQuote): Sentence {
  let start = q.lineStart;
  for (let i = q.start - 2; i > q.lineStart; i--) {
    const c = masked[i];
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(masked[i + 1] ?? '') && !ABBREV.test(masked.slice(Math.max(q.lineStart, i - 4), i + 1))) {
      start = i + 1;
      break;
    }
  }
  let end = q.lineEnd;
  const from = q.close === null ? q.end : q.end + 1;
  for (let i = from; i < q.lineEnd; i++) {
    const c = masked[i];
    if ((c === '.' || c === '!' || c === '?') && !ABBREV.test(masked.slice(Math.max(from, i - 4), i + 1))) {
      end = i + 1;
      break;
    }
  }
  return { start, end };
}

function startsParagraph(masked: string, q: RawQuote): boolean {
  return masked.slice(q.lineStart, q.start - 1).trim() === '';
}

/** True when a reporting verb occurs in `text`. */
export function hasReportingVerb(text: string): boolean {
  VERB.lastIndex = 0;
  return VERB.test(text);
}
