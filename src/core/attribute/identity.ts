/**
 * Which person a name is: its family name, the full name a short one stands for among the names seen
 * so far ("Trump" → Donald Trump), one key however an article spells it, and whether two speakers'
 * names can be one person.
 */
import { keptResults } from '../kept';
import { partitionPoint } from '../sorted';
import { lower, TITLE } from './names';

const SUFFIX = /^(?:Jr|Sr|II|III|IV)\.?$/;
const ASCII = /^[\x00-\x7f]*$/;

/** The family name: the last word that is not a generational suffix. */
export const surnameOf = keptResults(familyName, 20_000); // (kept: asked of the same few names over and over)

function familyName(name: string): string {
  const words = name.split(' ').filter((w) => !SUFFIX.test(w));
  const last = words[words.length - 1] ?? name;
  // (ASCII has nothing to decompose: most names skip the normalisation.)
  return (ASCII.test(last) ? last : last.normalize('NFKD').replace(/\p{M}+/gu, '')).toLowerCase();
}

/**
 * The full name a short name stands for among `known` (latest first): one whose family name it is
 * ("Trump" → Donald Trump, not Donald Trump Jr.), else one that contains each of its words (a Chinese
 * surname first, "Xi" → Xi Jinping; or a given name used as a surname, "Mr Gang" → Qin Gang); else null.
 * Only the first `upTo` names of `known` are considered.
 */
export function resolveName(short: string, known: readonly string[], upTo = known.length): string | null {
  return new NameBook(known).resolve(short, upTo);
}

/**
 * `resolveName` over a fixed list, indexed by word so that each look-up reads only the names that
 * share a word with the short name (a long article names thousands of people).
 */
export class NameBook {
  /** word → each distinct full name containing it → where that name occurs in `known`, ascending. */
  private readonly byWord = new Map<string, Map<string, number[]>>();

  constructor(private readonly known: readonly string[]) {
    known.forEach((full, i) => {
      for (const w of new Set(full.split(' '))) {
        let names = this.byWord.get(w);
        if (!names) this.byWord.set(w, (names = new Map()));
        const at = names.get(full);
        if (at) at.push(i);
        else names.set(full, [i]);
      }
    });
  }

  /** See `resolveName`. */
  resolve(short: string, upTo = this.known.length): string | null {
    const words = short.split(' ');
    let best: { full: string; at: number } | null = null;
    let fallback: { full: string; at: number } | null = null;
    for (const [full, positions] of this.byWord.get(words[0]) ?? []) {
      if (full === short) continue;
      const at = lastBelow(positions, upTo);
      if (at < 0) continue;
      const fullWords = full.split(' ');
      if (fullWords.length <= words.length || !words.every((w) => fullWords.includes(w))) continue;
      if (SUFFIX.test(fullWords[fullWords.length - 1])) continue;
      if (surnameOf(full) === surnameOf(short)) {
        if (!best || at > best.at) best = { full, at };
      } else if (!fallback || at > fallback.at) fallback = { full, at };
    }
    return (best ?? fallback)?.full ?? null;
  }
}

/** The largest value in ascending `list` below `limit`, or -1. */
function lastBelow(list: readonly number[], limit: number): number {
  const n = partitionPoint(list, (x) => x < limit);
  return n > 0 ? list[n - 1] : -1;
}

/**
 * A person's key, the same however an article spells the name: diacritics folded, hyphens as spaces,
 * titles, middle initials and generational suffixes dropped ("Kim Jong-un" = "Kim Jong Un",
 * "Donald J. Trump" = "Donald Trump", "Mr. Xi" = "xi").
 */
export function entityKey(name: string): string {
  const words = name.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[’']s?$/, '').replace(/[-‐]/g, ' ').split(/\s+/).filter(Boolean);
  const kept = words.filter((w, i) => !SUFFIX.test(w) && !(i > 0 && i < words.length - 1 && /^\p{Lu}\.?$/u.test(w)));
  let i = 0;
  while (i < kept.length - 1 && TITLE.has(lower(kept[i]))) i++;
  return kept.slice(i).map((w) => w.replace(/\./g, '').toLowerCase()).join(' ');
}

// Common English short forms of given names whose spelling is no prefix of the full one (Mike Thibodeau
// is Michael Thibodeau); short forms that are a prefix ("Dan", "Chris") are caught by rule.
const SHORT_FORM: Readonly<Record<string, readonly string[]>> = {
  mike: ['michael'], bill: ['william'], billy: ['william'], bob: ['robert'], bobby: ['robert'], rob: ['robert'],
  jim: ['james'], jimmy: ['james'], joe: ['joseph'], dick: ['richard'], rick: ['richard'], ted: ['edward', 'theodore'],
  chuck: ['charles'], charlie: ['charles'], jack: ['john'], harry: ['henry', 'harold'], peggy: ['margaret'],
  maggie: ['margaret'], liz: ['elizabeth'], beth: ['elizabeth'], betsy: ['elizabeth'], kate: ['katherine', 'catherine', 'kathleen'],
  larry: ['lawrence'], jerry: ['gerald', 'jerrold', 'jerome'], tony: ['anthony'], andy: ['andrew'], steve: ['stephen', 'steven'],
  sue: ['susan'], peg: ['margaret'], hank: ['henry'], ned: ['edward'], bernie: ['bernard'], newt: ['newton'],
};
const shortFormOf = (short: string, full: string): boolean =>
  (SHORT_FORM[short]?.includes(full) ?? false) || (short.length >= 3 && short.length <= 5 && full.length > short.length + 1 && full.startsWith(short));

/** True when two given names are one name: equal, an initial or short form of the other, or one letter apart (Vicente, Vincente). */
function sameGiven(x: string, y: string): boolean {
  if (x === y || (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) return true;
  if (shortFormOf(x, y) || shortFormOf(y, x)) return true;
  if (Math.min(x.length, y.length) < 5 || Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  const tail = (s: string, n: number): string => s.slice(n);
  return tail(x, i + 1) === tail(y, i + 1) || tail(x, i + 1) === tail(y, i) || tail(x, i) === tail(y, i + 1);
}

/**
 * True when two speaker names can be the same person: one key's words all in the other's ("Reid" and
 * "Harry Reid", "Xi" and "Xi Jinping"), or the same family name and given names that agree; two full
 * names with different given names are two people (Dick and Mary Cheney).
 */
export function sameSpeaker(a: string, b: string): boolean {
  if (a === b) return true;
  const wa = entityKey(a).split(' ');
  const wb = entityKey(b).split(' ');
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (short.every((w) => long.includes(w))) return true;
  return wa[wa.length - 1] === wb[wb.length - 1] && (wa.length < 2 || wb.length < 2 || sameGiven(wa[0], wb[0]));
}
