/** Word diffs and replacement wordings derived from an alignment. */
import type { Alignment } from './align';
import type { Comparable, Comparison } from './classify';
import type { DiffPart, Span, Token } from './types';

/** Distinct on-screen words: a contraction's expanded tokens share one start. */
function words(tokens: readonly Token[], from: number, to: number): Token[] {
  const out: Token[] = [];
  for (let i = from; i < to; i++) if (!out.length || out[out.length - 1].start !== tokens[i].start) out.push(tokens[i]);
  return out;
}

/**
 * The source's aligned region diffed against the checked quote: `removed` words are the draft's that the
 * source lacks, `added` the source's that the draft lacks. Source text outside the region is elided.
 */
export function wordDiff(a: Comparable, b: Comparable, c: Comparison): DiffPart[] {
  const al = c.relation === 'paraphrase' ? globalAlignment(a.tokens, b.tokens) : c.alignment;
  if (!al) return [{ op: 'same', text: b.text }];
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string): void => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += ' ' + text;
    else parts.push({ op, text });
  };
  const paraphrase = c.relation === 'paraphrase';
  if (c.edgeChange.left && !paraphrase) {
    push('removed', a.tokens[al.aStart - 1].raw);
    push('added', b.tokens[al.bStart - 1].raw);
  } else if (al.bStart > 0) push('same', '…');
  const seenA = new Set<number>();
  const seenB = new Set<number>();
  for (const op of al.ops) {
    const ta = a.tokens[op.a];
    const tb = b.tokens[op.b];
    if ((op.kind === 'eq' || op.kind === 'sub' || op.kind === 'ins') && seenB.has(tb.start)) continue;
    if (op.kind === 'eq') { seenB.add(tb.start); push('same', withPunctuation(b, op.b, al.bEnd)); continue; }
    if ((op.kind === 'sub' || op.kind === 'del') && !seenA.has(ta.start)) { seenA.add(ta.start); push('removed', withPunctuation(a, op.a, al.aEnd)); }
    if (op.kind === 'sub' || op.kind === 'ins') { seenB.add(tb.start); push('added', withPunctuation(b, op.b, al.bEnd)); }
  }
  if (paraphrase) return parts;
  if (c.edgeChange.right) {
    push('removed', a.tokens[al.aEnd].raw);
    push('added', b.tokens[al.bEnd].raw);
  } else if (al.bEnd < b.tokens.length) push('same', '…');
  return parts;
}

/** A word with the punctuation that follows it up to the next word ("clear," / "vehemently –"). */
function withPunctuation(q: Comparable, i: number, regionEnd: number): string {
  const t = q.tokens[i];
  let j = i + 1;
  while (j < q.tokens.length && q.tokens[j].start === t.start) j++;
  const to = j < regionEnd ? q.tokens[j].start : t.end;
  return q.text.slice(t.start - q.start, to - q.start).trim();
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
