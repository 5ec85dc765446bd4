/** The input pipeline's pure parts: globs (picomatch), the read policy, the ignore filter, the source order. */
import * as assert from 'node:assert/strict';
import { compareSourceOrder, configCandidates, sortBySourceOrder, decodeText, IgnoreList, matchGlob, matchRelative, pathFilter, parseIgnoreFile } from '../../../src/core';

const enc = (s: string) => new TextEncoder().encode(s);

describe('input pipeline', () => {
  it('matches globs with classes, braces and negation', () => {
    assert.ok(matchRelative('sources/[0-9]*.txt', 'sources/003_x.txt'));
    assert.ok(!matchRelative('sources/[0-9]*.txt', 'sources/a.txt'));
    assert.ok(matchRelative('**/*.{md,article}', 'drafts/a.article'));
    assert.ok(matchRelative('drafts/**', 'drafts/.hidden/a.txt'), 'dot files are matched');
    assert.ok(!matchRelative('sources/**', 'x/sources/a.txt'), 'relative globs are anchored');
    assert.ok(matchGlob('sources/**', 'file:///work/x/sources/a.txt'), 'authority globs match at any folder');
    assert.ok(matchGlob('!wire/**', 'sources/a.txt') && !matchGlob('!wire/**', 'wire/a.txt'));
    const f = pathFilter(['drafts/**', '!drafts/keep/skip.txt'], ['drafts/old/**']);
    assert.deepEqual(['drafts/a.txt', 'drafts/old/b.txt', 'drafts/keep/skip.txt', 'notes.txt'].filter(f), ['drafts/a.txt']);
  });

  it('reads text under one policy: binary and over-size skipped, bad UTF-8 read with U+FFFD and a note, BOM dropped', () => {
    assert.deepEqual(decodeText(enc('\uFEFFHello')), { ok: true, text: 'Hello' });
    const bad = decodeText(Uint8Array.from([0x93, 0x68, 0x69, 0x94]));
    assert.ok(bad.ok && bad.text === '\uFFFDhi\uFFFD' && /not valid UTF-8/.test(bad.note!));
    assert.deepEqual(decodeText(Uint8Array.from([0x41, 0, 0x42])), { ok: false, reason: 'looks binary (it contains NUL bytes)', reasonL10n: { id: 'read.binary' } });
    const big = decodeText(enc('x'.repeat(3000)), 2048);
    assert.ok(!big.ok && /is 3 KB, over the 2 KB size cap/.test(big.reason));
    assert.ok(decodeText(enc('x'.repeat(3000))).ok, 'the default cap is 10 MB');
  });

  it('ignores a quote by its file and words, whatever the spacing', () => {
    const list = new IgnoreList(parseIgnoreFile('{"version":1,"quotes":[{"file":"drafts/a.article","text":"We will  keep\\ntalking"},{"bad":1}]}'));
    assert.equal(list.size, 1);
    assert.ok(list.has('drafts/a.article', 'We will keep talking'));
    assert.ok(list.has('./drafts/a.article', ' We will keep talking '));
    assert.ok(!list.has('drafts/b.article', 'We will keep talking'));
    assert.equal(list.with('drafts/a.article', 'We will keep talking'), list);
    assert.throws(() => parseIgnoreFile('{'));
  });

  it('orders sources by code unit, the same on every machine', () => {
    assert.deepEqual(['b', 'B', 'a', 'Z', '10', '9'].sort(compareSourceOrder), ['10', '9', 'B', 'Z', 'a', 'b']);
    assert.equal(compareSourceOrder('a\\b', 'a/b'), 0);
    assert.ok(compareSourceOrder('a\\c', 'a/b') > 0 && compareSourceOrder('a/b', 'a\\c') < 0);
    // The keyed sort the source lists use gives the comparator's order, ties in their given order.
    const paths = ['b', 'a\\c', 'B', 'a/b', 'a', 'Z', '10', 'a\\b', '9', 'a/c'];
    const items = paths.map((path, i) => ({ path, i }));
    assert.deepEqual(sortBySourceOrder(items, (x) => x.path), [...items].sort((x, y) => compareSourceOrder(x.path, y.path)));
    assert.deepEqual(sortBySourceOrder(items, (x) => x.path).map((x) => x.path), ['10', '9', 'B', 'Z', 'a', 'a/b', 'a\\b', 'a\\c', 'a/c', 'b']);
  });

  it('looks for the configuration file from the document’s folder up, to a stop if given', () => {
    assert.deepEqual(configCandidates('/w/a/b', ['.v'], '/w'), ['/w/a/b/.v', '/w/a/.v', '/w/.v']);
    assert.deepEqual(configCandidates('/w/a', ['.v']), ['/w/a/.v', '/w/.v', '/.v']);
  });
});
