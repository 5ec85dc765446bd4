import * as assert from 'node:assert/strict';
import { keptResults } from '../../src/core/kept';
import { codeAt } from '../../src/core/text/codeAt';

describe('kept results (the word and name caches of the analysis)', () => {
  it('calls the function once per string while the table grows past its first size', () => {
    const calls = new Map<string, number>();
    const f = keptResults((s: string) => {
      calls.set(s, (calls.get(s) ?? 0) + 1);
      return s.length * 2;
    }, 10_000);
    // 3,000 strings: the table (64 slots at first, at most half full) grows six times.
    const words = Array.from({ length: 3000 }, (_, i) => `w${i}x${i % 7}`);
    for (const w of words) assert.equal(f(w), w.length * 2);
    for (const w of words) assert.equal(f(w), w.length * 2);
    assert.equal(calls.size, 3000);
    assert.ok([...calls.values()].every((n) => n === 1), 'a kept string was computed again after the table grew');
  });

  it('forgets everything at the limit and computes again', () => {
    let calls = 0;
    const f = keptResults((s: string) => { calls++; return s.toUpperCase(); }, 100);
    for (let i = 0; i < 100; i++) f(`a${i}`);
    assert.equal(calls, 100);
    f('one more'); // the 101st: the table is emptied
    assert.equal(f('a1'), 'A1');
    assert.equal(calls, 102);
  });
});

describe('codeAt (a character code read without reading past the string)', () => {
  it('is charCodeAt inside the string and -1 outside it', () => {
    const s = 'Aé’\u{1F600}';
    for (let i = 0; i < s.length; i++) assert.equal(codeAt(s, i), s.charCodeAt(i));
    for (const i of [-1, s.length, s.length + 3]) assert.equal(codeAt(s, i), -1);
    assert.equal(codeAt('', 0), -1);
  });
});
