/**
 * Spelling folds: pairs that are the same word written differently (UK/US spelling by list and by rule,
 * number words, abbreviations, contractions). Folding both sides to one key lets "stabilise" match "stabilized"
 * as a spelling difference rather than a changed word.
 */

import BRITISH_TO_AMERICAN from 'american-british-english-translator/data/british_spellings.json';

// Words in -ise that are not the British form of an -ize verb.
const ISE_KEEP = new Set(
  ('advise advertise arise chastise circumcise comprise compromise concise demise despise devise disguise ' +
    'enterprise excise exercise expertise franchise improvise incise merchandise noise otherwise paradise ' +
    'poise praise precise premise promise raise reprise revise rise supervise surmise surprise televise ' +
    'treatise wise likewise clockwise anticlockwise cruise bruise guise valise concise expertise')
    .split(' '),
);

// UK → US pairs, inflections included (colour/colours/coloured, centre, defence, manoeuvre, paediatric,
// aeroplane, grey, judgement, jewellery): a maintained list from a dictionary package, read once into
// one table, rather than pairs written here by hand. The pairs below add what it lacks.
const PAIRS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, BRITISH_TO_AMERICAN);
Object.assign(PAIRS, {
  mum: 'mom', cheque: 'check', kerb: 'curb', towards: 'toward', amongst: 'among', whilst: 'while',
  learnt: 'learned', spelt: 'spelled',
  // Abbreviations and titles, after the dots are dropped.
  sen: 'senator', rep: 'representative', gov: 'governor', gen: 'general', lt: 'lieutenant', col: 'colonel',
  dept: 'department', govt: 'government', prof: 'professor', st: 'saint', mt: 'mount', ok: 'okay',
  mr: 'mister', mrs: 'missus', '&': 'and', pct: '%',
  // Informal spellings that reporters normalise.
  gonna: 'going to', wanna: 'want to', gotta: 'got to', cannot: 'can not', "can't": 'can not',
  "won't": 'will not', "shan't": 'shall not', "let's": 'let us', "y'all": 'you all',
});

const NUMBERS: Record<string, string> = {};
'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
  .split(' ')
  .forEach((w, i) => (NUMBERS[w] = String(i)));
Object.assign(NUMBERS, {
  thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90',
  hundred: '100', thousand: '1000', million: '1000000', billion: '1000000000',
  trillion: '1000000000000', percent: '%',
});
('first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth ' +
  'fifteenth sixteenth seventeenth eighteenth nineteenth twentieth').split(' ')
  .forEach((w, i) => (NUMBERS[w] = String(i + 1) + (i === 0 ? 'st' : i === 1 ? 'nd' : i === 2 ? 'rd' : 'th')));
Object.assign(NUMBERS, { thirtieth: '30th', fortieth: '40th', fiftieth: '50th', hundredth: '100th' });

// Pronoun + 's is "is" ("it's"); after a noun it is a possessive and stays.
const S_IS = new Set(['it', 'that', 'he', 'she', 'there', 'what', 'who', 'here', 'where', 'how', 'this']);

/**
 * Folds one lower-cased word (apostrophes already straight, dots removed) into its comparison form.
 * May return several words ("we're" → "we are").
 */
export function foldWord(w: string): string[] {
  const pair = PAIRS[w];
  if (pair) return pair.split(' ');
  if (NUMBERS[w]) return [NUMBERS[w]];
  const apos = w.indexOf("'");
  if (apos > 0) {
    const head = w.slice(0, apos);
    const tail = w.slice(apos + 1);
    if (tail === 't' && head.endsWith('n')) return [...foldWord(head.slice(0, -1)), 'not'];
    if (tail === 're') return [head, 'are'];
    if (tail === 've') return [head, 'have'];
    if (tail === 'll') return [head, 'will'];
    if (tail === 'm') return [head, 'am'];
    if (tail === 'd') return [head, 'would'];
    if (tail === 's' && S_IS.has(head)) return [head, 'is'];
  }
  const rule = spellingRule(w);
  if (rule !== w) return [rule];
  if (w.length > 5 && !ISE_KEEP.has(w)) {
    const m = /^(.{3,})is(e|es|ed|ing|ation|ations|er|ers)$/.exec(w);
    if (m && !keepsIse(m[1] + 'ise')) return [m[1] + 'iz' + m[2]];
    const y = /^(.{3,})ys(e|es|ed|ing)$/.exec(w); // analyse/analyze, paralyse
    if (y) return [y[1] + 'yz' + y[2]];
  }
  return [w];
}

// A consonant doubled before a suffix after an unstressed syllable: British travelled, swivelling,
// focussed, worshipped, kidnapper; American traveled, swiveling, focused. Only after a stem of two
// syllables or more, so that filled/filed or hopping/hoping stay apart.
const DOUBLED = /^(.*[aeiouy][^aeiouy]+[aeiouy]+)([lmpst])\2(ed|ing|er|ers)$/;
// Latin plurals against English ones: memoranda/memorandums, referenda, curricula, stadia; cacti/
// cactuses, syllabi; appendices/appendixes, indices, matrices; formulae/formulas, antennae.
const LATIN: [RegExp, string][] = [[/^(.{4,})ums$/, '$1a'], [/^(.{4,})uses$/, '$1i'], [/^(.{3,})ixes$/, '$1ices'], [/^(.{4,}[lmn])ae$/, '$1as']];

/** An -ise word that is not an -ize verb, alone or at the end of a compound (fundraise, sunrise). */
function keepsIse(word: string): boolean {
  for (let i = 0; i + 4 <= word.length; i++) if (ISE_KEEP.has(word.slice(i))) return true;
  return false;
}

/** The rule-made spelling fold of one word (the word itself when no rule applies). */
function spellingRule(w: string): string {
  if (w.length < 7) return w;
  const d = DOUBLED.exec(w);
  if (d) return d[1] + d[2] + d[3];
  for (const [re, to] of LATIN) if (re.test(w)) return w.replace(re, to);
  return w;
}

/** A crude stem for candidate retrieval and bag-of-words overlap: "needs" ~ "need", "stabilized" ~ "stabilize". */
export function stem(key: string): string {
  if (key.length <= 3 || /\d/.test(key)) return key;
  let s = key;
  if (s.endsWith("'s")) s = s.slice(0, -2);
  if (s.length > 5 && s.endsWith('ing')) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith('ied')) s = s.slice(0, -3) + 'y';
  else if (s.length > 4 && s.endsWith('ies')) s = s.slice(0, -3) + 'y';
  else if (s.length > 4 && s.endsWith('ed')) s = s.slice(0, -2);
  else if (s.length > 4 && s.endsWith('es') && /(ss|sh|ch|x|z)es$/.test(s)) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
  if (s.length > 4 && s.endsWith('e')) s = s.slice(0, -1);
  return s;
}

/** Function words: they carry no topic, so they neither retrieve candidates nor count as content. */
export const STOPWORDS = new Set(
  ("i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers " +
    "herself it its itself they them their theirs themselves what which who whom this that these those am is " +
    "are was were be been being have has had having do does did doing a an the and but if or because as until " +
    "while of at by for with about against between into through during before after above below to from up " +
    "down in out on off over under again further then once here there when where why how all any both each " +
    "few more most other some such no nor not only own same so than too very s t can will just don should " +
    "now would could also may might must shall us mister going get got").split(' '),
);
