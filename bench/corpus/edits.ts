/**
 * The edits a quote undergoes between outlets: excerpts, added/dropped/substituted words, UK/US spelling,
 * punctuation, a quote split by its attribution, two utterances merged into one quote. Each version
 * remembers which words of the utterance it covers, so recall can be scored.
 */
import type { Rng } from './rng';

export type EditKind = 'identical' | 'excerpt' | 'punctuation' | 'spelling' | 'added' | 'dropped' | 'substituted' | 'split' | 'merged';

/** One quotation span of a version: its words, and the utterance words [from, to) it stands for. */
export interface Part {
  words: string[];
  from: number;
  to: number;
}

export interface Version {
  parts: Part[];
  /** Set for a merged quote: the other utterance's id and words, appended to the single part. */
  merged?: { utterance: number; words: string[] };
  edits: EditKind[];
}

const US_UK_STEMS = ('organ real recogn apolog critic emphas priorit stabil author character normal mobil legal minim maxim util ' +
  'central final modern special summar symbol sympath memor civil capital polar privat global harmon industrial ideal ' +
  'jeopard scrutin familiar neutral categor').split(' ');
const ISE = new RegExp(`^(${US_UK_STEMS.join('|')})(i[sz])(e|ed|es|ing|ation|ations)(\\W*)$`, 'i');
const OUR = /^(col|fav|hon|lab|behavi|neighb|hum|rum|harb|vap|vig|endeav|flav|savi)(ou?r)(s|ed|ing|able|ite|ites)?(\W*)$/i;
const PAIRS: [string, string][] = [
  ['center', 'centre'], ['theater', 'theatre'], ['defense', 'defence'], ['offense', 'offence'], ['gray', 'grey'],
  ['traveled', 'travelled'], ['canceled', 'cancelled'], ['judgment', 'judgement'], ['toward', 'towards'],
  ['skeptical', 'sceptical'], ['program', 'programme'], ['catalog', 'catalogue'], ['fulfill', 'fulfil'],
];
const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** The word in the other spelling (UK ↔ US), or null when it has none. */
export function respell(word: string): string | null {
  let m = ISE.exec(word);
  if (m) return m[1] + (m[2].toLowerCase() === 'iz' ? 'is' : 'iz') + m[3] + m[4];
  m = OUR.exec(word);
  if (m) return m[1] + (m[2].toLowerCase() === 'our' ? 'or' : 'our') + (m[3] ?? '') + m[4];
  const core = word.replace(/\W+$/, '');
  const tail = word.slice(core.length);
  const lower = core.toLowerCase();
  for (const [us, uk] of PAIRS) {
    if (lower === us) return keepCase(core, uk) + tail;
    if (lower === uk) return keepCase(core, us) + tail;
  }
  const n = NUMBERS.indexOf(lower);
  if (n >= 2) return String(n) + tail;
  if (/^[2-9]$/.test(core)) return NUMBERS[Number(core)] + tail;
  return null;
}

const keepCase = (model: string, w: string): string => (/^[A-Z]/.test(model) ? w[0].toUpperCase() + w.slice(1) : w);

const FILLERS = ['really', 'very', 'just', 'also', 'all', 'now', 'still', 'simply', 'certainly', 'clearly', 'actually', 'even', 'truly'];
const SYNONYMS: Record<string, string> = {
  so: 'that', that: 'this', need: 'want', want: 'need', big: 'large', great: 'good', good: 'great', going: 'trying',
  think: 'believe', believe: 'think', people: 'folks', country: 'nation', nation: 'country', said: 'stated',
  will: 'would', would: 'will', can: 'could', could: 'can', must: 'should', should: 'must', have: 'had', has: 'had',
  very: 'really', really: 'very', we: 'they', our: 'their', important: 'critical', clear: 'plain', stop: 'end',
  begin: 'start', start: 'begin', continue: 'keep', help: 'assist', make: 'take', agreed: 'decided', issues: 'matters',
};

/** A content word at a position away from the edges (so an edit is inside the quote, not at its ends). */
function innerIndex(rng: Rng, words: readonly string[]): number {
  return words.length <= 2 ? 0 : rng.int(1, words.length - 2);
}

function substitute(rng: Rng, w: string, vocabulary: readonly string[]): string {
  const core = w.replace(/\W+$/, '');
  const tail = w.slice(core.length);
  const syn = SYNONYMS[core.toLowerCase()];
  let next = syn ?? rng.pick(vocabulary);
  if (next.toLowerCase() === core.toLowerCase()) next = rng.pick(vocabulary);
  return keepCase(core, next) + tail;
}

function punctuate(rng: Rng, words: string[]): boolean {
  const commas = words.map((w, i) => (/,$/.test(w) && i < words.length - 1 ? i : -1)).filter((i) => i >= 0);
  const dashes = words.map((w, i) => (/^(?:–|—|--|-)$/.test(w) ? i : -1)).filter((i) => i > 0);
  if (dashes.length && rng.chance(0.7)) {
    const i = rng.pick(dashes);
    words.splice(i, 1);
    words[i - 1] = words[i - 1].replace(/\W*$/, ',');
    return true;
  }
  if (commas.length && rng.chance(0.6)) {
    const i = rng.pick(commas);
    words[i] = words[i].replace(/,$/, rng.chance(0.3) ? ' –' : '');
    return true;
  }
  const i = innerIndex(rng, words);
  if (/[\p{L}\p{N}]$/u.test(words[i])) { words[i] += ','; return true; }
  return false;
}

/** Applies one in-place word edit; false when it does not apply to these words. */
function wordEdit(rng: Rng, kind: EditKind, words: string[], vocabulary: readonly string[]): boolean {
  switch (kind) {
    case 'punctuation':
      return punctuate(rng, words);
    case 'spelling': {
      const options = words.map((w, i) => (respell(w) ? i : -1)).filter((i) => i >= 0);
      if (!options.length) return false;
      const i = rng.pick(options);
      words[i] = respell(words[i])!;
      return true;
    }
    case 'added':
      words.splice(innerIndex(rng, words) + 1, 0, rng.pick(FILLERS));
      return true;
    case 'dropped':
      if (words.length < 7) return false;
      words.splice(innerIndex(rng, words), 1);
      return true;
    case 'substituted': {
      const i = innerIndex(rng, words);
      words[i] = substitute(rng, words[i], vocabulary);
      return true;
    }
    default:
      return false;
  }
}

/** A contiguous excerpt of at least `min` words (and at least 40% of the quote). */
function excerptRange(rng: Rng, n: number, min: number): [number, number] {
  const lo = Math.min(n, Math.max(min, Math.ceil(n * 0.4)));
  const len = rng.int(lo, Math.max(lo, n - 1));
  const from = rng.int(0, n - len);
  return [from, from + len];
}

const CORPUS_EDITS: [EditKind, number][] = [
  ['identical', 14], ['excerpt', 20], ['punctuation', 10], ['spelling', 10], ['added', 8], ['dropped', 8],
  ['substituted', 10], ['split', 10], ['merged', 10],
];

function weighted(rng: Rng, table: readonly [EditKind, number][]): EditKind {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [k, w] of table) if ((r -= w) < 0) return k;
  return table[table.length - 1][0];
}

/**
 * A version of `words` as another outlet prints it: one main edit, sometimes a second word-level one.
 * `other` supplies a second utterance for merged quotes.
 */
export function corpusVersion(rng: Rng, words: readonly string[], vocabulary: readonly string[], other: () => { utterance: number; words: string[] }): Version {
  const kind = weighted(rng, CORPUS_EDITS);
  const edits: EditKind[] = [kind];
  let parts: Part[];
  let merged: Version['merged'];
  if (kind === 'excerpt') {
    const [from, to] = excerptRange(rng, words.length, 6);
    parts = [{ words: words.slice(from, to), from, to }];
  } else if (kind === 'split' && words.length >= 8) {
    const k = rng.int(Math.ceil(words.length * 0.3), Math.floor(words.length * 0.7));
    parts = [{ words: words.slice(0, k), from: 0, to: k }, { words: words.slice(k), from: k, to: words.length }];
  } else {
    parts = [{ words: words.slice(), from: 0, to: words.length }];
    if (kind === 'merged') merged = other();
    else if (kind !== 'identical' && kind !== 'split' && !wordEdit(rng, kind, parts[0].words, vocabulary)) {
      edits[0] = wordEdit(rng, 'punctuation', parts[0].words, vocabulary) ? 'punctuation' : 'identical';
    }
  }
  if (rng.chance(0.25)) {
    const second = weighted(rng, [['punctuation', 3], ['spelling', 3], ['added', 1], ['dropped', 1], ['substituted', 1]]);
    const part = rng.pick(parts);
    if (part.words.length >= 6 && wordEdit(rng, second, part.words, vocabulary)) edits.push(second);
  }
  return { parts, merged, edits };
}

/** The draft's own version of a quote: usually as spoken, sometimes trimmed or lightly edited. */
export function draftVersion(rng: Rng, words: readonly string[], vocabulary: readonly string[]): Version {
  const r = rng.next();
  if (r < 0.15 && words.length >= 12) {
    const len = rng.int(Math.ceil(words.length * 0.7), words.length - 1);
    const from = rng.int(0, words.length - len);
    return { parts: [{ words: words.slice(from, from + len), from, to: from + len }], edits: ['excerpt'] };
  }
  const part: Part = { words: words.slice(), from: 0, to: words.length };
  const kind: EditKind = r < 0.6 ? 'identical' : r < 0.72 ? 'spelling' : r < 0.85 ? 'punctuation' : 'substituted';
  if (kind !== 'identical' && !wordEdit(rng, kind, part.words, vocabulary)) return { parts: [part], edits: ['identical'] };
  return { parts: [part], edits: [kind] };
}
