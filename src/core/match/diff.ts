/** Word diffs and replacement wordings derived from an alignment. */
import type { Alignment } from './align';
import type { Comparable, Comparison } from './classify';
import type { DiffPart, Span, Token } from '../types';

/**
 * The source's aligned region diffed against the checked quote: `removed` words are the draft's that the
 * source lacks, `added` the source's that the draft lacks. Each word keeps the punctuation and spacing
 * its own text has around it; source text outside the region is elided with "…".
 */
export function wordDiff(a: Comparable, b: Comparable, c: Comparison): DiffPart[] {
  const paraphrase = c.relation === 'paraphrase';
  const al = paraphrase ? globalAlignment(a.tokens, b.tokens) : c.alignment;
  if (!al) return [{ op: 'same', text: b.text }];
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string): void => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else {
      // Words from the two quotes meet here: keep them apart even where one quote ended ("Bali," + "The").
      if (last && !/\s$/.test(last.text)) last.text += ' ';
      parts.push({ op, text });
    }
  };
  const seen = { a: new Set<number>(), b: new Set<number>() };
  /** Emits word `i` of quote `q` once (a contraction's tokens share one start). */
  const word = (op: DiffPart['op'], q: Comparable, side: 'a' | 'b', i: number, first: boolean): void => {
    const t = q.tokens[i];
    if (seen[side].has(t.start)) return;
    seen[side].add(t.start);
    push(op, (first ? openingPunctuation(q, i) : '') + withFollowing(q, i));
  };
  if (c.edgeChange.left && !paraphrase) {
    word('removed', a, 'a', al.aStart - 1, true);
    word('added', b, 'b', al.bStart - 1, true);
  } else if (al.bStart > 0) push('same', '… ');
  let firstB = !c.edgeChange.left || paraphrase;
  let firstA = firstB;
  for (const op of al.ops) {
    if (op.kind === 'eq') word('same', b, 'b', op.b, firstB);
    if (op.kind === 'sub' || op.kind === 'del') { word('removed', a, 'a', op.a, firstA); firstA = false; }
    if (op.kind === 'sub' || op.kind === 'ins') word('added', b, 'b', op.b, firstB);
    if (op.kind !== 'del') firstB = false;
    if (op.kind === 'eq') firstA = false;
  }
  if (!paraphrase && c.edgeChange.right) {
    word('removed', a, 'a', al.aEnd, false);
    word('added', b, 'b', al.bEnd, false);
  } else if (!paraphrase && al.bEnd < b.tokens.length) push('same', ' …');
  const last = parts[parts.length - 1];
  if (last) last.text = last.text.trimEnd();
  return parts.filter((p) => p.text !== '');
}

/** A word and what follows it up to the next word: "clear, " / "vehemently – " / "Bali." at the end. */
function withFollowing(q: Comparable, i: number): string {
  const t = q.tokens[i];
  let j = i + 1;
  while (j < q.tokens.length && q.tokens[j].start === t.start) j++;
  const to = j < q.tokens.length ? q.tokens[j].start : q.start + q.text.length;
  return q.text.slice(t.start - q.start, to - q.start);
}

/** Opening punctuation glued to a word that starts a run: the "[" of "[x]", the "‘" of "‘good’". */
function openingPunctuation(q: Comparable, i: number): string {
  const from = i > 0 ? q.tokens[i - 1].end : q.start;
  return /\S*$/.exec(q.text.slice(from - q.start, q.tokens[i].start - q.start))![0];
}

/** Whole-quote alignment (LCS on words) for showing a paraphrase in full; null for huge quotes. */
function globalAlignment(a: readonly Token[], b: readonly Token[]): Alignment | null {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > 250_000) return null;
  const L = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      L[i * (m + 1) + j] = a[i].key === b[j].key ? L[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(L[(i + 1) * (m + 1) + j], L[i * (m + 1) + j + 1]);
  const ops: Alignment['ops'] = [];
  let i = 0;
  let j = 0;
  let matched = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i].key === b[j].key) { ops.push({ kind: 'eq', a: i++, b: j++ }); matched++; }
    else if (j < m && (i === n || L[i * (m + 1) + j + 1] >= L[(i + 1) * (m + 1) + j])) ops.push({ kind: 'ins', a: i, b: j++ });
    else ops.push({ kind: 'del', a: i++, b: j });
  }
  return { aStart: 0, aEnd: n, bStart: 0, bEnd: m, ops, matched };
}

/**
 * The source's wording stretched over the checked quote's whole extent: the aligned source text, plus
 * the draft's own words where the source does not cover them, keeping the draft's outer punctuation.
 * Returns the new quote text (null when the source cannot cover the draft's words) and the source span.
 */
export function replacementWording(a: Comparable, b: Comparable, c: Comparison): { text: string | null; region: Span } {
  const al = c.alignment;
  if (!al || c.relation === 'paraphrase') {
    const t = trimmed(b);
    return { text: null, region: t.region };
  }
  // At an edge where both go on with different words, the draft's extra words are replaced by as many
  // of the source's; when the source has fewer there, no wording of it covers the draft.
  const leftA = al.aStart;
  const rightA = a.tokens.length - al.aEnd;
  const extraLeft = c.edgeChange.left ? leftA : 0;
  const extraRight = c.edgeChange.right ? rightA : 0;
  const region = { start: b.tokens[al.bStart].start, end: b.tokens[al.bEnd - 1].end };
  if (extraLeft > al.bStart || extraRight > b.tokens.length - al.bEnd) return { text: null, region };
  const aFrom = a.tokens[al.aStart - extraLeft].start - a.start;
  const aTo = a.tokens[al.aEnd - 1 + extraRight].end - a.start;
  const bFrom = b.tokens[al.bStart - extraLeft].start;
  const bTo = b.tokens[al.bEnd - 1 + extraRight].end;
  const sourceText = b.text.slice(bFrom - b.start, bTo - b.start);
  const text = a.text.slice(0, aFrom) + matchApostrophes(a.text, sourceText) + a.text.slice(aTo);
  return { text, region: { start: bFrom, end: bTo } };
}

function trimmed(b: Comparable): { region: Span } {
  const first = b.tokens[0];
  const last = b.tokens[b.tokens.length - 1];
  if (!first) return { region: { start: b.start, end: b.start + b.text.length } };
  return { region: { start: first.start, end: last.end } };
}

/** Writes apostrophes the way the draft does, so a fix does not mix ’ and '. */
function matchApostrophes(draft: string, text: string): string {
  if (draft.includes('’')) return text.replace(/(\p{L})'(\p{L})/gu, '$1’$2');
  if (draft.includes("'")) return text.replace(/(\p{L})’(\p{L})/gu, "$1'$2");
  return text;
}

export type { Alignment };

/**
 * Renders diff parts as one string: `mark(op, text)` wraps each removed or added run, whose surrounding
 * whitespace stays outside the mark (so Markdown's `~~word~~` and `**word**` still form), and `plain`
 * renders the unchanged text.
 */
export function renderDiff(parts: readonly DiffPart[], mark: (op: 'removed' | 'added', text: string) => string, plain: (text: string) => string): string {
  return parts
    .map((p, i) => {
      if (p.op === 'same') return plain(p.text);
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(p.text)!;
      // A replacement reads "[-so.-] {+that.+}": the two runs never touch.
      const gap = !m[3] && parts[i + 1]?.op === 'added' ? ' ' : m[3];
      return m[2] ? plain(m[1]) + mark(p.op, m[2]) + plain(gap) : plain(p.text);
    })
    .join('');
}
