/**
 * The verbs of saying ("said", "told", "according to", "pointed out"), as one pattern with its inflections,
 * and the test that tells such a verb from the same spelling used as a noun ("the comment", "a tweet").
 * One `g` instance is shared by the clause readers (reporting.ts, sentenceSubject.ts), each resetting
 * it before use; speakerEvents.ts keeps one of its own, since it calls those readers between its matches.
 */
import { prefixTree } from '../text/prefixTree';

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
export const VERB = new RegExp(VERB_SOURCE, 'g');
// "the comment", "a tweet", "his statement": the verb's spelling used as a noun.
// Also "her Facebook post", "a now-deleted Facebook post".
// And after a possessive: "Mr. Obama's remarks on Saturday".
const NOUN_BEFORE = /(?:\b(?:a|an|the|his|her|their|its|this|that|our|my|your)|\p{L}(?:[’']s|s[’']))\s+(?:[\p{L}’'\-]+\s+){0,3}$/u;
const AMBIGUOUS = /^(?:post|tweet|call|comment|claim|note|remark|charge|demand|promise|counter|term|label|repl(?:y|ies)|answer|statement|plea|report|retort|quip|boast|pledge|vow|joke|warning)s?$/;
export const isVerbAt = (text: string, at: number): boolean => {
  const word = /^[\p{L}]+/u.exec(text.slice(at, at + 20))?.[0] ?? '';
  return !AMBIGUOUS.test(word) || !NOUN_BEFORE.test(text.slice(Math.max(0, at - 60), at));
};

/** True when a reporting verb occurs in `text`. */
export function hasReportingVerb(text: string): boolean {
  VERB.lastIndex = 0;
  return VERB.test(text);
}
