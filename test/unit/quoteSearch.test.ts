import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Fuse from 'fuse.js';
import { Engine } from '../../src/core';
import { QuoteSearch, SEARCH_FUSE_OPTIONS, type QuoteEntry } from '../../src/core/index/quoteSearch';

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

describe('speaker names of source quotes', () => {
  // The seeds, and notes that call the Secretary of State by his surname only.
  const seeds = (): Engine => {
    const engine = new Engine();
    for (const f of fs.readdirSync(path.join(root, 'seeds')).sort()) engine.setSource({ uri: `seeds/${f}`, text: fs.readFileSync(path.join(root, 'seeds', f), 'utf8') });
    engine.setSource({ uri: 'notes.txt', text: 'Briefing notes.\n\n“We will keep talking until the job is done,” Blinken said.\n' });
    return engine;
  };

  it('resolves a short name to the full name the sources give, as checks do', () => {
    const engine = seeds();
    assert.ok(engine.index.speakerNames().includes('Blinken'), 'some seed quote keeps the short name');
    assert.equal(engine.resolveSpeaker('Blinken'), 'Antony Blinken');
    assert.equal(engine.resolveSpeaker('Xi'), 'Xi Jinping');
    assert.equal(engine.resolveSpeaker('Antony Blinken'), 'Antony Blinken');
    assert.equal(engine.resolveSpeaker('Nobody'), 'Nobody');
    const draft = engine.check({ uri: 'draft.txt', text: '“We are committed to doing so,” Blinken said.\n' });
    assert.equal(draft.quotes[0].quote.speaker, engine.resolveSpeaker('Blinken'));
  });

  it('follows the index: a source that names the speaker in full changes the answer, and removing it changes it back', () => {
    const engine = new Engine();
    engine.setSource({ uri: 'a.txt', text: '“We will rebuild the bridge by spring,” Smith said.\n' });
    assert.equal(engine.resolveSpeaker('Smith'), 'Smith');
    engine.setSource({ uri: 'b.txt', text: 'Mayor Jane Smith said on Monday that “the bridge is a priority for the whole city”.\n' });
    assert.equal(engine.resolveSpeaker('Smith'), 'Jane Smith');
    engine.removeSource('b.txt');
    assert.equal(engine.resolveSpeaker('Smith'), 'Smith');
  });

  it('lists and matches source quotes by the resolved name in the search', () => {
    const engine = seeds();
    const plain = new QuoteSearch(engine.index);
    const resolved = new QuoteSearch(engine.index, SEARCH_FUSE_OPTIONS, (name) => engine.resolveSpeaker(name));
    const short = plain.search('Blinken').filter((e) => e.speaker === 'Blinken');
    assert.ok(short.length > 0, 'without a resolver the short name shows');
    const found = resolved.search('Blinken');
    assert.ok(found.length >= short.length && found.every((e) => e.speaker !== 'Blinken'), JSON.stringify(found.map((e) => e.speaker)));
    for (const e of short) assert.ok(found.some((f) => f.uri === e.uri && f.start === e.start && f.speaker === 'Antony Blinken'), e.text);
    // A word of the full name finds the quotes attributed by the short one.
    const byFirst = resolved.search('Antony', { limit: 200 });
    for (const e of short) assert.ok(byFirst.some((f) => f.uri === e.uri && f.start === e.start), `“Antony” finds ${e.text}`);
    assert.ok(resolved.search('', { limit: 200 }).every((e) => e.speaker !== 'Blinken'));
  });
});
