/**
 * Scores speaker attribution on PolNeAR (see test/fixtures/polnear/README.md for the rule): over the
 * quotations whose annotated source is a name, the accuracy (right / all) and the precision (right /
 * those given a speaker), overall and per sieve rule. A speaker is right when it shares a name word
 * with the annotated source, titles and honorifics aside.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../../src/core';
import { attribute } from '../../src/core/attribute/attribute';
import { extractQuotes } from '../../src/core/extract/extract';

interface GoldQuote { article: string; start: number; end: number; text: string; source: string | null; sourceKind: 'name' | 'pronoun' | 'description' | 'none' }

export interface Precision { right: number; given: number; value: number }
export interface PolnearScores {
  split: string;
  named: number;
  right: number;
  given: number;
  accuracy: number;
  precision: number;
  byRule: Record<string, Precision>;
  /** Speakers given to quotations whose source is a pronoun or description (not scored: referent unknown). */
  otherGiven: number;
  errors: string[];
}

// Words that stand before or beside a name without being it; lower-cased, dots dropped.
const NOT_NAME_WORD = new Set(
  ('mr mrs ms miss dr rep sen gov president vice speaker house senate senator representative governor secretary ' +
    'former the a an of and for in on at to chairman chairwoman chair leader majority minority candidate nominee ' +
    'democratic republican democrat republican gop presidential campaign manager spokesman spokeswoman press ' +
    'state states united us u s attorney general first lady gen sir jr sr ii iii').split(' '),
);

// A possessive is the name ("Hoff’s letter" is Hoff's): its ’s goes before the marks do.
const fold = (w: string): string => w.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[’']s?$/, '').replace(/[.’']/g, '').toLowerCase();
const wordsOf = (s: string): string[] => (s.match(/[\p{L}][\p{L}.’'-]*/gu) ?? []).flatMap((w) => w.split('-')).map(fold).filter((w) => w && !NOT_NAME_WORD.has(w));

// A capitalised run before a lower-case noun modifies it ("The Florida senator", "Clinton spokesman
// Brian Fallon", "the Rove ad"): the source is the senator, the spokesman, the ad. A possessive is still
// the name, and so is a run before a function word ("Bernie Sanders of Vermont").
const MODIFIER = /[\p{Lu}][\p{L}.’'-]*(?<![’']s)(?:\s+[\p{Lu}][\p{L}.’'-]*(?<![’']s))*(?=\s+(?!(?:of|and|or|in|at|on|for|from|with|who|whose|to|the|a|an|as|says?|said|told|is|was|himself|herself|themselves|itself|also|too|again|then|had|has|have|would|will)\b)\p{Ll})/gu;

/**
 * True when `speaker` shares a name word with the annotated `source` span, a name that modifies a noun
 * there aside (saying "Florida" for "The Florida senator" is no right answer).
 */
export function sameSource(speaker: string, source: string): boolean {
  const want = new Set(sourceNameWords(source));
  return wordsOf(speaker).some((w) => want.has(w));
}

/** The name words of an annotated source; none for a description ("the Vermont senator", "a Clinton aide"). */
function sourceNameWords(source: string): string[] {
  return wordsOf((source.replace(MODIFIER, '').match(/[\p{Lu}][\p{L}.’'-]*/gu) ?? []).join(' '));
}

/**
 * True when the annotated source names someone the scorer can check. A description whose capitals only
 * modify its noun ("The Florida senator") is not scored, as a pronoun source is not: the right answer
 * (Marco Rubio) shares no word with it, and a wrong one ("Florida") would.
 */
export function namedSource(source: string): boolean {
  return sourceNameWords(source).length > 0;
}

/** The PolNeAR split at `dir` (articles/ and quotes.jsonl), scored. */
export function scorePolnear(dir: string, split = path.basename(dir)): PolnearScores {
  const gold: GoldQuote[] = fs.readFileSync(path.join(dir, 'quotes.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const byArticle = new Map<string, GoldQuote[]>();
  for (const g of gold) byArticle.set(g.article, [...(byArticle.get(g.article) ?? []), g]);
  let named = 0, right = 0, given = 0, otherGiven = 0;
  const byRule: Record<string, Precision> = {};
  const errors: string[] = [];
  for (const [article, quotes] of byArticle) {
    const text = fs.readFileSync(path.join(dir, 'articles', `${article}.txt`), 'utf8');
    const report = new Engine().check({ uri: article, text });
    const rules = attribute(text, extractQuotes(text)).speakers.map((s) => s.rule);
    for (const g of quotes) {
      // The engine's quote that overlaps the annotated one most.
      let best = -1, bestOverlap = 0;
      report.quotes.forEach((q, i) => {
        const o = Math.min(q.quote.end, g.end) - Math.max(q.quote.start, g.start);
        if (o > bestOverlap) { bestOverlap = o; best = i; }
      });
      const speaker = best >= 0 ? report.quotes[best].quote.speaker : null;
      if (g.sourceKind !== 'name' || !namedSource(g.source!)) { if (speaker) otherGiven++; continue; }
      named++;
      if (!speaker) continue;
      given++;
      const rule = rules[best] ?? 'none';
      const r = (byRule[rule] ??= { right: 0, given: 0, value: 0 });
      r.given++;
      if (sameSource(speaker, g.source!)) { right++; r.right++; }
      else errors.push(`${rule}: got ${speaker}, annotated ${g.source}: ${article}:${g.start} “${g.text.slice(0, 60)}”`);
    }
  }
  for (const r of Object.values(byRule)) r.value = r.given ? r.right / r.given : 0;
  return { split, named, right, given, accuracy: named ? right / named : 0, precision: given ? right / given : 0, byRule, otherGiven, errors };
}

/** The splits to score: the fixture copy of dev always, train (and dev) from the shared corpora when present. */
export function polnearSplits(root = path.resolve(__dirname, '../../..')): { split: string; dir: string }[] {
  // train is not copied into the repository: it is read from the shared corpora beside the clone
  // (../shared, or two levels up from a worktree) when they are there.
  const shared = ['../shared', '../../shared'].map((up) => path.resolve(root, up, 'corpora/polnear/train')).find((d) => fs.existsSync(path.join(d, 'quotes.jsonl')));
  const out = [{ split: 'dev', dir: path.join(root, 'test/fixtures/polnear/dev') }];
  if (shared) out.unshift({ split: 'train', dir: shared });
  return out;
}
