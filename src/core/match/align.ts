/**
 * Stage 5: word-level local alignment (Smith–Waterman) of a checked quote A against a source quote B.
 * Local, so an excerpt aligns inside its longer original and each utterance of a merged quote aligns on
 * its own; the ops inside the aligned region are the words added, dropped or changed.
 */
import type { Token } from '../types';

export type OpKind = 'eq' | 'sub' | 'del' | 'ins';

/** `del`: a word of A missing from B; `ins`: a word of B missing from A; `sub`: one word for another. */
export interface Op {
  kind: OpKind;
  a: number;
  b: number;
}

export interface Alignment {
  /** Aligned region, token indices, end exclusive. */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  ops: Op[];
  matched: number;
}

const MATCH = 2;
const STEM_MATCH = 1;
const MISMATCH = -1;
const GAP = -1;

const DIAG = 1;
const UP = 2; // consume A
const LEFT = 3; // consume B

const CENSOR = /[*]|-{2,}/;
const censorPatterns = new Map<string, RegExp>();

/** Equal words, or a censored spelling ("f***ing", "f-----g") that fits the other word. */
export function sameWord(x: Token, y: Token): boolean {
  if (x.key === y.key) return true;
  const xc = CENSOR.test(x.key);
  if (xc === CENSOR.test(y.key)) return false;
  const [c, w] = xc ? [x.key, y.key] : [y.key, x.key];
  let re = censorPatterns.get(c);
  if (!re) censorPatterns.set(c, (re = new RegExp('^' + c.split(/[*]+|-{2,}/).map((p) => p.replace(/[^\p{L}\p{N}]/gu, '')).join('\\p{L}+') + '$', 'u')));
  return re.test(w);
}

/**
 * Whether `sameWord` has to look closer than the keys: only a censored word against an uncensored one
 * can be the same word under different keys. (Keep in step with `sameWord`: `align` compares keys and
 * calls `sameWord` only for pairs whose `censored` differ.)
 */
function censored(t: Token): boolean {
  return CENSOR.test(t.key);
}

/** The best local alignment of `a` with `b`; null when no word is shared. `limit` caps each side's length. */
export function align(a: readonly Token[], b: readonly Token[], limit = 1500): Alignment | null {
  const n = Math.min(a.length, limit);
  const m = Math.min(b.length, limit);
  if (n === 0 || m === 0) return null;
  const keyA = new Array<string>(n);
  const stemA = new Array<string>(n);
  const censA = new Uint8Array(n);
  const keyB = new Array<string>(m);
  const stemB = new Array<string>(m);
  const censB = new Uint8Array(m);
  for (let i = 0; i < n; i++) { keyA[i] = a[i].key; stemA[i] = a[i].stem; censA[i] = censored(a[i]) ? 1 : 0; }
  for (let j = 0; j < m; j++) { keyB[j] = b[j].key; stemB[j] = b[j].stem; censB[j] = censored(b[j]) ? 1 : 0; }
  const dir = new Uint8Array((n + 1) * (m + 1));
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let best = 0;
  let bi = 0;
  let bj = 0;
  for (let i = 1; i <= n; i++) {
    const ka = keyA[i - 1];
    const sa = stemA[i - 1];
    const ca = censA[i - 1];
    cur[0] = 0;
    for (let j = 1; j <= m; j++) {
      const same = ka === keyB[j - 1] || (ca !== censB[j - 1] && sameWord(a[i - 1], b[j - 1]));
      const s = same ? MATCH : sa === stemB[j - 1] ? STEM_MATCH : MISMATCH;
      let v = prev[j - 1] + s;
      let d = DIAG;
      const up = prev[j] + GAP;
      if (up > v) { v = up; d = UP; }
      const left = cur[j - 1] + GAP;
      if (left > v) { v = left; d = LEFT; }
      if (v <= 0) { v = 0; d = 0; }
      cur[j] = v;
      dir[i * (m + 1) + j] = d;
      if (v > best) { best = v; bi = i; bj = j; }
    }
    const t = prev; prev = cur; cur = t;
  }
  if (best === 0) return null;
  const ops: Op[] = [];
  let i = bi;
  let j = bj;
  let matched = 0;
  while (i > 0 && j > 0) {
    const d = dir[i * (m + 1) + j];
    if (d === 0) break;
    if (d === DIAG) {
      const eq = keyA[i - 1] === keyB[j - 1] || (censA[i - 1] !== censB[j - 1] && sameWord(a[i - 1], b[j - 1]));
      if (eq) matched++;
      ops.push({ kind: eq ? 'eq' : 'sub', a: i - 1, b: j - 1 });
      i--; j--;
    } else if (d === UP) {
      ops.push({ kind: 'del', a: i - 1, b: j });
      i--;
    } else {
      ops.push({ kind: 'ins', a: i, b: j - 1 });
      j--;
    }
  }
  ops.reverse();
  // The region starts and ends on equal words (a local alignment never gains by starting on a change).
  while (ops.length && ops[0].kind !== 'eq') ops.shift();
  while (ops.length && ops[ops.length - 1].kind !== 'eq') ops.pop();
  if (ops.length === 0) return null;
  const first = ops[0];
  const last = ops[ops.length - 1];
  return { aStart: first.a, aEnd: last.a + 1, bStart: first.b, bEnd: last.b + 1, ops, matched };
}
