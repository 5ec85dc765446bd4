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
  const al = c.alignment;
  if (!al) return [{ op: 'same', text: b.text }];
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string): void => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += ' ' + text;
    else parts.push({ op, text });
  };
  if (c.edgeChange.left) {
    push('removed', a.tokens[al.aStart - 1].raw);
    push('added', b.tokens[al.bStart - 1].raw);
  } else if (al.bStart > 0) push('same', '…');
  const seenA = new Set<number>();
  const seenB = new Set<number>();
  for (const op of al.ops) {
    const ta = a.tokens[op.a];
    const tb = b.tokens[op.b];
    if ((op.kind === 'eq' || op.kind === 'sub' || op.kind === 'ins') && seenB.has(tb.start)) continue;
    if (op.kind === 'eq') { seenB.add(tb.start); push('same', tb.raw); continue; }
    if ((op.kind === 'sub' || op.kind === 'del') && !seenA.has(ta.start)) { seenA.add(ta.start); push('removed', ta.raw); }
    if (op.kind === 'sub' || op.kind === 'ins') { seenB.add(tb.start); push('added', tb.raw); }
  }
  if (c.edgeChange.right) {
    push('removed', a.tokens[al.aEnd].raw);
    push('added', b.tokens[al.bEnd].raw);
  } else if (al.bEnd < b.tokens.length) push('same', '…');
  return parts;
}

/**
 * The source's wording stretched over the checked quote's whole extent: the aligned source text, plus
 * the draft's own words where the source does not cover them, keeping the draft's outer punctuation.
 * Returns the new quote text and the source span used.
 */
export function replacementWording(a: Comparable, b: Comparable, c: Comparison): { text: string; region: Span } {
  const al = c.alignment;
  if (!al || c.relation === 'paraphrase') {
    const t = trimmed(b);
    return { text: keepOuterPunctuation(a, t.text), region: t.region };
  }
  const extraLeft = c.edgeChange.left ? Math.min(al.aStart, al.bStart) : 0;
  const extraRight = c.edgeChange.right ? Math.min(a.tokens.length - al.aEnd, b.tokens.length - al.bEnd) : 0;
  const aFrom = a.tokens[al.aStart - extraLeft].start - a.start;
  const aTo = a.tokens[al.aEnd - 1 + extraRight].end - a.start;
  const bFrom = b.tokens[al.bStart - extraLeft].start;
  const bTo = b.tokens[al.bEnd - 1 + extraRight].end;
  const sourceText = b.text.slice(bFrom - b.start, bTo - b.start);
  const text = a.text.slice(0, aFrom) + matchApostrophes(a.text, sourceText) + a.text.slice(aTo);
  return { text, region: { start: bFrom, end: bTo } };
}

function trimmed(b: Comparable): { text: string; region: Span } {
  const first = b.tokens[0];
  const last = b.tokens[b.tokens.length - 1];
  if (!first) return { text: b.text, region: { start: b.start, end: b.start + b.text.length } };
  return { text: b.text.slice(first.start - b.start, last.end - b.start), region: { start: first.start, end: last.end } };
}

function keepOuterPunctuation(a: Comparable, inner: string): string {
  const first = a.tokens[0];
  const last = a.tokens[a.tokens.length - 1];
  if (!first) return inner;
  return a.text.slice(0, first.start - a.start) + inner + a.text.slice(last.end - a.start);
}

/** Writes apostrophes the way the draft does, so a fix does not mix ’ and '. */
function matchApostrophes(draft: string, text: string): string {
  if (draft.includes('’')) return text.replace(/(\p{L})'(\p{L})/gu, '$1’$2');
  if (draft.includes("'")) return text.replace(/(\p{L})’(\p{L})/gu, "$1'$2");
  return text;
}

export type { Alignment };
