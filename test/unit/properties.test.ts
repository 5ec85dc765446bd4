/**
 * Property-based tests over the engine (fast-check). Every run prints its seed on failure; rerun one
 * with VERBATIM_FC_SEED=<seed>. VERBATIM_FC_RUNS sets how many cases each property tries (default 1000).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_OPTIONS, Engine, analyze, extractQuotes } from '../../src/core';

const runs = Number(process.env.VERBATIM_FC_RUNS ?? 1000);
const seed = process.env.VERBATIM_FC_SEED ? Number(process.env.VERBATIM_FC_SEED) : undefined;
const params = { numRuns: runs, ...(seed !== undefined ? { seed } : {}) };

// Article-like text: words, every kind of quote mark and apostrophe, dashes, ellipses and line breaks.
const piece = fc.constantFrom(
  'said', 'he', 'Mr Xi', 'the', 'two', 'sides', 'agreed', 'we’re', 'China’s', '’90s', "it's", 'People’s',
  'follow', 'through', 'on', 'progress', 'stabilise', 'stabilize', 'Sen.', 'U.S.', 'F.B.I.', '2', 'two',
  '“', '”', '"', '‘', '’', "'", '«', '»', '„', ' – ', '—', '…', '...', ',', '.', ':', '?', '!', '[', ']', '(', ')',
  '\n', '\n\n', '\r\n', ' ', ' ', ' ', 'é', '\u0301', '😀', '\u200b', '\t',
);
const word = fc.constantFrom('the', 'two', 'sides', 'agreed', 'to', 'follow', 'through', 'on', 'we’re', 'China’s', 'progress', 'stabilise', 'stabilize', 'very', 'good', 'it', 'is', 'not', '2', 'Sen.', 'U.S.');
// A quotation, sometimes left unclosed or closed with another mark.
const quoted = fc
  .tuple(fc.constantFrom('“', '"', '‘', '«'), fc.array(word, { minLength: 1, maxLength: 10 }), fc.constantFrom('', ',', '.', '?'), fc.constantFrom('”', '"', '’', '»', ''))
  .map(([open, words, punct, close]) => `${open}${words.join(' ')}${punct}${close}`);
const article = fc.array(fc.oneof(piece, quoted, quoted), { maxLength: 80 }).map((xs) => xs.join(' ').replace(/ {2,}/g, ' '));
const anyText = fc.oneof(article, fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

describe('engine properties (fast-check)', function () {
  this.timeout(120_000);

  it('extraction never throws and every span is inside the text, its text between the marks', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const engine = new Engine();
        const doc = engine.setSource({ uri: 'a', text });
        for (const q of doc.quotes) {
          assert.ok(q.start >= 1 && q.start <= q.end && q.end <= text.length, `span ${q.start}-${q.end} of ${text.length}`);
          assert.equal(text.slice(q.start, q.end), q.text);
        }
        for (const r of extractQuotes(text)) assert.ok(r.start <= r.end && r.end <= text.length);
      }),
      params,
    );
  });

  it('checking is deterministic', () => {
    fc.assert(
      fc.property(article, article, (a, b) => {
        const once = (): string => {
          const engine = new Engine();
          engine.setSource({ uri: 'src', text: b });
          return JSON.stringify(engine.check({ uri: 'draft', text: a }));
        };
        assert.equal(once(), once());
      }),
      params,
    );
  });

  it('a quote finds itself as identical when its document is also a source', () => {
    let checked = 0;
    fc.assert(
      fc.property(article, (text) => {
        const engine = new Engine();
        engine.setSource({ uri: 'copy', text });
        const report = engine.check({ uri: 'draft', text });
        const tokens = analyze({ uri: 'draft', text }).quotes.map((q) => q.tokens.length);
        for (const [i, q] of report.quotes.entries()) {
          if (tokens[i] < DEFAULT_OPTIONS.match.minWords) continue; // too short to be matched at all
          checked++;
          const self = q.matches.find((m) => m.quote.uri === 'copy' && m.quote.start === q.quote.start);
          assert.ok(self, `“${q.quote.text}” did not find itself`);
          assert.equal(self.relation, 'identical', `“${q.quote.text}” found itself as ${self.relation}`);
        }
      }),
      params,
    );
    assert.ok(checked > runs / 2, `only ${checked} quotes were checked: the generator is too weak`);
  });

  it('survives random edits of a real article without losing a span', () => {
    const base = 'Mr Xi said: “The two sides have made progress.”\n\n“This is very good,” he added. He said ‘we’re fine’ and “stabilise”.';
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(8), piece), { maxLength: 20 }), (edits) => {
        let text = base;
        for (const [at, del, ins] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + ins + text.slice(i + del);
        }
        const engine = new Engine();
        engine.setSource({ uri: 's', text: base });
        for (const q of engine.check({ uri: 'd', text }).quotes) assert.equal(text.slice(q.quote.start, q.quote.end), q.quote.text);
      }),
      params,
    );
  });
});
