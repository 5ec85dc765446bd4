/**
 * Numbers as the press writes them, folded to one value so that "$1m", "$1 million" and "$1,000,000",
 * "1.5bn" and "1.5 billion", "10%", "10 per cent" and "ten percent", "21st" and "twenty-first" compare
 * equal, while a different value stays a different word (a changed number is a meaning change).
 * Works on tokens whose keys the word folds already made numeric ("ten" → "10", "million" → "1000000").
 */
import type { Token } from '../types';

const SCALE: Record<string, number> = { '100': 1e2, '1000': 1e3, '1000000': 1e6, '1000000000': 1e9, '1000000000000': 1e12 };
// Scale letters glued to a numeral: 10k, $1m, 1.5bn, 2tn (press style guides use these).
const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, tn: 1e12, trn: 1e12 };
const NUMERAL = /^(\d+(?:\.\d+)?)(k|m|mn|bn|tn|trn)?$/;
const ORDINAL = /^(\d+)(st|nd|rd|th)$/;

/** The value of a numeric key ("1.5bn" → 1.5e9), or null. */
function valueOf(key: string): number | null {
  const m = NUMERAL.exec(key);
  if (!m) return null;
  return Number(m[1]) * (m[2] ? SUFFIX[m[2]] : 1);
}

const show = (v: number): string => String(Math.round(v * 1e6) / 1e6);
const ordinalSuffix = (n: number): string => {
  const t = n % 100;
  if (t >= 11 && t <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
};

/**
 * Joins the tokens of one written number into one token keyed by its value: a numeral or number word,
 * optionally a tens word's unit ("twenty-five"), scale words ("1.5 billion", "two hundred thousand") and
 * a percent ("%", "percent", "per cent"). `text` is the document the offsets point into.
 */
export function mergeNumbers(tokens: Token[], text: string): Token[] {
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const c = t.key.charCodeAt(0);
    if (!(c >= 48 && c <= 57) && t.key !== '%') { out?.push(t); continue; } // not a digit: most words
    let value = valueOf(t.key);
    let j = i + 1;
    let key: string | null = null;
    if (value !== null) {
      // A tens word and a unit: "twenty-five", "twenty-first".
      const next = tokens[j];
      if (next && value >= 20 && value < 100 && value % 10 === 0 && /^[a-z]/i.test(t.raw) && /^[a-z]/i.test(next.raw)) {
        const unit = Number(next.key);
        const ord = ORDINAL.exec(next.key);
        if (unit >= 1 && unit <= 9 && String(unit) === next.key) { value += unit; j++; }
        else if (ord && Number(ord[1]) <= 9) { const n = value + Number(ord[1]); key = n + ordinalSuffix(n); j++; }
      }
      while (key === null && j < tokens.length && SCALE[tokens[j].key] && /^[a-z]/i.test(tokens[j].raw) && (SCALE[tokens[j].key] > value || value < 1000)) {
        value *= SCALE[tokens[j].key];
        j++;
      }
      if (key === null) {
        key = show(value);
        if (text[tokens[j - 1].end] === '%') key += '%';
        else if (tokens[j]?.key === '%') { key += '%'; j++; }
        else if (tokens[j]?.key === 'per' && tokens[j + 1]?.key === 'cent') { key += '%'; j += 2; }
      }
    } else if (ORDINAL.test(t.key)) {
      const o = ORDINAL.exec(t.key)!;
      key = Number(o[1]) + ordinalSuffix(Number(o[1]));
    }
    if (key === null || (j === i + 1 && key === t.key)) { out?.push(t); continue; }
    out ??= tokens.slice(0, i);
    const last = tokens[j - 1];
    out.push({ raw: text.slice(t.start, last.end), key, stem: key, start: t.start, end: last.end });
    i = j - 1;
  }
  return out ?? tokens;
}
