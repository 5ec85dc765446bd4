/**
 * Who a text reports as speaking, and where: every "NAME <reporting verb>" and every sentence whose
 * subject is a person, in text order (the mentions pronouns are resolved against, salience.ts).
 */
import { subjectOf } from './reporting';
import { sentenceSubject } from './sentenceSubject';
import { VERB_SOURCE } from './verbs';
import { isSpace } from '../text/space';

export interface SpeakerEvent {
  at: number;
  name: string;
}

// (An instance of its own: the reporting clauses' readers reset theirs.)
const VERB = new RegExp(VERB_SOURCE, 'g');
const SENTENCE = /[^.!?\n]+[.!?]*/g; // no `$` alternative: that backtracks over every unended line
/** How far before its verb a speaker's name is looked for. */
const VERB_REACH = 120;

/** Every "NAME <reporting verb>" and person opening a sentence in the masked text, in order. */
export function speakerEvents(masked: string): SpeakerEvent[] {
  const out: SpeakerEvent[] = [];
  // Verbs come in text order, so the start of the current line only moves forward.
  let lineStart = 0;
  let nextNewline = masked.indexOf('\n');
  VERB.lastIndex = 0;
  for (let v = VERB.exec(masked); v; v = VERB.exec(masked)) {
    while (nextNewline >= 0 && nextNewline < v.index) {
      lineStart = nextNewline + 1;
      nextNewline = masked.indexOf('\n', lineStart);
    }
    // Only unmistakable verb forms: "post", "call" or "tweet" are nouns as often as verbs. (None of
    // these is a word isVerbAt can take for a noun, so it is not asked.)
    const verb = v[0];
    if (!(verb.endsWith('ed') || verb.endsWith('said') || verb.endsWith('says') || verb.endsWith('told') || verb.endsWith('wrote') || verb.endsWith('spoke'))) continue;
    const found = subjectOf(masked.slice(Math.max(lineStart, v.index - VERB_REACH), v.index), true, true);
    if (found?.kind === 'name' && !found.organisation) out.push({ at: v.index, name: found.name });
  }
  // A person who is a sentence's subject is salient too ("Mary Cheney … took to Facebook").
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(masked); m; m = SENTENCE.exec(masked)) {
    const sentence = m[0];
    const found = sentenceSubject(sentence);
    // "Mr Blinken’s visit is …", "China’s top diplomat Wang Yi …": a possessive in the opening words
    // makes the name part of a noun phrase, not a speaker taking the floor.
    if (found?.kind === 'name' && !POSSESSIVE.test(openingWords(sentence, found.name))) out.push({ at: m.index, name: found.name });
  }
  return out.sort((x, y) => x.at - y.at);
}

const POSSESSIVE = /[’']s\b|s[’'](?=\s)/;

/**
 * The sentence's first six words, up to 40 characters past the name's last word:
 * `sentence.slice(0, sentence.indexOf(last) + 40).split(/\s/).slice(0, 6).join(' ')` without the
 * arrays (the cut falls at the sixth white-space character; POSSESSIVE reads any of them as a space).
 */
function openingWords(sentence: string, name: string): string {
  const last = name.slice(name.lastIndexOf(' ') + 1);
  const head = sentence.slice(0, sentence.indexOf(last) + 40);
  let gaps = 0;
  for (let i = 0; i < head.length; i++) if (isSpace(head.charCodeAt(i)) && ++gaps === 6) return head.slice(0, i);
  return head;
}
