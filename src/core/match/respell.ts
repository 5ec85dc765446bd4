/**
 * Changed words that are the same words written another way, judged on a whole change of the
 * alignment (the words one side has where the other has others): a compound closed, open or hyphenated
 * (sandbank / sand bank / sand-bank, onto / on to), a known alias (ISIL / ISIS), a possessive's style (ISIS’ / ISIS’s), a name misspelt by a
 * letter or two (De’Anglas / De’Angelas), or a word misspelt as no dictionary spells it. Numbers, contractions and UK/US spelling are folded earlier,
 * word by word (text/).
 */
import { aliasOf } from '../text/aliases';
import { isWord } from '../text/dictionary';
import { STOPWORDS } from '../text/spelling';
import type { Token } from '../types';

export type Respelling = 'compound' | 'alias' | 'name' | 'typo' | 'possessive';

const keys = (ts: readonly Token[]): string => ts.map((t) => t.key).join('');
const isName = (t: Token): boolean => /^\p{Lu}/u.test(t.raw) && !STOPWORDS.has(t.key);
const LETTERS = /^[\p{L}'’-]+$/u;
const LOWER = /^\p{Ll}[\p{Ll}'’]*$/u;

/** How `removed` and `added` are the same words written differently, or null when they are not. */
export function respelling(removed: readonly Token[], added: readonly Token[]): Respelling | null {
  if (removed.length === 0 || added.length === 0 || removed.length + added.length > 4) return null;
  if (removed.length + added.length > 2 && keys(removed) === keys(added)) return 'compound';
  const alias = aliasOf(removed.map((t) => t.raw));
  if (alias >= 0 && alias === aliasOf(added.map((t) => t.raw))) return 'alias';
  if (removed.length === 1 && added.length === 1 && possessiveStyle(removed[0].key, added[0].key)) return 'possessive';
  if (removed.length === 1 && added.length === 1 && nameTypo(removed[0], added[0])) return 'name';
  if (removed.length === 1 && added.length === 1 && wordTypo(removed[0], added[0])) return 'typo';
  return null;
}

/**
 * The possessive of a word ending in s, as style guides differ on it: "ISIS’ best recruiter" (AP; the
 * tokenizer drops the bare apostrophe) / "ISIS’s best recruiter", "Jones’" / "Jones’s".
 */
function possessiveStyle(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length > 1 && short.endsWith('s') && long === `${short}'s`;
}

/** A misspelling the draft should check: a name (either may be right), or a draft word no dictionary has. */
export function draftMisspelt(r: { removed: readonly Token[]; kind: Respelling }): boolean {
  return r.kind === 'name' || (r.kind === 'typo' && !isWord(r.removed[0].key));
}

/**
 * A slip of the keyboard: a word of five letters or more that is not a word, a letter dropped, added or
 * swapped with its neighbour inside a word that is (goverment / government, recieve / receive). Two
 * real words (here / hear) are two words: a variant. A letter replaced by another, or a change at the
 * ends, too often makes a rarer real word (untaxed / untamed, complicit / complicity): not a slip.
 */
function wordTypo(x: Token, y: Token): boolean {
  if (!LOWER.test(x.raw) || !LOWER.test(y.raw) || x.stem === y.stem) return false;
  if (Math.min(x.key.length, y.key.length) < 5 || !slip(x.key, y.key)) return false;
  return isWord(x.key) !== isWord(y.key);
}

/** One letter dropped, added, or swapped with the next, not at either end. */
function slip(a: string, b: string): boolean {
  if (a.length === b.length) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return i > 0 && i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return i > 0 && i < long.length - 1 && long.slice(i + 1) === short.slice(i);
}

/**
 * Two forms of one name: both capitalised words of letters, same first letter, at least six letters,
 * as many apostrophes, one edit apart (two for names of nine letters or more), the edit inside the
 * word: a dropped, doubled or swapped letter. An edit at the end (Daniel / Daniela) more often makes another name.
 */
function nameTypo(x: Token, y: Token): boolean {
  if (!isName(x) || !isName(y) || !LETTERS.test(x.raw) || !LETTERS.test(y.raw)) return false;
  const a = x.key;
  const b = y.key;
  const n = Math.min(a.length, b.length);
  if (n < 6 || a[0] !== b[0] || a[a.length - 1] !== b[b.length - 1]) return false;
  // A possessive or a plural is grammar, not a slip: Americans / America’s.
  if (a.split("'").length !== b.split("'").length) return false;
  const d = editDistance(a, b, 2);
  return d === 1 || (d === 2 && n >= 9);
}

/** Optimal string alignment distance (a swap of neighbours is one edit), or `max + 1` past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(m + 1);
    cur[0] = i;
    let low = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < low) low = v;
    }
    if (low > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[m], max + 1);
}
