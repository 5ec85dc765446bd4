/**
 * Scores the engine against the BASIL pairs (test/fixtures/basil, see its README): for each event the
 * three articles are each other's sources; a labelled pair is linked when the engine links a quote
 * overlapping one side with a quote overlapping the other. `doubtful` pairs are left out.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, type DocumentReport, type Relation } from '../../src/core';
import { surnameOf } from '../../src/core/attribute/identity';

interface Side { article: string; start: number; end: number; speaker: string | null }
interface Pair { cluster: string; a: Side; b: Side; label: 'same' | 'different'; relation: Relation | null; same_source: boolean | null; doubtful: boolean; note: string | null }

export interface BasilScores {
  pairs: number;
  links: { tp: number; fp: number; fn: number; tn: number; precision: number; recall: number; f1: number };
  recallByRelation: Record<string, { hit: number; total: number }>;
  relationFine: { hit: number; total: number; value: number };
  relationCoarse: { hit: number; total: number; value: number };
  extraction: { exact: number; overlap: number; total: number; recall: number };
  speaker: { hit: number; total: number; value: number };
  /** Gold relation (or `different`) → engine relation (or `none` when not linked) → count. */
  confusion: Record<string, Record<string, number>>;
  /**
   * `quote-differs` at warning or above, per pair and direction (one side as the draft, the other as
   * the source it names): right when the gold relation is a word change (variant, paraphrase).
   * `recallAny` counts a finding of any severity: a quote that follows the canonical wording while
   * other sources differ is information by design ("Sources disagree"), still shown to the editor.
   */
  quoteDiffers: { tp: number; fp: number; fn: number; precision: number; recall: number; fnAny: number; recallAny: number };
  /** `speaker-differs` between the two sides of labelled pairs that both name a speaker: right when those differ. */
  speakerDiffers: { right: number; fired: number; precision: number; all: number };
  misses: string[];
}

const WORD_CHANGE = new Set<string>(['variant', 'paraphrase']);
const overlaps = (s: { start: number; end: number }, t: { start: number; end: number }): boolean => s.start < t.end && t.start < s.end;
const surname = (name: string): string => surnameOf(name.trim().replace(/\./g, ''));

/** Runs the engine on every BASIL event and scores it. */
export function scoreBasil(root = path.resolve(__dirname, '../../..')): BasilScores {
  const dir = path.join(root, 'test/fixtures/basil');
  const pairs: Pair[] = fs.readFileSync(path.join(dir, 'pairs.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((p: Pair) => !p.doubtful);
  const reports = new Map<string, DocumentReport>();
  const texts = new Map<string, string>();
  for (const cluster of new Set(pairs.map((p) => p.cluster))) {
    const engine = new Engine();
    const docs = ['fox.txt', 'hpo.txt', 'nyt.txt'].map((f, order) => {
      const uri = `${cluster}/${f}`;
      const text = fs.readFileSync(path.join(dir, 'articles', uri), 'utf8');
      texts.set(uri, text);
      return { uri, label: uri, text, order };
    });
    docs.forEach((d) => engine.setSource(d));
    for (const d of docs) reports.set(d.uri, engine.check(d));
  }
  const misses: string[] = [];
  const show = (cluster: string, s: Side): string => `${cluster.slice(0, 8)}/${s.article}:${s.start} “${texts.get(`${cluster}/${s.article}`)!.slice(s.start, Math.min(s.end, s.start + 70))}”`;
  const quotesAt = (cluster: string, s: Side) => reports.get(`${cluster}/${s.article}`)!.quotes.filter((q) => overlaps(q.quote, s));

  /** The relation of a link between quotes overlapping the two sides, or null. */
  function link(p: Pair): Relation | null {
    for (const [x, y] of [[p.a, p.b], [p.b, p.a]] as const) {
      for (const q of quotesAt(p.cluster, x)) {
        for (const m of q.matches) {
          if (m.quote.uri === `${p.cluster}/${y.article}` && overlaps(m.quote, y)) return m.relation;
        }
      }
    }
    return null;
  }

  /** Whether side x's quote has a quote-differs finding (a warning or error, unless `anySeverity`) naming a quote overlapping y. */
  function flagged(p: Pair, x: Side, y: Side, anySeverity = false): boolean {
    return quotesAt(p.cluster, x).some((q) => q.findings.some((f) => f.rule === 'quote-differs' && (anySeverity || f.severity === 'warning' || f.severity === 'error') &&
      f.related.some((r) => r.uri === `${p.cluster}/${y.article}` && overlaps(r, y))));
  }

  let tp = 0, fp = 0, fn = 0, tn = 0, fine = 0, coarse = 0, relTotal = 0;
  const qd = { tp: 0, fp: 0, fn: 0, fnAny: 0 };
  const byRel: Record<string, { hit: number; total: number }> = {};
  const confusion: Record<string, Record<string, number>> = {};
  for (const p of pairs) {
    const got = link(p);
    const row = (confusion[p.label === 'same' ? p.relation! : 'different'] ??= {});
    row[got ?? 'none'] = (row[got ?? 'none'] ?? 0) + 1;
    const wordChange = p.label === 'same' && WORD_CHANGE.has(p.relation!);
    for (const [x, y] of [[p.a, p.b], [p.b, p.a]] as const) {
      const f = flagged(p, x, y);
      if (f && wordChange) qd.tp++;
      else if (f) { qd.fp++; misses.push(`quote-differs on ${p.label === 'same' ? p.relation : 'different'} pair: ${show(p.cluster, x)} ~ ${show(p.cluster, y)}`); }
      else if (wordChange && got) {
        qd.fn++;
        if (!flagged(p, x, y, true)) { qd.fnAny++; misses.push(`no quote-differs finding on ${p.relation} pair: ${show(p.cluster, x)} ~ ${show(p.cluster, y)}`); }
      }
    }
    if (p.label === 'same') {
      const r = (byRel[p.relation ?? 'none'] ??= { hit: 0, total: 0 });
      r.total++;
      if (!got) { fn++; misses.push(`missed link (${p.relation}): ${show(p.cluster, p.a)} ~ ${show(p.cluster, p.b)}`); continue; }
      tp++; r.hit++; relTotal++;
      if (got === p.relation) fine++;
      if (WORD_CHANGE.has(got) === WORD_CHANGE.has(p.relation!)) {
        coarse++;
        if (got !== p.relation) misses.push(`fine relation ${p.relation} → ${got}: ${show(p.cluster, p.a)} ~ ${show(p.cluster, p.b)}`);
      } else misses.push(`relation ${p.relation} → ${got}: ${show(p.cluster, p.a)} ~ ${show(p.cluster, p.b)}`);
    } else if (got) {
      fp++;
      misses.push(`false link (${got}; ${p.note ?? ''}): ${show(p.cluster, p.a)} ~ ${show(p.cluster, p.b)}`);
    } else tn++;
  }

  // Extraction of the labelled spans, and speakers where a side names one.
  const spans = new Map<string, { cluster: string; side: Side }>();
  for (const p of pairs) for (const s of [p.a, p.b]) spans.set(`${p.cluster}/${s.article}:${s.start}:${s.end}`, { cluster: p.cluster, side: s });
  let exact = 0, overlap = 0, spHit = 0, spTotal = 0;
  for (const { cluster, side } of spans.values()) {
    const qs = quotesAt(cluster, side);
    if (qs.some((q) => q.quote.start === side.start && q.quote.end === side.end)) exact++;
    else misses.push(`span not extracted exactly: ${show(cluster, side)}${qs.length ? ` (got ${qs.map((q) => `${q.quote.start}-${q.quote.end}`).join(', ')} for ${side.start}-${side.end})` : ''}`);
    if (qs.length) overlap++;
    if (side.speaker && !side.speaker.includes(';')) {
      spTotal++;
      const got = qs[0]?.quote.speaker;
      if (got && surname(got) === surname(side.speaker)) spHit++;
      else misses.push(`speaker: expected ${side.speaker}, got ${got ?? 'none'}: ${show(cluster, side)}`);
    }
  }
  // speaker-differs on labelled pairs whose sides both name one speaker.
  let sdRight = 0, sdFired = 0;
  for (const p of pairs) {
    if (!p.a.speaker || !p.b.speaker || p.a.speaker.includes(';') || p.b.speaker.includes(';')) continue;
    const differ = surname(p.a.speaker) !== surname(p.b.speaker);
    for (const [x, y] of [[p.a, p.b], [p.b, p.a]] as const) {
      const fired = quotesAt(p.cluster, x).some((q) => q.findings.some((f) => f.rule === 'speaker-differs' && f.related.some((r) => r.uri === `${p.cluster}/${y.article}` && overlaps(r, y))));
      if (!fired) continue;
      sdFired++;
      if (differ) sdRight++;
      else misses.push(`speaker-differs wrong (${x.speaker} = ${y.speaker}): ${show(p.cluster, x)} ~ ${show(p.cluster, y)}`);
    }
  }
  let sdAll = 0;
  for (const r of reports.values()) for (const q of r.quotes) sdAll += q.findings.filter((f) => f.rule === 'speaker-differs').length;
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    pairs: pairs.length,
    links: { tp, fp, fn, tn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 },
    recallByRelation: byRel,
    relationFine: { hit: fine, total: relTotal, value: relTotal ? fine / relTotal : 0 },
    relationCoarse: { hit: coarse, total: relTotal, value: relTotal ? coarse / relTotal : 0 },
    extraction: { exact, overlap, total: spans.size, recall: exact / spans.size },
    speaker: { hit: spHit, total: spTotal, value: spTotal ? spHit / spTotal : 0 },
    confusion,
    quoteDiffers: {
      ...qd, precision: qd.tp + qd.fp ? qd.tp / (qd.tp + qd.fp) : 0, recall: qd.tp + qd.fn ? qd.tp / (qd.tp + qd.fn) : 0,
      recallAny: qd.tp + qd.fn ? (qd.tp + qd.fn - qd.fnAny) / (qd.tp + qd.fn) : 0,
    },
    speakerDiffers: { right: sdRight, fired: sdFired, precision: sdFired ? sdRight / sdFired : 1, all: sdAll },
    misses,
  };
}
