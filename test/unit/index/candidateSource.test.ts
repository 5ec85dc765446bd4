import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, QuoteIndex, memorySource, quoteFromFields, type DocInput } from '../../../src/core';

const root = path.resolve(__dirname, '../../../..');

function load(dir: string): DocInput[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f, order) => ({ uri: `${path.basename(dir)}/${f}`, label: f, text: fs.readFileSync(path.join(dir, f), 'utf8'), order }));
}

describe('candidate sources (core)', () => {
  const seeds = load(path.join(root, 'seeds'));
  const basil = load(path.join(root, 'test/fixtures/basil/articles')).map((d, i) => ({ ...d, order: seeds.length + i }));
  const all = [...seeds, ...basil];

  it('the async check over the in-memory index alone gives what the synchronous check gives', async () => {
    const engine = new Engine();
    all.forEach((d) => engine.setSource(d));
    let links = 0;
    for (const d of all) {
      const sync = engine.check(d);
      engine.clearCache();
      const viaSources = await engine.checkWith(d, []);
      assert.deepEqual(viaSources, sync, d.uri);
      links += sync.quotes.reduce((n, q) => n + q.matches.length, 0);
    }
    assert.ok(links > 50, `the corpus has cross-links to compare (${links})`);
  });

  it('sources split over two indexes give the findings of one index holding both', async () => {
    const one = new Engine();
    all.forEach((d) => one.setSource(d));
    const local = new Engine();
    const other = new QuoteIndex({ keepText: false });
    const archive = new Engine({}, other);
    all.forEach((d, i) => (i % 2 === 0 ? local : archive).setSource(d));
    for (const d of all) {
      const expected = one.check(d);
      const split = await local.checkWith(d, [memorySource(other)]);
      assert.deepEqual(split, expected, d.uri);
    }
  });

  it('a stored quote rebuilt from its fields tokenizes as the analysis did', () => {
    const engine = new Engine();
    const doc = engine.setSource(seeds[0]);
    for (const q of doc.quotes) {
      const { tokens: _t, stems: _s, ...fields } = q;
      const rebuilt = quoteFromFields(fields);
      assert.deepEqual(rebuilt.tokens, q.tokens);
      assert.deepEqual(rebuilt.stems, q.stems);
    }
    assert.ok(doc.quotes.length > 5);
  });
});
