/**
 * BASIL's 30 events as one archive: every article a source of every other, as a newsroom's sources
 * folder holds many stories. A word-change link between two events is nearly always two utterances
 * sharing a few words (a slogan repeated at two events is the exception), so their count is a false
 * alarm count that needs no labels.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../../src/core';

export interface MixedScores {
  /** Undirected word-change (variant, paraphrase) links between quotes of one event, and of two. */
  within: number;
  across: number;
  examples: string[];
}

export function scoreBasilMixed(root = path.resolve(__dirname, '../../..')): MixedScores {
  const dir = path.join(root, 'test/fixtures/basil/articles');
  const docs = fs.readdirSync(dir).sort().flatMap((event) => ['fox.txt', 'hpo.txt', 'nyt.txt']
    .filter((f) => fs.existsSync(path.join(dir, event, f)))
    .map((f) => ({ uri: `${event}/${f}`, label: `${event}/${f}`, text: fs.readFileSync(path.join(dir, event, f), 'utf8') })))
    .map((d, order) => ({ ...d, order }));
  const engine = new Engine();
  engine.setSources(docs);
  const seen = new Set<string>();
  const out: MixedScores = { within: 0, across: 0, examples: [] };
  for (const d of docs) {
    for (const q of engine.check(d).quotes) {
      for (const m of q.matches) {
        if (m.relation !== 'variant' && m.relation !== 'paraphrase') continue;
        const key = [`${d.uri}:${q.quote.start}`, `${m.quote.uri}:${m.quote.start}`].sort().join(' | ');
        if (seen.has(key)) continue;
        seen.add(key);
        if (d.uri.split('/')[0] === m.quote.uri.split('/')[0]) out.within++;
        else {
          out.across++;
          out.examples.push(`${key}: “${q.quote.text.slice(0, 60)}” ~ “${m.quote.text.slice(0, 60)}”`);
        }
      }
    }
  }
  return out;
}
