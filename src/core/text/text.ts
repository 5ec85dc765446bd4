import anyAscii from 'any-ascii';
import { keptResults } from '../kept';
import { mergeNumbers } from './numbers';
import { foldWord, stem } from './spelling';
import type { Token } from '../types';

/**
 * Words: letters and digits, joined by inner apostrophes, dots (U.S., F.B.I.) or censoring (f***ing,
 * f-----g, and a word's first letters and three or more dashes: b----, s---), and "&". A single hyphen splits words so that "tax-filing" and "tax filing" differ only in
 * punctuation.
 */
const WORD = /&|\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?[a-z]*|[\p{L}\p{M}\p{N}*]+(?:(?:['’.]|-{2,})[\p{L}\p{M}\p{N}*]+)*(?:(?=---)(?<=(?:^|[^\p{L}])\p{L}{1,2})-{3,}(?![\p{L}\p{N}]))?/gu;
// (The look-ahead for the dashes comes first: the look-behind at the end of every word was half the
// tokenizer's time.)

const PLAIN = /^[A-Za-z0-9]+$/;
// The part of a contraction a tokenised text sets apart: n't, or 's, 're, 've, 'll, 'm, 'd after the mark.
const CLITIC = /^(?:n['’]t|s|re|ve|ll|m|d)$/i;

/**
 * Lower-cases, transliterates to ASCII (Łukasz → lukasz, Đoković → djokovic, Straße → strasse, Путин →
 * putin: wire copy often drops the marks), straightens apostrophes, drops abbreviation dots (not a
 * decimal point) and thousands separators.
 */
export function baseForm(raw: string): string {
  if (PLAIN.test(raw)) return raw.toLowerCase(); // most words: nothing to fold but case
  // Serbo-Croatian đ is written "dj" in English-language copy (Djokovic, Djukanovic), not "d".
  const ascii = anyAscii(raw.normalize('NFC').replace(/đ/g, 'dj').replace(/Đ/g, 'Dj')).toLowerCase().replace(/’/g, "'").replace(/(?<!\d)\.|\.(?!\d)/g, '');
  return /^\d/.test(ascii) ? ascii.replace(/,/g, '') : ascii;
}

/** Splits `text[start, end)` into comparison tokens; a contraction yields several tokens at one place. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  return tokenizeCounting(text, start, end).tokens;
}

/** `tokenize`, with the span's `wordCount` counted on the way (the analysis needs both). */
export function tokenizeCounting(text: string, start: number, end: number): { tokens: Token[]; words: number } {
  const out: Token[] = [];
  let words = 0;
  const slice = text.slice(start, end);
  WORD.lastIndex = 0;
  // The word before (its text, start and first token), for joining a split-off contraction back.
  let prevRaw: string | null = null;
  let prevStart = 0;
  let prevAt = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    words++;
    let raw = m[0];
    let s = start + m.index;
    const e = s + raw.length;
    // Tokenised text splits contractions off their word ("do n't", "it 's", "Trump 's"): join them back.
    if (prevRaw !== null && raw.length <= 3 && CLITIC.test(raw) && /\s['’]$|\s$/.test(slice.slice(Math.max(0, m.index - 2), m.index)) && (raw[0] === 'n' || slice[m.index - 1] === "'" || slice[m.index - 1] === '’')) {
      out.length = prevAt;
      raw = prevRaw + (raw[0] === 'n' || raw[0] === 'N' ? '' : '’') + raw;
      s = prevStart;
    }
    prevRaw = raw;
    prevStart = s;
    prevAt = out.length;
    for (const f of foldedWord(raw)) out.push({ raw, key: f.key, stem: f.stem, start: s, end: e });
  }
  return { tokens: mergeNumbers(out, text), words };
}

interface Folded {
  key: string;
  stem: string;
}
/**
 * The comparison keys and stems of one raw word (kept: a language repeats its words, and folding one
 * is a handful of regular expressions).
 */
const foldedWord = keptResults((raw: string): readonly Folded[] => foldWord(baseForm(raw)).map((key) => ({ key, stem: stem(key) })), 50_000);

/** Separators between words reduced to what matters for a punctuation comparison. */
export function punctuationOf(between: string): string {
  return between
    .replace(/\s+/g, '')
    .replace(/[–—―]|--/g, '-')
    .replace(/[“”„«»"]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/…/g, '...');
}

/** Removes leading and trailing punctuation and whitespace (the marks a sentence needs around a quote). */
export function trimEdges(text: string): { start: number; end: number } {
  let s = 0;
  let e = text.length;
  while (s < e && !/[\p{L}\p{N}\[]/u.test(text[s])) s++;
  while (e > s && !/[\p{L}\p{N}\])]/u.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/** Counts words the way readers do (contractions count once). */
export function wordCount(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) n++;
  return n;
}
