import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Fuse from 'fuse.js';
import { Engine } from '../../src/core';
import { QuoteSearch, SEARCH_FUSE_OPTIONS, type QuoteEntry } from '../../src/core/quoteSearch';

const root = path.resolve(__dirname, '../../..');

describe('quote search (index candidates, fuse.js ranking)', () => {
  const engine = new Engine({}, { keepText: false });
  for (const f of fs.readdirSync(path.join(root, 'seeds')).sort()) engine.setSource({ uri: `seeds/${f}`, text: fs.readFileSync(path.join(root, 'seeds', f), 'utf8') });
  const search = new QuoteSearch(engine.index);
  const texts = (q: string): string[] => search.search(q, { limit: 5 }).map((e) => e.text);

  it('finds quotes by their words, a word being typed, a typo and a speaker', () => {
    assert.ok(texts('common understandings').some((t) => t.includes('common understandings')));
    assert.ok(texts('vehemently disag').some((t) => t.includes('vehemently')));
    assert.ok(texts('stabilise relationship').some((t) => /stabili[sz]e/.test(t)));
    assert.ok(texts('understandngs').some((t) => t.includes('understandings')));
    assert.ok(search.search('Blinken', { limit: 50 }).some((e) => e.speaker?.includes('Blinken')));
  });

  it('ranks as a Fuse over every quote does, when the candidates cover them', () => {
    const entries: QuoteEntry[] = [];
    for (const doc of engine.index.documents()) for (const q of doc.quotes) entries.push({ uri: q.uri, label: q.label, start: q.start, end: q.end, text: q.text, speaker: q.speaker, open: q.open, close: q.close });
    entries.sort((x, y) => (x.uri < y.uri ? -1 : x.uri > y.uri ? 1 : x.start - y.start));
    const fuse = new Fuse(entries, SEARCH_FUSE_OPTIONS);
    for (const q of ['common understandings', 'Chinese side', 'relationship', 'progress']) {
      const full = fuse.search(q, { limit: 10 }).map((r) => `${r.item.uri}:${r.item.start}`);
      const ours = search.search(q, { limit: 10, candidates: 100_000 }).map((e) => `${e.uri}:${e.start}`);
      const reachable = new Set(search.candidates(q, 100_000).map((s) => `${engine.index.uriAt(s)}:${engine.index.quoteFieldsAt(s).start}`));
      assert.deepEqual(ours, full.filter((k) => reachable.has(k)).slice(0, ours.length), q);
    }
  });

  it('searches extra quotes and leaves out skipped documents', () => {
    const extra: QuoteEntry = { uri: 'draft.txt', label: 'draft', start: 0, end: 10, text: 'A zanzibar quote nobody else has', speaker: null, open: '“', close: '”' };
    assert.equal(search.search('zanzibar', { extra: [extra] })[0]?.uri, 'draft.txt');
    assert.ok(search.search('common understandings', { skip: (uri) => uri.startsWith('seeds/') }).length === 0);
    assert.equal(search.search('', { limit: 3 }).length, 3);
  });
});
