/**
 * A sentence's own subject, for a quote whose verb has none, and for the people a text reports as
 * taking the floor (speakerEvents.ts): a name opening the sentence that a verb follows or a title
 * carries, a description then a name ("Republican presidential nominee Donald Trump"), a pronoun or a
 * role ("the senator").
 */
import { CLAUSE_WORD, DAY, DESCRIBED_NAME, MASK, type Found } from './clauseWords';
import { functionWord, tagsOf } from './lexicon';
import { nameAtStart } from './names';
import { VERB } from './verbs';
import { codeAt } from '../text/codeAt';
import { isSpace } from '../text/space';

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
