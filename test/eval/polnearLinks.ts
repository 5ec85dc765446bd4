/**
 * Scores the links that raise a wording finding (variant, paraphrase) on real news from many events:
 * every PolNeAR article of a split is a source of the others, as in a newsroom's archive, and each
 * link the engine makes is looked up in test/fixtures/polnear/links.gold.json, where such links were
 * labelled by hand as one utterance quoted twice (`same`) or two utterances sharing a few words
 * (`different`). BASIL's pairs come from three stories of one event; here most candidates are other
 * events' quotes, which is where false alarms come from.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../../src/core';

export type LinkLabel = 'same' | 'different' | 'unsure';

export interface LinkScores {
  split: string;
  /** Undirected pairs linked with a word change. */
  linked: number;
  same: number;
  different: number;
  unsure: number;
  /** Linked pairs nobody labelled (listed in `unlabelled`: label them in the gold file). */
  unlabelled: string[];
  /** same / (same + different). */
  precision: number;
  /** Labelled `same` pairs in the gold, linked now or not. */
  goldSame: number;
  /** Of those, the ones linked now (with any relation: a respelling found since is a spelling link). */
  goldSameLinked: number;
  /** The linked pairs labelled `different`, for --misses. */
  falseLinks: string[];
}

/** The gold labels of `split`, keyed by `article:start | article:start` (sorted). */
export function linkGold(root: string, split: string): Record<string, { label: LinkLabel }> {
  const file = path.join(root, 'test/fixtures/polnear/links.gold.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, { label: LinkLabel }>>)[split] ?? {};
}

export function scorePolnearLinks(dir: string, split: string, root = path.resolve(__dirname, '../../..')): LinkScores {
  const gold = linkGold(root, split);
  const articles = path.join(dir, 'articles');
  const docs = fs.readdirSync(articles).filter((f) => f.endsWith('.txt')).sort().map((f, order) => ({ uri: f, label: f, text: fs.readFileSync(path.join(articles, f), 'utf8'), order }));
  const engine = new Engine();
  engine.setSources(docs);
  const seen = new Map<string, string>();
  const linked = new Set<string>();
  for (const d of docs) {
    for (const q of engine.check(d).quotes) {
      for (const m of q.matches) {
        const key = [`${d.uri}:${q.quote.start}`, `${m.quote.uri}:${m.quote.start}`].sort().join(' | ');
        linked.add(key);
        if (m.relation !== 'variant' && m.relation !== 'paraphrase') continue;
        if (!seen.has(key)) seen.set(key, `${key}: “${q.quote.text.slice(0, 60)}” ~ “${m.quote.text.slice(0, 60)}”`);
      }
    }
  }
  const out: LinkScores = { split, linked: seen.size, same: 0, different: 0, unsure: 0, unlabelled: [], precision: 0, goldSame: 0, goldSameLinked: 0, falseLinks: [] };
  for (const [key, shown] of seen) {
    const label = gold[key]?.label;
    if (label === undefined) out.unlabelled.push(shown);
    else {
      out[label]++;
      if (label === 'different') out.falseLinks.push(shown);
    }
  }
  const same = Object.entries(gold).filter(([, g]) => g.label === 'same');
  out.goldSame = same.length;
  out.goldSameLinked = same.filter(([key]) => linked.has(key)).length;
  out.precision = out.same + out.different === 0 ? 1 : out.same / (out.same + out.different);
  return out;
}
