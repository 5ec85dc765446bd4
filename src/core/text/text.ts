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
const WORD = /&|\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?[a-z]*|[\p{L}\p{M}\p{N}*]+(?:(?:['’‘.]|-{2,})[\p{L}\p{M}\p{N}*]+)*(?:(?=---)(?<=(?:^|[^\p{L}])\p{L}{1,2})-{3,}(?![\p{L}\p{N}]))?/gu;
// (An opening mark between two letters is an apostrophe typed wrong, "Trump‘s": no quote opens mid-word.)
// (The look-ahead for the dashes comes first: the look-behind at the end of every word was half the
// tokenizer's time.)

const PLAIN = /^[A-Za-z0-9]+$/;
// The part of a contraction a tokenised text sets apart: n't, or 's, 're, 've, 'll, 'm, 'd after the mark.
const CLITIC = /^(?:n['’]t|s|re|ve|ll|m|d)$/i;
/** CLITIC.test(raw) for a word of at most three characters, without the pattern when it cannot match. */
function isClitic(raw: string): boolean {
  const a = raw.charCodeAt(0) | 0x20; // lower-cased when a letter
  if (raw.length === 1) return a === 115 /* s */ || a === 109 /* m */ || a === 100; /* d */
  if (raw.length === 2) {
    const b = raw.charCodeAt(1) | 0x20;
    return b === 101 /* e */ ? a === 114 /* r */ || a === 118 /* v */ : a === 108 /* l */ && b === 108;
  }
  return a === 110 /* n */ && CLITIC.test(raw);
}
const isAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

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
  for (let at = 0; ; ) {
    // WORD's next match, read by hand when it is a plain run of ASCII letters and digits (most words).
    let index = -1;
    let raw = '';
    for (; at < slice.length; at++) {
      const c = slice.charCodeAt(at);
      if (c >= 128 || c === 38 /* & */ || c === 42 /* * */) break; // the pattern decides
      if (!isAlnum(c)) continue; // no match starts here
      let q = at + 1;
      while (q < slice.length && isAlnum(slice.charCodeAt(q))) q++;
      const next = q < slice.length ? slice.charCodeAt(q) : 32;
      // What follows could extend the word (a joiner, a mark, "*", dashes) or make it a number with
      // thousands separators ("1,000", tried first): the pattern decides.
      if (next >= 128 || next === 42 /* * */ || next === 39 /* ' */ || next === 46 /* . */ || next === 45 /* - */ || (next === 44 /* , */ && c >= 48 && c <= 57)) break;
      index = at;
      raw = slice.slice(at, q);
      at = q;
      break;
    }
    if (index < 0) {
      if (at >= slice.length) break;
      WORD.lastIndex = at;
      const m = WORD.exec(slice);
      if (!m) break;
      index = m.index;
      raw = m[0];
      at = index + raw.length;
    }
    words++;
    let s = start + index;
    const e = s + raw.length;
    // Tokenised text splits contractions off their word ("do n't", "it 's", "Trump 's"): join them back.
    if (prevRaw !== null && raw.length <= 3 && isClitic(raw) && /\s['’]$|\s$/.test(slice.slice(Math.max(0, index - 2), index)) && (raw[0] === 'n' || slice[index - 1] === "'" || slice[index - 1] === '’')) {
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
