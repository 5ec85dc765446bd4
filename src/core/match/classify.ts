/**
 * Stage 6: is an aligned pair the same utterance, and how does the wording differ? Decides the link,
 * the relation (identical < excerpt < punctuation < spelling < variant < paraphrase, the most
 * significant wins), a score, and the list of changed words.
 */
import { align, type Alignment, type Op } from './align';
import type { Options } from '../config/options';
import { sameSpeaker } from '../attribute/identity';
import { punctuationOf } from '../text/text';
import { isContent, nameOnly, weakEvidence } from './evidence';
import { respelling, type Respelling } from './respell';
import type { Relation, Token } from '../types';

/** What classification needs of a quote. */
export interface Comparable {
  text: string;
  /** Offset of the quote's text in its document; token offsets are document offsets. */
  start: number;
  tokens: Token[];
  /** Distinct content stems. */
  stems: string[];
  speaker: string | null;
  speakerConfidence: number;
}

export interface Comparison {
  relation: Relation;
  score: number;
  alignment: Alignment | null;
  /** The words changed, for messages and severity: [draft words, source words]. */
  changes: { removed: Token[]; added: Token[] }[];
  /** Changes that are the same words written otherwise (a compound, an alias, a misspelt name or word). */
  respelled: { removed: Token[]; added: Token[]; kind: Respelling }[];
  /** True when the aligned pair differs at an edge by a substituted word. */
  edgeChange: { left: boolean; right: boolean };
  speakerConflict: boolean;
}

const BOUNDARY = /[.,;:!?\-…]|\.\.\./;

/** The comparison of draft quote `a` with source quote `b`, or null when they are not the same utterance. */
export function compare(a: Comparable, b: Comparable, options: Options): Comparison | null {
  const m = options.match;
  const al = align(a.tokens, b.tokens, m.maxAlignWords);
  const shorter = Math.min(a.tokens.length, b.tokens.length);
  const matched = al?.matched ?? 0;
  const coverage = shorter === 0 ? 0 : matched / shorter;
  const regionLen = al ? Math.max(al.aEnd - al.aStart, al.bEnd - al.bStart) : 0;
  const density = regionLen === 0 ? 0 : matched / regionLen;
  const containment = stemContainment(a.stems, b.stems);
  const minStems = Math.min(a.stems.length, b.stems.length);

  const wholeShortMatch = al !== null && coverage === 1 && matched >= m.minWords && minStems >= 1;
  // Two excerpts of one utterance that overlap at their ends ("rusted out factories scattered like
  // tombstones" / "scattered like tombstones across the landscape").
  const chained = al !== null && matched >= 3 && density === 1 && minStems >= 2 &&
    ((al.aStart === 0 && al.bEnd === b.tokens.length) || (al.bStart === 0 && al.aEnd === a.tokens.length));
  const alignLink = matched >= m.minAlignedWords && density >= m.minDensity && coverage >= 0.3;
  const bagLink = containment >= m.minContainment && minStems >= 3 && matched >= 2;
  // An unsure speaker is a wildcard: only two confident speakers who are different people conflict.
  const sure = (x: Comparable): boolean => x.speaker !== null && x.speakerConfidence >= options.attribute.blocking;
  const speakerConflict = sure(a) && sure(b) && !sameSpeaker(a.speaker!, b.speaker!);
  const edgeChange = al ? edgeChanges(a, b, al) : { left: false, right: false };
  // A short quote that matches a run of the other but for a word substituted at its edge ("committed to
  // doing so" / "committed to doing that"): weak evidence, so only for a speaker both sides name, and
  // only where both sentences end (or begin) at the changed word: "Don't believe it." against "I do
  // not believe in my lifetime, …" is another sentence that opens alike.
  const edgeWords = (edgeChange.left ? 1 : 0) + (edgeChange.right ? 1 : 0);
  const shortEdgeLink = matched >= 3 && edgeWords > 0 && matched + edgeWords >= shorter && minStems >= 1 &&
    al !== null && edgeWordsClose(a, b, al, edgeChange) &&
    a.speaker !== null && b.speaker !== null && !speakerConflict;
  if (!wholeShortMatch && !alignLink && !bagLink && !shortEdgeLink && !chained) return null;
  // A name alone is in every quote that names the person: not an excerpt of any one of them.
  if (a.tokens.length !== b.tokens.length && nameOnly(a.tokens.length < b.tokens.length ? a : b)) return null;
  // Unless their content words agree too (a paraphrase), quotes that part ways for good are two sentences.
  if (al && !bagLink && divergent(a, b, al, edgeChange, m.maxDivergentEdge)) return null;

  // Another speaker's words link only when they are nearly the whole shorter quote: echoes don't.
  if (speakerConflict && !(coverage >= m.otherSpeakerCoverage && matched >= m.minAlignedWords)) return null;

  const { changes, respelled } = al ? changedWords(a, b, al, edgeChange) : { changes: [], respelled: [] };
  const wordChange = changes.length > 0 || !al || (al !== null && (elided(a, b, al) || ellipsisAtEdge(a, b, al)));
  // Words changed between two quotes are a finding only when the two are surely one utterance; in
  // news, a few words in common ("a lot of people", "President of the United States", "the worst thing
  // that ever happened to …") recur across different utterances (evidence.ts).
  // (A short quote of a named speaker that differs from the other's words by a function word at its
  // edge, "committed to doing so" / "… committed to doing that", is still theirs.)
  const functionWordsOnly = shortEdgeLink && changes.every((c) => !c.removed.some(isContent) && !c.added.some(isContent));
  if (wordChange && !functionWordsOnly && weakEvidence(a, b, al, coverage, bagLink, m.minContainment)) return null;
  let relation: Relation;
  if (wordChange) {
    // Words left out at an ellipsis, with the rest the same, are a variant however much was left out.
    const sparse = changes.length > 0 && (coverage < 0.5 || density < 0.5);
    relation = !alignLink && !wholeShortMatch && !shortEdgeLink && !chained ? 'paraphrase' : sparse ? 'paraphrase' : 'variant';
  } else if (al && (respelled.length > 0 || spellingDiffers(a, b, al))) {
    relation = 'spelling';
  } else if (al && partial(a, b, al) && !asideRepunctuated(a, b, al)) {
    // Cutting a quote from its sentence changes a mark or two (a comma for a full stop): still an excerpt.
    relation = 'excerpt';
  } else if (al && punctuationDiffers(a, b, al)) {
    relation = 'punctuation';
  } else if (al && partial(a, b, al)) {
    relation = 'excerpt';
  } else {
    relation = 'identical';
  }
  const alignScore = regionLen === 0 ? 0 : (2 * matched) / (al!.aEnd - al!.aStart + al!.bEnd - al!.bStart);
  const score = Math.round(Math.max(alignScore * Math.min(1, coverage + 0.5), containment * 0.8) * 100) / 100;
  return { relation, score, alignment: al, changes, respelled, edgeChange, speakerConflict };
}

/** Both quotes go on past the aligned part, differently, for more than `max` words at one edge. */
function divergent(a: Comparable, b: Comparable, al: Alignment, edge: { left: boolean; right: boolean }, max: number): boolean {
  if (edge.left && Math.min(al.aStart, al.bStart) > max) return true;
  return edge.right && Math.min(a.tokens.length - al.aEnd, b.tokens.length - al.bEnd) > max;
}

/**
 * Words left out inside the quote, usually marked "…": the words before (or after) the aligned part
 * also align, in the same order, with the other quote's words before (or after) it.
 */
function elided(a: Comparable, b: Comparable, al: Alignment): boolean {
  const near = (x: Token[], y: Token[]): boolean => {
    const sub = align(x, y);
    return sub !== null && sub.matched >= 3 && sub.matched / Math.max(sub.aEnd - sub.aStart, sub.bEnd - sub.bStart) >= 0.8;
  };
  if (al.aStart >= 3 && al.bStart >= 3 && near(a.tokens.slice(0, al.aStart), b.tokens.slice(0, al.bStart))) return true;
  return a.tokens.length - al.aEnd >= 3 && b.tokens.length - al.bEnd >= 3 && near(a.tokens.slice(al.aEnd), b.tokens.slice(al.bEnd));
}

const ELLIPSIS = /\.\.\.|…/;

/**
 * An elision mark at the edge of the aligned part, inside one quote (its words go on past the mark),
 * where the other quote goes on with words of its own: the draft left out words the source has there.
 */
function ellipsisAtEdge(a: Comparable, b: Comparable, al: Alignment): boolean {
  const markBefore = (q: Comparable, i: number): boolean => i > 0 && ELLIPSIS.test(gap(q, q.tokens[i - 1], q.tokens[i]));
  const markAfter = (q: Comparable, i: number): boolean => i < q.tokens.length && ELLIPSIS.test(gap(q, q.tokens[i - 1], q.tokens[i]));
  const left = (markBefore(a, al.aStart) && al.bStart > 0) || (markBefore(b, al.bStart) && al.aStart > 0);
  return left || (markAfter(a, al.aEnd) && al.bEnd < b.tokens.length) || (markAfter(b, al.bEnd) && al.aEnd < a.tokens.length);
}

function stemContainment(x: readonly string[], y: readonly string[]): number {
  if (x.length === 0 || y.length === 0) return 0;
  const [small, big] = x.length <= y.length ? [x, new Set(y)] : [y, new Set(x)];
  let n = 0;
  for (const s of small) if (big.has(s)) n++;
  return n / small.length;
}

/** The text between two tokens of a quote, as punctuation. */
function gap(q: Comparable, left: Token, right: Token): string {
  return punctuationOf(q.text.slice(left.end - q.start, right.start - q.start));
}

/** At each edge, both quotes go on past the aligned region without a clause boundary: a changed word. */
function edgeChanges(a: Comparable, b: Comparable, al: Alignment): { left: boolean; right: boolean } {
  const open = (q: Comparable, i: number): boolean => i > 0 && q.tokens[i - 1].start !== q.tokens[i].start && !BOUNDARY.test(gap(q, q.tokens[i - 1], q.tokens[i]));
  const close = (q: Comparable, i: number): boolean =>
    i < q.tokens.length && q.tokens[i - 1].start !== q.tokens[i].start && !BOUNDARY.test(gap(q, q.tokens[i - 1], q.tokens[i]));
  return {
    left: open(a, al.aStart) && open(b, al.bStart),
    right: close(a, al.aEnd) && close(b, al.bEnd),
  };
}

/** Both quotes' clauses end after the changed word at the right edge (and begin before it at the left). */
function edgeWordsClose(a: Comparable, b: Comparable, al: Alignment, edge: { left: boolean; right: boolean }): boolean {
  const endsAfter = (q: Comparable, i: number): boolean =>
    i + 1 >= q.tokens.length || (q.tokens[i + 1].start !== q.tokens[i].start && BOUNDARY.test(gap(q, q.tokens[i], q.tokens[i + 1])));
  const beginsBefore = (q: Comparable, i: number): boolean =>
    i === 0 || (q.tokens[i - 1].start !== q.tokens[i].start && BOUNDARY.test(gap(q, q.tokens[i - 1], q.tokens[i])));
  if (edge.right && !(endsAfter(a, al.aEnd) && endsAfter(b, al.bEnd))) return false;
  return !edge.left || (beginsBefore(a, al.aStart - 1) && beginsBefore(b, al.bStart - 1));
}

function changedWords(a: Comparable, b: Comparable, al: Alignment, edge: { left: boolean; right: boolean }) {
  const out: { removed: Token[]; added: Token[] }[] = [];
  let cur: { removed: Token[]; added: Token[] } | null = null;
  const flush = (): void => {
    if (cur && (cur.removed.length || cur.added.length)) out.push(cur);
    cur = null;
  };
  if (edge.left) out.push(widened([a.tokens[al.aStart - 1]], [b.tokens[al.bStart - 1]], a.tokens[al.aStart - 2], b.tokens[al.bStart - 2], true));
  for (const op of al.ops) {
    if (op.kind === 'eq') { flush(); continue; }
    cur ??= { removed: [], added: [] };
    if (op.kind === 'sub' || op.kind === 'del') pushToken(cur.removed, a.tokens[op.a]);
    if (op.kind === 'sub' || op.kind === 'ins') pushToken(cur.added, b.tokens[op.b]);
  }
  flush();
  if (edge.right) out.push(widened([a.tokens[al.aEnd]], [b.tokens[al.bEnd]], a.tokens[al.aEnd + 1], b.tokens[al.bEnd + 1], false));
  // A contraction against its expansion is spelling, not a change: both fold to the same keys; so are
  // the same words written otherwise (respell.ts).
  const respelled: Comparison['respelled'] = [];
  const changes = out.filter((c) => {
    if (sameKeys(c.removed, c.added)) return false;
    const kind = respelling(c.removed, c.added);
    if (kind) respelled.push({ ...c, kind });
    return kind === null;
  });
  return { changes, respelled };
}

/**
 * A changed word at the edge of the aligned part, with the next word outward on one side when the two
 * make a compound of the other's word (“Our fundraising has” / “Our fund-raising has”: the alignment
 * starts at “has”, and “fundraising” stands against “raising” alone).
 */
function widened(x: Token[], y: Token[], xOut: Token | undefined, yOut: Token | undefined, left: boolean) {
  const join = (ts: Token[], t: Token): Token[] => (left ? [t, ...ts] : [...ts, t]);
  if (yOut && respelling(x, join(y, yOut)) === 'compound') return { removed: x, added: join(y, yOut) };
  if (xOut && respelling(join(x, xOut), y) === 'compound') return { removed: join(x, xOut), added: y };
  return { removed: x, added: y };
}

function pushToken(list: Token[], t: Token): void {
  if (list.length && list[list.length - 1].start === t.start) return; // "we're" is one word on screen
  list.push(t);
}

function sameKeys(x: Token[], y: Token[]): boolean {
  return x.length > 0 && x.map((t) => t.key).join(' ') === y.map((t) => t.key).join(' ');
}

const surface = (t: Token): string => t.raw.toLowerCase().replace(/’/g, "'");

function spellingDiffers(a: Comparable, b: Comparable, al: Alignment): boolean {
  return al.ops.some((op: Op) => op.kind === 'eq' && surface(a.tokens[op.a]) !== surface(b.tokens[op.b]));
}

const partial = (a: Comparable, b: Comparable, al: Alignment): boolean =>
  al.aStart > 0 || al.bStart > 0 || al.aEnd < a.tokens.length || al.bEnd < b.tokens.length;

// A dash (not a word's hyphen) or a bracket.
const ASIDE = /[–—―()[\]]|--|\s-|-\s/;
const between = (q: Comparable, left: Token, right: Token): string => q.text.slice(left.end - q.start, right.start - q.start);

/**
 * An aside set off otherwise: a pair of dashes or brackets in one quote where the other has other marks
 * (commas), a few words apart ("profoundly – even vehemently – disagree" / "profoundly, even
 * vehemently, disagree"). It changes how the quote reads, unlike a mark changed where it was cut.
 */
function asideRepunctuated(a: Comparable, b: Comparable, al: Alignment): boolean {
  let prev: Op | null = null;
  let lastAside = -Infinity;
  let step = 0;
  for (const op of al.ops) {
    if (op.kind !== 'eq') continue;
    step++;
    if (prev) {
      const ga = gap(a, a.tokens[prev.a], a.tokens[op.a]);
      const gb = gap(b, b.tokens[prev.b], b.tokens[op.b]);
      const aside = ASIDE.test(between(a, a.tokens[prev.a], a.tokens[op.a]));
      if (ga !== gb && aside !== ASIDE.test(between(b, b.tokens[prev.b], b.tokens[op.b]))) {
        if (step - lastAside <= 6) return true;
        lastAside = step;
      }
    }
    prev = op;
  }
  return false;
}

function punctuationDiffers(a: Comparable, b: Comparable, al: Alignment): boolean {
  let prev: Op | null = null;
  for (const op of al.ops) {
    if (op.kind !== 'eq') continue;
    if (prev) {
      const ga = gap(a, a.tokens[prev.a], a.tokens[op.a]);
      const gb = gap(b, b.tokens[prev.b], b.tokens[op.b]);
      if (ga !== gb) return true;
    }
    prev = op;
  }
  return false;
}
