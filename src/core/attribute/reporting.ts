/**
 * Reporting clauses: the verbs of saying and their subjects, on either side of a quotation, the
 * subject of a sentence, and the people a text reports as speaking. Used by `attribute.ts`.
 */
import type { RawQuote } from '../extract/extract';
import { functionWord, tagsOf } from './lexicon';
import { codeAt } from '../text/codeAt';
import { prefixTree } from '../text/prefixTree';
import { capitalisedLastWord, nameAtEnd, nameAtStart, namesIn, organisationAtEnd, organisationAtStart } from './names';
// The stems of the verbs of saying, each with the inflections below (wr[io]t: writ-, wrot-; emphasi[sz]).
const VERB_STEMS = (
  'say said tell told add stress warn note explain insist argu declar writ wrot tweet post ask continu remark ' +
  'comment repl urg announc claim acknowledg admit stated stating describ recall conced agree respond call label dub ' +
  'term hail predict promis vow suggest complain boast jok quip shout yell scream testif confirm conclud ' +
  'emphasis emphasiz observ assert contend charg lament mus recount reiterat pledg thunder counter tout proclaim ' +
  'plead caution concur retort scoff mock decri denounc blast slam accus demand beg wonder quipp chid ' +
  'griev groan chant signal indicat spok speak sais says report answer echo bark assur fum gush exclaim scold opin ' +
  'questioned mentioned pressed reasoned snapped sing sang react exhort remembered'
).split(' ');
// A reporting verb in any inflection: said, says, saying, adds, added, argued, replied, wrote, … (The
// stems as a prefix tree: as a flat list, the pattern tried each of them at every word of a text. A
// stem and its inflection must be the whole word, so the order they are tried in changes no match.)
export const VERB_SOURCE = String.raw`\b(?:${prefixTree(VERB_STEMS)})(?:s|es|ed|d|ing|ied|ies|e|en|y|led|ling|ted|ting|ped|ping|red|ring)?\b|\b[Aa]ccording to\b|\bput it\b|\bpoint(?:s|ed|ing)? out\b|\b(?:shot|fired|chimed) (?:back|in)\b|\bwent on\b`;
const VERB = new RegExp(VERB_SOURCE, 'g');
const PRONOUN = /\b(he|she|they|i|we)$/i;
// "the comment", "a tweet", "his statement": the verb's spelling used as a noun.
// Also "her Facebook post", "a now-deleted Facebook post".
// And after a possessive: "Mr. Obama's remarks on Saturday".
const NOUN_BEFORE = /(?:\b(?:a|an|the|his|her|their|its|this|that|our|my|your)|\p{L}(?:[’']s|s[’']))\s+(?:[\p{L}’'\-]+\s+){0,3}$/u;
const AMBIGUOUS = /^(?:post|tweet|call|comment|claim|note|remark|charge|demand|promise|counter|term|label|repl(?:y|ies)|answer|statement|plea|report|retort|quip|boast|pledge|vow|joke|warning)s?$/;
export const isVerbAt = (text: string, at: number): boolean => {
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
// The words TRAILING_ADVERBS can end with: its last word follows a gap and is one of these.
const ADVERB_LAST = new RegExp(String.raw`^(?:also|again|further|later|then|had|has|have|would|will|did|once|even|still|just|never|only|often|previously|repeatedly|reportedly|earlier|himself|herself|themselves|itself|${DAY}|week|month|year|night|morning|afternoon|evening|[a-z]+ly)$`);
/** False when TRAILING_ADVERBS cannot match `s`: its last word (after the last gap) is none it ends with. */
function mayEndInAdverb(s: string): boolean {
  let at = s.length;
  while (at > 0 && !isSpace(s.charCodeAt(at - 1))) at--;
  return at > 0 && ADVERB_LAST.test(s.slice(at));
}
// "of Texas", "of the Brookings Institution", "of the Armenian Patriarchate of Jerusalem" after a name.
// (A longer run only after "the": "Chief of Staff Katie Walsh" is a title and a name.)
const OF_STATE = /,?\s+of\s+[A-Z][\p{L}.]+(?:\s+[A-Z][\p{L}.]+)?$/u;
const OF_PLACE = /,?\s+of\s+the\s+[A-Z][\p{L}.’'\-]*(?:\s+(?:(?:of|for|and|on|in|the|&)\s+)*[A-Z][\p{L}.’'\-]*)*$/u;
/** `s` without the home state or institution after a name ending it, or `s` itself. */
function withoutPlace(s: string): string {
  const peel = (m: string, at: number, all: string): string => (nameAtEnd(all.slice(0, at)) ? '' : m);
  const state = s.replace(OF_STATE, peel);
  return state !== s ? state : s.replace(OF_PLACE, peel);
}
// ", 61," or ", a Democrat from Nevada," between a name and its verb.
const APPOSITIVE = /,[^,]{1,80},$/;
// Verbs whose next noun phrase is who was addressed or described, not who spoke.
const TAKES_OBJECT = /^(?:tell|told|tells|telling|ask|asks|asked|asking|call|calls|called|calling|urg\w*|warn\w*|accus\w*|blast\w*|slam\w*|label\w*|dub\w*|hail\w*|mock\w*|denounc\w*|describ\w*|charg\w*|beg\w*|demand\w*|thank\w*)$/i;
// A few description words, none of them a preposition or conjunction, then a capitalised name.
const DESCRIBED_NAME = /^(?:the\s+)?(?:(?![Ii]n\b|[Oo]n\b|[Aa]t\b|[Ww]ith\b|[Tt]o\b|[Ff]or\b|[Oo]f\b|[Ff]rom\b|[Bb]y\b|[Aa]bout\b|[Aa]fter\b|[Bb]efore\b|[Dd]uring\b|[Aa]s\b|[Tt]hat\b|[Aa]nd\b|[Ii]f\b|[Ww]hen\b|\p{Lu})[\p{L}\d/’'\-.]+\s+|\p{Lu}[\p{Lu}\d]+\s+){1,3}(\p{Lu}[^,.;:!?()]*?)(?=[,.;:!?(]|$)/u;
export const MASK = '\u2063'; // stands in for a quotation's text so its words are not taken for attribution

/** A named subject, a pronoun or description pointing back (`pronoun` when it has a gender), or nobody. */
export type Found = { kind: 'name'; name: string; organisation?: boolean } | { kind: 'anaphor'; pronoun?: string; head?: string } | { kind: 'unknown' };
const body = (name: string | null): Found | null => (name ? { kind: 'name', name, organisation: true } : null);

/** `“…,” he said` / `“…,” said Mr Blinken` / `“…,” Xi told Blinken`. */
export function fromRight(right: string, quoteEndsClause: boolean, quoteEndsSentence = false): Found | null {
  const m = /^[\s,\u2014\u2013-]*(.{0,240})/su.exec(right);
  if (!m) return null;
  const after = m[1];
  // A quote signed with a dash, as letters and readers' comments are: "“…” ― Pamela Padilla".
  let dash = 0;
  while (isSpace(codeAt(right, dash))) dash++;
  const d = codeAt(right, dash);
  const signed = (d === 0x2015 || d === 0x2014 || d === 0x2013 || d === 45) && /^\s*[\u2015\u2014\u2013-]\s*([^,;:!?]{3,60}?)\.?\s*$/u.exec(right);
  const signer = signed && nameAtStart(signed[1]);
  if (signer && signer.replace(/[.\s]/g, '') === signed![1].replace(/[.\s]/g, '')) return { kind: 'name', name: signer };
  VERB.lastIndex = 0;
  let v = VERB.exec(after);
  while (v && !isVerbAt(after, v.index)) v = VERB.exec(after);
  if (!v) return null;
  const before = after.slice(0, v.index).trim();
  if (before === '') {
    // verb first: said Mr Blinken / said the senator / added Reid
    const rest = after.slice(v.index + v[0].length).replace(/^\s+/, '');
    // "said Clinton spokesman Brian Fallon", "said Ohio State University professor Paul Beck": the
    // speaker is the name after the titles, not the employer's name that opens them.
    const afterTitles = titlesThenName(rest);
    if (afterTitles) return { kind: 'name', name: afterTitles };
    const name = nameAtStart(rest.replace(/^the\s+(?=\p{Lu})/u, '')); // "said the Rev. Peter Wherry"
    if (name) return { kind: 'name', name };
    const org = body(organisationAtStart(rest)); // "said the Justice Department"
    if (org) return org;
    // "said MSNBC host Chris Matthews", "said 9/11 widow Terry Strada": a name after a short description.
    const described = DESCRIBED_NAME.exec(rest);
    const dname = described && nameAtStart(described[1]);
    if (dname && dname.includes(' ')) return { kind: 'name', name: dname };
    // "said the Democratic leader of the Senate, Justin Alfond."
    const titled = /^(?:the|a|an)\s[^,]{0,60},\s*((?:[^,.;]|(?<=\b\p{Lu})\.){3,40}?)\s*(?:[,;]|(?<!\b\p{Lu})\.|$)/u.exec(rest);
    const tname = titled && nameAtStart(titled[1]);
    if (tname && tname.includes(' ') && tname.replace(/[.\s]/g, '') === titled![1].replace(/[.\s]/g, '')) return { kind: 'name', name: tname };
    const d = /^(?:the|this|that)\s+(?:[\p{L}\d’'\-.]+\s+){0,3}?([\p{Ll}]+)\b(?=[\s,.]|$)/u.exec(rest);
    if (d) return { kind: 'anaphor', head: d[1] };
    // "“…,” adding, “…”": a participle has the subject of the sentence, found on the left.
    if (/ing$/.test(v[0])) return null;
    // The quote has a verb of its own and a subject we cannot name ("said one Democratic source"):
    // nobody, rather than the previous speaker.
    return { kind: 'unknown' };
  }
  // "“….” And Sen. Rob Portman, another incumbent, said he hadn't": a sentence opening with a
  // conjunction after the quote's full stop is the next statement, not this one's attribution.
  if (quoteEndsSentence && /^(?:and|but|or|yet|so)\s/i.test(before)) return null;
  // "…,” Obama's press secretary, Ben LaBolt, said".
  const described = namedAfterDescription(before);
  if (described) return described;
  // "…,” Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing, said";
  // "…,” Representative Jerrold Nadler, Democrat of New York — where … — said"; "…,” Mr. Labrador, a former lawyer, said".
  const appositive = /^([^,\u2014]{3,60})[,\u2014][^;:!?]{1,200}[,\u2014]$/u.exec(before);
  // (The part before the appositive is a name and its titles only, all capitalised: no clause such as "Dalton Brody is a store,".)
  if (appositive && (before.length > 50 || before.split(/\s+/).length > 6) && /^(?:\p{Lu}[\p{L}.’'\-]*\s*)+$/u.test(appositive[1].replace(/\([^()]*\)/g, '').trim())) {
    const name = nameAtStart(appositive[1].trim());
    return name && (name.includes(' ') || /^(?:Mr|Mrs|Ms|Dr)\.?\s/.test(appositive[1].trim()) || /^,\s*(?:who|whose|a|an|the)\s/.test(before.slice(appositive[1].length))) ? { kind: 'name', name } : null;
  }
  // An appositive whose closing comma is missing: "…,” Nate Silver, the polling guru who founded
  // fivethirtyeight.com tweeted"; "…,” Katie Packer, who is chairman of Our Principles Pac said".
  const unclosed = before.includes(',') ? /^([^,]{3,40}),\s*(?:the|a|an|who)\s[^,;:!?\u2063]{3,120}$/u.exec(before) : null;
  if (unclosed && /^(?:\p{Lu}[\p{L}.’'\-]*\s*)+$/u.test(unclosed[1].trim())) {
    const name = nameAtStart(unclosed[1].trim());
    if (name && name.includes(' ')) return { kind: 'name', name };
  }
  // The subject of a trailing attribution comes right after the quote: "…,” Sen. Harry Reid, D-Nev., said"
  // (a person's institution after the name is no clause: "…,” Jeffrey Lewis of the James Martin Center
  // for Nonproliferation Studies wrote").
  const bare = before.includes(' of ') ? withoutPlace(before) : before;
  if (/[.;:!?]/.test(bare.replace(/\b[A-Z][a-z]{0,3}\./g, '')) || ((bare.length > 50 || bare.split(/\s+/).length > 6) && !titleAndName(bare))) return null;
  // After a quote that closed its clause ("…,” officials said) an unnamed subject means nobody we know.
  // Nor does a subordinate clause: "“That makes me smart,” when Clinton blasted him" is Clinton's act, not her words.
  // "“…,” as a Homeland Security memo put it": "as" with a verb of saying attributes the quote after all.
  if (/^as\s/i.test(before) && /^put it\b|^(?:said|says|wrote|writes|noted|notes)\b/.test(v[0])) return subjectOf(before.slice(3), true) ?? { kind: 'unknown' };
  if (/^(?:and|but|or|while|as|so|when|after|before|because|since|until|if|although|though|whereas|unless)\b/i.test(before)) return null;
  // A quote closed by its full stop ends the sentence: "“… neighborhood.” Russia insisted that …" opens
  // the next one, unless the attribution is all that follows ("“….” Mr. King added.").
  const rest = after.slice(v.index + v[0].length);
  if (quoteEndsSentence && (/\bthat\b|\u2063/.test(rest) || !/^[^.!?]{0,50}(?:[.!?]|$)/.test(rest))) return null;
  return subjectOf(before, !quoteEndsClause);
}

/**
 * A reporting clause that closes the sentence after a comma ("“This will be a challenge” for Clinton,
 * said Kunin."; "“…,” and donations began to pick up again, Gilbert said."; "…, said David Wasserman,
 * an elections analyst."): it attributes the whole sentence, the quoted words inside it too. Each comma
 * from the last is tried (at most four, never past another quotation), and what follows it must be an
 * attribution as `fromRight` reads one after a quote that ends its sentence. A person's or an
 * organisation's name only: a pronoun or description there is left to the rules after (a quote
 * mid-sentence is often someone else's words).
 */
export function sentenceEndClause(left: string, right: string): Found | null {
  // "…after her March comment that, “…” …, Phil Smith told POLITICO": the quote is given to its
  // speaker on the left as someone's words, which the closing clause reports.
  if (OWN_WORDS.test(left)) return null;
  const s = right.replace(/[\s.!?]+$/, '');
  for (let at = s.lastIndexOf(','), tries = 0; at >= 0 && tries < 4; at = s.lastIndexOf(',', at - 1), tries++) {
    const tail = s.slice(at + 1);
    if (tail.includes(MASK)) break;
    // ", told Fox News": the verb's subject is before this comma, and what follows it was addressed.
    if (TAKES_OBJECT.test(/^\s*(\S*)/.exec(tail)![1])) continue;
    const found = fromRight(tail, true, true);
    if (found?.kind === 'name') return found;
  }
  return null;
}

// Someone's words named before a quote: "her March comment that", "Trump's remarks on Monday".
const OWN_WORDS = /(?:\b(?:his|her|their)|\p{L}[’']s)\s+(?:[\p{L}\-]+\s+){0,2}(?:comments?|remarks?|statements?|words|tweets?|claims?|quips?|vows?|pledges?|promises?|lines?|assertions?|warnings?|description)\b/u;

// Words that make a clause or a phrase of a subject rather than a name's titles: determiners past the
// first word, prepositions, conjunctions, relative and personal pronouns, auxiliaries.
const CLAUSE_WORD = /^(?:a|an|the|this|that|these|those|of|in|on|at|to|for|from|by|with|about|after|before|during|over|under|into|as|and|but|or|nor|while|when|where|who|whom|whose|which|is|was|were|are|be|been|being|has|have|had|do|does|did|not|it|he|she|they|we|i|you|his|her|their|its|our|my|your|than|if|because|so|then|there)$/;
/**
 * True when `s` is a name with its titles only, however long they run ("Republican National Committee
 * chairman Reince Priebus", "Homeland Security Deputy Secretary Alejandro Mayorkas", "former George W.
 * Bush speechwriter Noam Neusner"): capitalised words and lower-case title words, "of" only inside a
 * capitalised title ("Secretary of State"), no clause word and no comma. Such a subject may pass the
 * length cap that keeps a clause ("the report released by Harry Reid") from being read as a subject.
 */
function titleAndName(phrase: string): boolean {
  const s = phrase.replace(/\s*\([^()]{0,40}\)$/, ''); // "Harry M. Reid (D-Nev.)"
  if (s.length > 100 || /[,()\u2063"“”\u2014\u2013]/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 12) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 'of' && i > 0 && /^\p{Lu}/u.test(words[i - 1]) && /^\p{Lu}/u.test(words[i + 1] ?? '')) continue;
    if (titleWord(w, i === 0) === null) return false;
  }
  return /^\p{Lu}/u.test(words[words.length - 1]);
}

/**
 * What a word is in a run of titles and a name: capitalised, an opening "the", "former" or "then", a
 * lower-case title word ("chairman", "spokesman"), or null (a clause word, a number, punctuation).
 */
function titleWord(w: string, first: boolean): 'capital' | 'opening' | 'title' | null {
  if (/^\p{Lu}/u.test(w)) return 'capital';
  if (first && /^(?:the|former|then)$/.test(w)) return 'opening';
  return !CLAUSE_WORD.test(w) && /^\p{Ll}[\p{L}’'\-]*$/u.test(w) ? 'title' : null;
}

/**
 * The name ending a phrase of titles that opens `rest` and holds a lower-case title word ("Clinton
 * spokesman Brian Fallon, …", "former Sen. Evan Bayh, …", "Democratic strategist Simon Rosenberg"), or
 * null. The phrase runs to the first comma, stop or clause word ("of" too: "Trump voter Mary Smith of
 * Iowa" is Mary Smith), and its last word must be capitalised: "one Democratic source" names nobody.
 */
function titlesThenName(rest: string): string | null {
  const words = /^[^,;:!?()\u2063"“”\u2014\u2013\n]*/.exec(rest)![0].split(/[ \t]+/);
  const phrase: string[] = [];
  let titled = false;
  for (let i = 0; i < words.length; i++) {
    let w = words[i];
    if (w === '') break;
    const stop = w.endsWith('.') && !/^(?:\p{Lu}\.)+$|^[A-Z][a-z]{0,3}\.$/u.test(w);
    if (stop) w = w.slice(0, -1);
    // "former secretary of state Hillary Clinton": "of" inside a lower-case title goes on with it
    // (after a name it starts the home state: "Mary Smith of Iowa").
    if (w === 'of' && phrase.length > 0 && /^\p{Ll}/u.test(phrase[phrase.length - 1]) && /^\p{L}/u.test(words[i + 1] ?? '') && !CLAUSE_WORD.test(words[i + 1])) {
      phrase.push(w);
      continue;
    }
    const kind = titleWord(w, phrase.length === 0);
    if (kind === null) break; // ("of" too, a clause word here)
    phrase.push(w);
    if (kind === 'title' || (kind === 'opening' && w !== 'the')) titled = true;
    if (stop) break;
  }
  if (!titled || phrase.length < 2 || !/^\p{Lu}/u.test(phrase[phrase.length - 1])) return null;
  return nameAtEnd(phrase.join(' ').replace(/\.$/, '')); // ("Beck." looks like an abbreviation)
}

/** `Mr Xi said: “…”` / `Blinken responded by saying the two countries “…”`. */
export function fromLeft(text: string): Found | null {
  // "Said Ellis: …", "Continued Stone: …": a reporting verb opening the sentence, subject after it.
  const left = text.replace(/^(\s*)(\p{Lu})(\p{Ll}+)(?=\s)/u, (m, space: string, first: string, rest: string) => {
    const word = first.toLowerCase() + rest;
    VERB.lastIndex = 0;
    return VERB.exec(word)?.[0] === word ? space + word : m;
  });
  const verbs: RegExpExecArray[] = [];
  VERB.lastIndex = 0;
  for (let v = VERB.exec(left); v; v = VERB.exec(left)) if (isVerbAt(left, v.index)) verbs.push(v);
  for (let i = verbs.length - 1; i >= 0; i--) {
    const v = verbs[i];
    if (v[0].toLowerCase() === 'according to') {
      const rest = left.slice(v.index + v[0].length).trim();
      const name = nameAtStart(rest);
      if (name) return { kind: 'name', name };
      const org = body(organisationAtStart(rest)); // "according to The New York Times"
      if (org) return org;
      continue;
    }
    const after = left.slice(v.index + v[0].length);
    const inverted = /^\s+([^,:]{0,60})[,:]\s*$/.exec(after);
    // "said Mr. Blinken:", but "Schiff told Capital Download," names who was told.
    if (inverted && !TAKES_OBJECT.test(v[0])) {
      const name = nameAtStart(inverted[1]);
      if (name) return { kind: 'name', name };
    }
    const before = left.slice(0, v.index);
    // "The paradox of Nancy, says Carl Anthony, historian at …, is that she was “…”": a reporting
    // clause set off by commas inside the sentence, its subject after the verb.
    if (/,\s*$/.test(before) && /^(?:says|said)$/.test(v[0])) {
      const aside = /^\s+([^,]{3,60}),/.exec(after);
      const name = aside && nameAtStart(aside[1]);
      if (name && name.replace(/[.\s]/g, '') === aside![1].replace(/^the\s+/, '').replace(/[.\s]/g, '')) return { kind: 'name', name };
    }
    // "…, adding that" / "responded by saying": the subject is that of the verb before.
    if (/ing$/.test(v[0]) && (/,\s*$/.test(before) || /\bby\s*$/.test(before))) continue;
    // "Paul Ryan, R-Wis., despite admitting …", "Trump toured the plant and said …": the verb shares the
    // subject of the sentence.
    if ((/ing$/.test(v[0]) && /\b(?:despite|after|before|while|since|when|without)\s*$/.test(before)) || /\s(?:and|but)\s+(?:then\s+|also\s+|later\s+)?$/.test(before)) {
      const shared = sentenceSubject(before, true);
      if (shared) return shared;
      continue;
    }
    const subject = subjectOf(before, true);
    if (subject) return subject;
  }
  return null;
}

/** Whether a UTF-16 unit is one `\s` matches. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || (c >= 0x2000 && (c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff)) || c === 0x1680;
}

/**
 * The sentence's own subject, when the quote's verb has none of its own ("Trump appeared to respond,
 * writing: …", "Obama also ordered flags … “as a mark of respect”"): a name, pronoun or description
 * opening the sentence, after an introductory phrase ("Earlier this year, Fox railed …").
 */
export function sentenceSubject(left: string, verbFollows = false): Found | null {
  let from = 0;
  for (let c = codeAt(left, 0); isSpace(c) || c === 0x2014 || c === 0x2013 || c === 45 /* - */; c = codeAt(left, ++from));
  const body = from === 0 ? left : left.slice(from);
  const candidates = [body];
  // After an introduction, /^[^,]{0,60},\s*/: a first comma within 61 characters.
  const introComma = body.indexOf(',');
  if (introComma >= 0 && introComma <= 60) candidates.push(body.slice(introComma + 1).trimStart());
  // "The White House press secretary, Sarah Huckabee Sanders, sought …", "Trump's attorney, Alan Garten, …"
  for (const c of candidates) {
    // (It needs two commas: most sentences are passed over without trying it.)
    const comma = c.indexOf(',');
    if (comma < 0 || c.indexOf(',', comma + 1) < 0) continue;
    const described = /^(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|(?:\p{Lu}[\p{L}.\-]*\s+){0,3}\p{Lu}[\p{L}.\-]*(?:[’']s|s'))\s[^,]{0,60},\s*([^,]{3,40}),/u.exec(c);
    const name = described && nameAtStart(described[1]);
    if (name && name.includes(' ')) return { kind: 'name', name };
  }
  for (const c of candidates) {
    if (c.startsWith(MASK)) continue;
    const name = nameAtStart(c);
    if (name) {
      const last = name.slice(name.lastIndexOf(' ') + 1);
      const after = c.slice(c.indexOf(last) + last.length);
      // "Sanders was asked by host Bill Maher, …, “…”": the one asked is not who speaks; the asker is.
      const passive = mayBePassive(after) && /^[^\s]*\s+(?:was|were|had been|has been|is|is being)\s+(?:asked|told|questioned|pressed|urged|interviewed)\b(.*)$/su.exec(after);
      if (passive) {
        const by = /^\s+by\s+(.*)$/su.exec(passive[1]);
        const agent = by && (nameAtStart(by[1]) ?? nameAtStart(DESCRIBED_NAME.exec(by[1])?.[1] ?? ''));
        return agent ? { kind: 'name', name: agent } : null;
      }
    }
    // "A Clinton aide said", "The Trump campaign said", "A Downing Street spokesperson said": after an
    // article, a name before a common noun modifies it; the subject is the aide, named nowhere here.
    // (Nor is "The Vermont senator" resolved as a description: read back to the person last named, it
    // gave the wrong senator more often than the right one on PolNeAR train.)
    if (name && modifiedNoun(c, name)) return { kind: 'unknown' };
    // (A name opening the sentence needs no verb of its own right after it when one follows anyway.)
    if (name && (verbFollows || looksLikeSubject(c, name))) return { kind: 'name', name };
    const titled = titledSubject(c);
    if (titled) return { kind: 'name', name: titled };
    const c0 = codeAt(c, 0) | 0x20; // (lower-cased, for the cheap tests before the patterns)
    const p = (c0 === 104 /* h */ || c0 === 115 /* s */ || c0 === 116) /* t */ && /^(he|she|they)\b/i.exec(c);
    if (p) return { kind: 'anaphor', pronoun: p[1].toLowerCase() };
    const role = c.startsWith('the') && /^the\s+(?:[\p{L}\d’'\-.]+\s+){0,4}?(president|governor|senator|speaker|nominee|candidate|leader|minister|secretary|chairman|chairwoman|justice|congressman|congresswoman|lawmaker|official|spokesman|spokeswoman|diplomat|[\p{Ll}\-]+-old)\b/u.exec(c);
    if (role) return { kind: 'anaphor', head: role[1] };
  }
  return null;
}

// A description opening a sentence: a capitalised word or two ("Republican", "Fox News"), then one to
// three lower-case words before a capital ("presidential nominee", "conservative commentator").
const TITLED_START = /^(?:(?:[Tt]he|[Ff]ormer)\s+)?(?:\p{Lu}[\p{L}\-]*\s+){0,2}((?:\p{Ll}[\p{Ll}\-]*\s+){1,3})(?=\p{Lu})/u;
// Tags a role noun never has: the word before the name is a verb or modifier, not the person's title.
const NOT_ROLE = ['Verb', 'Adjective', 'Adverb', 'Value', 'Date', 'Gerund', 'PastTense'];

/**
 * The person's full name after a description opening the sentence, when a verb follows it:
 * "Republican presidential nominee Donald Trump is questioning …", "Conservative commentator Jonah
 * Goldberg imagined …". The description's last word must be a singular common noun (a role: "nominee",
 * "pollster", "host"), none of its words a function word: "Supporters of Donald Trump are", "Voters
 * see Hillary Clinton as" and "Critics call Donald Trump" are no such description.
 */
function titledSubject(c: string): string | null {
  if (c.startsWith(MASK)) return null;
  const m = TITLED_START.exec(c);
  if (!m) return null;
  const opening = c.slice(0, m.index + m[0].length - m[1].length).split(/\s+/).filter(Boolean);
  const words = m[1].trim().split(/\s+/);
  if (opening.some(functionWord) || words.some(functionWord)) return null;
  const head = words[words.length - 1];
  const tags = tagsOf(head);
  if (/(?:[^s]s|ed|ing|ly)$/.test(head) || NOT_ROLE.some((t) => tags.has(t))) return null;
  const rest = c.slice(m[0].length);
  const name = nameAtStart(rest);
  return name && name.includes(' ') && looksLikeSubject(rest, name) ? name : null;
}

/**
 * The noun `name` modifies when `sentence` opens with an article, then the name (its capitalised run),
 * then a lower-case word that is no verb form ("A Clinton aide said", "The Trump campaign announced"):
 * that word; else null. "The Rev. Al Sharpton said" is a name: a verb follows it.
 */
function modifiedNoun(sentence: string, name: string): string | null {
  const c1 = codeAt(sentence, 1);
  if (!(codeAt(sentence, 0) === 65 /* A */ && (c1 === 32 || c1 === 110 /* n */)) && !sentence.startsWith('The ')) return null;
  const article = /^(?:A|An|The)\s+/.exec(sentence);
  if (!article) return null;
  const last = name.slice(name.lastIndexOf(' ') + 1);
  const at = sentence.indexOf(last, article[0].length);
  if (at < 0) return null;
  const next = /^\s+(\p{Ll}[\p{Ll}\-]*)(?=[\s,;:.]|$)/u.exec(sentence.slice(at + last.length))?.[1];
  if (!next || /(?:ed|ing)$/.test(next) || CLAUSE_WORD.test(next)) return null;
  VERB.lastIndex = 0;
  if (VERB.exec(next)?.[0] === next) return null;
  const tags = tagsOf(next);
  return tags.has('Verb') || tags.has('PastTense') || tags.has('PresentTense') || tags.has('Copula') || tags.has('Modal') || tags.has('Auxiliary') || tags.has('Adverb') ? null : next;
}

/** False when PASSIVE cannot match: the word after the first gap must start "was", "were", "is", "ha…". */
function mayBePassive(after: string): boolean {
  let i = 0;
  while (i < after.length && !isSpace(after.charCodeAt(i))) i++;
  if (i === after.length) return false;
  while (i < after.length && isSpace(after.charCodeAt(i))) i++;
  const c = codeAt(after, i);
  return c === 119 /* w */ || c === 104 /* h */ || c === 105; /* i */
}

/**
 * A capitalised run opening a sentence is a person when it carries a title ("Rep. Bobby Scott") or a
 * verb follows it ("Trump appeared …"), not when it is a capitalised common noun ("Meetings in …").
 */
function looksLikeSubject(sentence: string, name: string): boolean {
  // The first word, /^\S*/, must be /^[A-Z][a-z]+$/ (read without cutting it out).
  let i = 1;
  const c0 = codeAt(sentence, 0);
  if (!(c0 >= 65 && c0 <= 90)) return true;
  while (i < sentence.length && sentence.charCodeAt(i) >= 97 && sentence.charCodeAt(i) <= 122) i++;
  if (i === 1 || (i < sentence.length && !isSpace(sentence.charCodeAt(i)))) return true;
  const last = name.slice(name.lastIndexOf(' ') + 1);
  const after = sentence.slice(sentence.indexOf(last) + last.length);
  // A verb within a word or two, past a comma ("Mary Cheney, who is …", "Trump appeared …").
  if (/^\S*\s+(?:[a-z]+\s+)?(?:[a-z]+ed|[a-z]+s|said|told|wrote)\b/.test(after)) return true;
  // A negated auxiliary is a verb too: "Weaver didn’t seem impressed", "Trump won't say" (not a
  // negated "be", which describes a place or thing as often: "Sandy Hook wasn’t just a tragedy").
  if (/^\S*\s+(?:(?!is|was|are|were)[a-z]+n[’']t|cannot)\s/.test(after)) return true;
  // Or past what stands between a subject and its verb: an appositive, a home state, a time, adverbs
  // ("Reince Priebus, the chairman of …, tried", "Rick Perry of Texas is", "Gowdy went on"), the verb
  // known to compromise's lexicon as a finite form (went, took, is). (Each pattern is tried only when
  // the text starts with a character it needs.)
  let rest = after;
  if (rest.trimStart().startsWith('(')) rest = rest.replace(/^\s*\([^()]{0,40}\)/, '');
  if (rest.startsWith(',')) rest = rest.replace(/^,[^,;:]{1,120},/, '');
  if (isSpace(codeAt(rest, 0))) rest = rest.replace(/^\s+of\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?/u, '').replace(TIME_OR_ADVERB, '');
  const verb = isSpace(codeAt(rest, 0)) ? /^\s+([a-z]+)\b/.exec(rest)?.[1] : undefined;
  if (!verb) return false;
  const tags = tagsOf(verb);
  return /(?:ed|[^s]s)$/.test(verb) || tags.has('PastTense') || tags.has('Copula') || tags.has('Modal') || (tags.has('PresentTense') && !tags.has('Gerund') && !tags.has('Infinitive'));
}
const TIME_OR_ADVERB = new RegExp(String.raw`^(?:\s+(?:also|then|later|again|still|himself|herself|(?:on|last|this|early|late)\s+${DAY}|${DAY}|on\s+\p{Lu}\p{Ll}+\s+\d+|[a-z]+ly))+`, 'u');

/** A paragraph that is only a quotation, after a paragraph ending "…, tweeting:". */
export function afterColon(masked: string, q: RawQuote): Found | null {
  if (masked.slice(q.lineStart, q.start - 1).trim() !== '') return null;
  let end = q.lineStart - 1;
  while (end > 0 && /\s/.test(masked[end - 1])) end--;
  if (masked[end - 1] !== ':') return null;
  const lineStart = masked.lastIndexOf('\n', end - 1) + 1;
  const prev = masked.slice(lineStart, end - 1);
  const sentenceStart = Math.max(prev.lastIndexOf('. '), prev.lastIndexOf('? ')) + 1;
  const sentence = prev.slice(sentenceStart);
  return fromLeft(`${sentence}:`) ?? sentenceSubject(sentence);
}

// What may come before a label: the start of the sentence or line, or a dash after a heading.
// (A full stop inside is an initial's or a title's: "Jeffrey M. Jones", "Sen. Tim Kaine".)
// (Not an abbreviation's full stop: "said of Mr. Rubio:" is no label. After another quotation, its closing
// mark: "Clinton: "…" Bush: "…"".)
const LABEL = /(?:^|(?<!\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Jr|Sr|\p{Lu}))[.!?]["”’']*\s+|\u2063["”’']+\s+|\s[-\u2013\u2014]\s*)((?:[^.!?:;,\-\u2013\u2014]|(?<=(?:^|\s)\p{Lu}\p{Ll}{0,3})\.){3,80}):\s*$/u;
// A word that makes what holds it a clause, not a label: "Trump told them:", "The question is:" (a
// present tense only with its -s: "state" in "secretary of state" is a noun).
const FINITE = ['PastTense', 'Copula', 'Modal', 'Auxiliary', 'Gerund'];
const finite = (w: string): boolean => {
  const tags = tagsOf(w);
  return FINITE.some((t) => tags.has(t)) || (tags.has('PresentTense') && /[^s]s$/.test(w));
};

/**
 * A speaker's label, as transcripts and press digests set it: a person's full name, perhaps after a
 * description, alone before the colon that opens the quotation ("Pollsters agree - Carl Bialik: “…”",
 * "Donald Trump: "…"", "Former secretary of state Hillary Rodham Clinton:"…""). A title-case heading
 * ("Bottom Line:", "Editor's Note:") is no name: the first name must be one the lexicon knows, or the
 * surname end more than one of the text's `names` (its multi-word mentions, every one, in order). A surname alone
 * ("Bush: "…"") labels once `names` hold the person's full name.
 */
export function speakerLabel(left: string, names: readonly string[]): Found | null {
  if (codeAt(left, left.length - 1) !== 58 /* : */ && !/:\s+$/.test(left)) return null;
  const m = LABEL.exec(left);
  if (!m) return null;
  const label = m[1].trim();
  const name = nameAtEnd(label);
  // (No possessive inside the name: "by Times' Michael Paulson:" is a byline.)
  if (!name || /[’']s?\s/.test(name)) return null;
  // A surname alone labels when it is all the label is and the text names the person in full
  // ("Clinton: "…" Bush: "…"", a debate's exchange, after "Jeb Bush" was named).
  if (!name.includes(' ')) return label === name && names.some((n) => n.endsWith(` ${name}`)) ? { kind: 'name', name } : null;
  // (A title-case headline runs words on: "Elizabeth Warren Hammers Wells Fargo CEO: ‘…’".)
  if (name.split(' ').filter((w) => w.length > 1).length > 3 || /^\p{Lu}+$/u.test(name.slice(name.lastIndexOf(' ') + 1))) return null;
  const first = name.slice(0, name.indexOf(' '));
  const surname = name.slice(name.lastIndexOf(' ') + 1);
  const from = label.indexOf(first);
  if (from < 0 || !label.endsWith(surname)) return null;
  // A description may come first, not a clause: no verb, no possessive, no other name ("Donald Trump
  // Praises Breitbart’s Editor Matthew Boyle: ‘…’" is a headline about Trump's words), but "Frank
  // Newport and Jim Harter:" is a label of two.
  const before = label.slice(0, from);
  if (before.includes('s ') && /[’']s\s/.test(before)) return null;
  if (before.split(/\s+/).filter(Boolean).some(finite)) return null;
  if (!/\sand\s+$/.test(before) && namesIn(before).length > 0) return null;
  // (The text's names are read once for the whole text: a transcript has a label a line.)
  const known = tagsOf(first).has('FirstName') || names.filter((n) => n.endsWith(` ${surname}`)).length > 1;
  return known ? { kind: 'name', name } : null;
}

/** "Her campaign manager, Robby Mook,": a description, then the person's full name set off by commas. */
function namedAfterDescription(s: string): Found | null {
  if (!s.endsWith(',')) return null;
  const titled = /[\p{Ll}\d],\s*([^,]{3,40}),$/u.exec(s);
  const name = titled && nameAtStart(titled[1]);
  return name && name.includes(' ') && name.replace(/[.\s]/g, '') === titled![1].replace(/[.\s]/g, '') ? { kind: 'name', name } : null;
}

/**
 * The subject before a reporting verb. `namesOnly`: the caller uses a person's name only, so nothing
 * else is looked for (an organisation, pronoun or description gives null).
 */
export function subjectOf(before: string, strict: boolean, namesOnly = false): Found | null {
  // Each pattern below is anchored at the end, so tried from every position: the cheap test before it
  // (a character it cannot match without) spares most of them.
  let s = before.trimEnd();
  if (mayEndInAdverb(s)) s = s.replace(TRAILING_ADVERBS, '');
  const described = namedAfterDescription(s);
  if (described) return described;
  // Peel what stands between a name and its verb, outermost first: "Rep. Bobby Scott, D-Va., one of the
  // nine lawmakers to vote against it, said"; "John Boehner (R-Ohio)"; "Speaker John Boehner of Ohio".
  for (let round = 0; round < 4; round++) {
    let peeled = s;
    if (peeled.endsWith(')')) peeled = peeled.replace(/\s*\([^()]{0,40}\)$/, '');
    if (peeled.includes('-')) peeled = peeled.replace(/,?\s+[RDI]-[A-Z][\p{L}.]*,?$/u, '');
    // "Speaker John Boehner of Ohio", but not "footage of Hillary Clinton": only a name has a home state.
    // Also a person's institution: "Sarah Binder of the Brookings Institution", "Jeffrey Lewis of the
    // James Martin Center for Nonproliferation Studies" (its name may hold "of", "for", "and", "the").
    if (peeled.includes('of') && capitalisedLastWord(peeled)) peeled = withoutPlace(peeled);
    let cut = peeled === s && s.endsWith(',') && APPOSITIVE.test(s) ? s.replace(APPOSITIVE, '') : peeled;
    // "Clinton, during a town hall meeting in Columbus, said": the phrase set off after the name goes too.
    if (cut === s && s.includes(',')) cut = s.replace(/,\s*(?:during|at|in|on|after|before|while|from|speaking)\b[^,]{0,80}$/, (m, at: number, all: string) => (nameAtEnd(all.slice(0, at)) ? '' : m));
    if (cut === s) break;
    s = cut;
  }
  if (s.endsWith('who')) s = s.replace(/,?\s*who$/, '');
  if (s.endsWith(MASK) || s === '') return null;
  const name = nameAtEnd(s);
  if (name) return { kind: 'name', name };
  if (namesOnly) return null;
  const org = body(organisationAtEnd(s)); // "the Times wrote", "The New York Post reports that"
  if (org) return org;
  // (PRONOUN ends in e, y or i, DEFINITE in a lower-case letter, digit, apostrophe or hyphen: tested first.)
  const last = codeAt(s, s.length - 1);
  const p = ((last | 0x20) === 101 || (last | 0x20) === 121 || (last | 0x20) === 105) && PRONOUN.exec(s);
  if (p) return { kind: 'anaphor', pronoun: p[1].toLowerCase() };
  if (s.includes('th') && ((last >= 97 && last <= 122) || (last >= 48 && last <= 57) || last === 39 || last === 45 || last >= 128) && DEFINITE.test(s)) return { kind: 'anaphor', head: /(\S+)$/.exec(s)![1].toLowerCase() };
  return strict ? null : { kind: 'unknown' };
}

/** True when a reporting verb occurs in `text`. */
export function hasReportingVerb(text: string): boolean {
  VERB.lastIndex = 0;
  return VERB.test(text);
}
