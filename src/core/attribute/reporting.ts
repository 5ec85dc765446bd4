/**
 * Reporting clauses: a verb of saying and its subject on either side of a quotation ("Mr Xi said: …",
 * "…,” said Wu Xinbo", "…,” he added"), a reporting clause closing the sentence, and the subject
 * before a verb. Used by `attribute.ts` and `speakerEvents.ts`; the sentence's own subject is in
 * sentenceSubject.ts, a speaker's label in speakerLabel.ts, the verbs in verbs.ts.
 */
import type { RawQuote } from '../extract/extract';
import { CLAUSE_WORD, DAY, DESCRIBED_NAME, MASK, type Found } from './clauseWords';
import { capitalisedLastWord, nameAtEnd, nameAtStart, organisationAtEnd, organisationAtStart } from './names';
import { sentenceSubject } from './sentenceSubject';
import { isVerbAt, VERB } from './verbs';
import { codeAt } from '../text/codeAt';
import { isSpace } from '../text/space';
const PRONOUN = /\b(he|she|they|i|we)$/i;
// "the Texas governor", "the new president", "the 61-year-old": a description of someone named before.
const DEFINITE = /\b(?:the|this|that)\s+(?:[\p{L}\d’'\-.]+\s+){0,4}[\p{Ll}\d’'\-]+$/u;
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
