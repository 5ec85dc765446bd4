/**
 * The attribution's word classes come from a table generated from compromise's lexicon
 * (src/core/attribute/lexiconTags.ts, scripts/lexicon-tags.mjs): it must be what compromise gives now,
 * and every tag the attribution asks about must be in it (a tag left out would silently read as absent).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { functionWord, nameLike, tagsOf } from '../../src/core/attribute/lexicon';
import { TAGS } from '../../src/core/attribute/lexiconTags';

const root = path.resolve(__dirname, '..', '..', '..');
type Script = { lexiconSource(): string; TARGET: string };
const script = (): Promise<Script> => (new Function('u', 'return import(u)'))(require('url').pathToFileURL(path.join(root, 'scripts', 'lexicon-tags.mjs')).href);

describe('the lexicon table', () => {
  it('is what compromise gives (run `node scripts/lexicon-tags.mjs --write` when it is not)', async () => {
    const s = await script();
    assert.strictEqual(fs.readFileSync(path.join(root, s.TARGET), 'utf8'), s.lexiconSource());
  });

  it('holds every tag the attribution asks about', () => {
    const asked = new Set<string>();
    for (const f of ['lexicon.ts', 'reporting.ts']) {
      const text = fs.readFileSync(path.join(root, 'src', 'core', 'attribute', f), 'utf8');
      for (const m of text.matchAll(/tags\.has\('(\w+)'\)/g)) asked.add(m[1]);
      for (const m of text.matchAll(/const (?:FUNCTION|ALONE|NAME_TAGS) = \[([^\]]*)\]/g)) for (const t of m[1].matchAll(/'(\w+)'/g)) asked.add(t[1]);
    }
    assert.ok(asked.size >= 20, `found ${asked.size} tags asked about`);
    for (const t of asked) assert.ok((TAGS as readonly string[]).includes(t), `${t} is asked about but not in the table`);
  });

  it('reads words as compromise does', () => {
    assert.ok(tagsOf('went').has('PastTense'));
    assert.ok(tagsOf('Nevertheless').has('Expression'));
    assert.ok(tagsOf('also').has('Adverb'));
    assert.strictEqual(tagsOf('Xqzzy').size, 0);
    assert.ok(functionWord('Despite'));
    assert.ok(functionWord('WATCH'), 'a common word set in capitals');
    assert.ok(!functionWord('ZXQW'), 'capitals the lexicon does not know: an acronym');
    assert.ok(!nameLike('Nevertheless'));
    assert.ok(nameLike('Jane Roe'));
  });

  it('takes an adjective’s -ly adverb or a plural possessive for no name, and keeps names ending in -ly', () => {
    for (const w of ['Specifically', 'Privately', 'Notably', 'Happily', 'Frankly', 'Typically', 'Apparently', 'Hopefully']) assert.ok(!nameLike(w), w);
    assert.ok(!nameLike('Specifically Trump'));
    for (const w of ['Kelly', 'Daly', 'Connolly', 'Connally', 'Lilly', 'Holly', 'Kelly Ayotte']) assert.ok(nameLike(w), w);
    assert.ok(!nameLike("Sanders'") && !nameLike('Bernie Sanders’'), 'a plural possessive owns what follows');
  });
});
