/**
 * Scores the engine against the seed gold (test/fixtures/seeds.gold.json): extraction, speakers,
 * cross-article links, relations and the quote-differs finding. Used by `npm run eval` and by the
 * unit test that guards the targets.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, type DocumentReport, type Relation } from '../../src/core';

interface GoldQuote { id: string; file: string; start: number; end: number; text: string; speaker: string | null; kind: string }
interface GoldPair { a: string; b: string; relation: Relation; hard?: boolean }
interface Gold { quotes: GoldQuote[]; clusters: { id: string; pairs: GoldPair[] }[]; ignore: { a: string; b: string }[] }

export interface Ratio { hit: number; total: number; value: number }
export interface SeedScores {
  extraction: { precision: number; recall: number; f1: number };
  speaker: Ratio;
  links: { precision: number; recall: number; tp: number; fp: number; fn: number; hardLinked: number; hardTotal: number };
  relationFine: Ratio;
  relationCoarse: Ratio;
  quoteDiffers: { precision: number; recall: number; tp: number; fp: number; fn: number };
  misses: string[];
}

const ratio = (hit: number, total: number): Ratio => ({ hit, total, value: total === 0 ? 1 : hit / total });
const WORD_CHANGE = new Set<Relation>(['variant', 'paraphrase']);
const pairKey = (x: string, y: string): string => (x < y ? `${x}|${y}` : `${y}|${x}`);

/** Runs the engine over `seedsDir` and scores it against `goldFile`. */
export function scoreSeeds(root = path.resolve(__dirname, '../../..')): SeedScores {
  const gold: Gold = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/seeds.gold.json'), 'utf8'));
  const dir = path.join(root, 'seeds');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const engine = new Engine();
  const docs = files.map((f) => ({ uri: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  for (const d of docs) engine.setSource(d);
  const reports: DocumentReport[] = docs.map((d) => engine.check(d));
  const misses: string[] = [];

  // Extraction on exact spans.
  const goldBySpan = new Map(gold.quotes.map((q) => [`${q.file}:${q.start}:${q.end}`, q]));
  const mine = reports.flatMap((r) => r.quotes.map((q) => ({ r, q })));
  const found = mine.filter(({ r, q }) => goldBySpan.has(`${r.uri}:${q.quote.start}:${q.quote.end}`));
  for (const { r, q } of mine) if (!goldBySpan.has(`${r.uri}:${q.quote.start}:${q.quote.end}`)) misses.push(`extra span ${r.uri}:${q.quote.start} “${q.quote.text.slice(0, 50)}”`);
  const mySpans = new Set(mine.map(({ r, q }) => `${r.uri}:${q.quote.start}:${q.quote.end}`));
  for (const g of gold.quotes) if (!mySpans.has(`${g.file}:${g.start}:${g.end}`)) misses.push(`missed span ${g.id} “${g.text.slice(0, 50)}”`);
  const precision = mine.length ? found.length / mine.length : 0;
  const recall = found.length / gold.quotes.length;

  // Speakers on gold `quote`s that name one.
  const idOf = new Map<string, string>();
  const myQuote = new Map<string, (typeof mine)[number]['q']>();
  for (const { r, q } of mine) {
    const g = goldBySpan.get(`${r.uri}:${q.quote.start}:${q.quote.end}`);
    if (g) { idOf.set(`${r.uri}:${q.quote.start}`, g.id); myQuote.set(g.id, q); }
  }
  const named = gold.quotes.filter((g) => g.kind === 'quote' && g.speaker);
  let speakerHits = 0;
  for (const g of named) {
    const got = myQuote.get(g.id)?.quote.speaker ?? null;
    if (got && got.toLowerCase() === g.speaker!.toLowerCase()) speakerHits++;
    else misses.push(`speaker ${g.id}: expected ${g.speaker}, got ${got}`);
  }

  // Links between gold quotes.
  const goldPairs = new Map<string, GoldPair>();
  for (const c of gold.clusters) for (const p of c.pairs) goldPairs.set(pairKey(p.a, p.b), p);
  const ignored = new Set(gold.ignore.map((p) => pairKey(p.a, p.b)));
  const myLinks = new Map<string, Relation>();
  for (const { r, q } of mine) {
    const a = idOf.get(`${r.uri}:${q.quote.start}`);
    for (const m of q.matches) {
      const b = idOf.get(`${m.quote.uri}:${m.quote.start}`);
      if (!a || !b) continue;
      const key = pairKey(a, b);
      if (!myLinks.has(key) || a < b) myLinks.set(key, m.relation);
    }
  }
  let tp = 0, fp = 0, fn = 0, hardLinked = 0, hardTotal = 0, fineHit = 0, coarseHit = 0, relTotal = 0;
  for (const [key, p] of goldPairs) {
    const got = myLinks.get(key);
    if (p.hard) { hardTotal++; if (got) hardLinked++; continue; }
    if (!got) { fn++; misses.push(`missed link ${key} (${p.relation})`); continue; }
    tp++;
    relTotal++;
    if (got === p.relation) fineHit++;
    else misses.push(`relation ${key}: expected ${p.relation}, got ${got}`);
    if (WORD_CHANGE.has(got) === WORD_CHANGE.has(p.relation)) coarseHit++;
  }
  for (const [key, rel] of myLinks) {
    if (goldPairs.has(key) || ignored.has(key)) continue;
    const [a, b] = key.split('|');
    if (a[0] === b[0]) continue; // same article: not a cross-article link
    fp++;
    misses.push(`false link ${key} (${rel})`);
  }

  // quote-differs: expected on non-term quotes with a (non-hard) linked version whose words changed.
  const expected = new Set<string>();
  for (const p of goldPairs.values()) {
    if (p.hard || !WORD_CHANGE.has(p.relation)) continue;
    for (const id of [p.a, p.b]) if (gold.quotes.find((g) => g.id === id)!.kind !== 'term') expected.add(id);
  }
  let dtp = 0, dfp = 0, dfn = 0;
  for (const g of gold.quotes) {
    const fired = myQuote.get(g.id)?.findings.some((f) => f.rule === 'quote-differs') ?? false;
    if (fired && expected.has(g.id)) dtp++;
    else if (fired) { dfp++; misses.push(`quote-differs fired on ${g.id}`); }
    else if (expected.has(g.id)) { dfn++; misses.push(`quote-differs missing on ${g.id}`); }
  }

  return {
    extraction: { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) },
    speaker: ratio(speakerHits, named.length),
    links: { precision: tp + fp ? tp / (tp + fp) : 0, recall: tp + fn ? tp / (tp + fn) : 0, tp, fp, fn, hardLinked, hardTotal },
    relationFine: ratio(fineHit, relTotal),
    relationCoarse: ratio(coarseHit, relTotal),
    quoteDiffers: { precision: dtp + dfp ? dtp / (dtp + dfp) : 0, recall: dtp + dfn ? dtp / (dtp + dfn) : 0, tp: dtp, fp: dfp, fn: dfn },
    misses,
  };
}
