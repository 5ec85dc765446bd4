import * as assert from 'node:assert/strict';
import { extractQuotes } from '../../src/core/extract/extract';
import { checkAgainst } from './helpers';

// Text stored tokenised, as some archives and scraped feeds keep it: marks and punctuation set off by
// spaces. The words are Trump's tweet as West Journal quotes it (PolNeAR train,
// west-journal_2016-04-18_trump-s-son-says-the-battle-agai) and the example.
const TOKENISED = [
  '“ Crooked Hillary Clinton is spending a fortune on ads against me , ” he said . “ I am the one person she doesn’t want to run against . ”',
  '" Crooked Hillary Clinton is spending a fortune on ads against me , " he said . " I am the one person she doesn’t want to run against . "',
  '“ Crooked Hillary … is spending a fortune on ads against me , ” he said . “ I am the one person she doesn’t want to run against . ”',
];
// Treebank tokenisation, as in older newswire archives: ``double quotes'' and contractions split off.
const TREEBANK = "`` Crooked Hillary Clinton is spending a fortune on ads against me , '' Trump said . `` I am the one person she does n't want to run against . ''";
const ORIGINAL = '“Crooked Hillary Clinton is spending a fortune on ads against me. I am the one person she doesn’t want to run against. Will be such fun!” Trump tweeted.';

describe('tokenised text', () => {
  it('extracts spaced quotation marks as the separate quotes they are', () => {
    for (const text of TOKENISED) {
      const qs = extractQuotes(text).map((q) => text.slice(q.start, q.end).trim());
      assert.equal(qs.length, 2, text);
      assert.match(qs[0], /^Crooked Hillary .* me ,$/);
      assert.match(qs[1], /^I am the one person .* against \.$/);
      assert.ok(extractQuotes(text).every((q) => !q.unbalanced && q.close !== null));
    }
  });

  it('matches each of them to the untokenised source without a word change', () => {
    for (const text of TOKENISED.slice(0, 2)) {
      const report = checkAgainst(text, { 'src.txt': ORIGINAL });
      assert.equal(report.quotes.length, 2);
      for (const q of report.quotes) {
        assert.ok(['excerpt', 'identical', 'punctuation'].includes(q.matches[0]?.relation ?? ''), `${q.quote.text}: ${q.matches[0]?.relation}`);
        assert.equal(q.findings.filter((f) => f.rule === 'quote-differs').length, 0);
      }
    }
  });

  it('reads treebank marks and split contractions as the quotes and words they are', () => {
    const qs = extractQuotes(TREEBANK);
    assert.equal(qs.length, 2);
    assert.ok(qs.every((q) => q.close === "''" && !q.unbalanced));
    const report = checkAgainst(TREEBANK, { 'src.txt': ORIGINAL });
    assert.equal(report.quotes[0].quote.speaker, 'Trump');
    for (const q of report.quotes) {
      assert.ok(['excerpt', 'identical', 'punctuation', 'spelling'].includes(q.matches[0]?.relation ?? ''), `${q.quote.text}: ${q.matches[0]?.relation}`);
      assert.equal(q.findings.filter((f) => f.rule === 'quote-differs').length, 0);
    }
  });

  it('reads the elided one as words left out (an ellipsis in the overlap)', () => {
    const q = checkAgainst(TOKENISED[2], { 'src.txt': ORIGINAL }).quotes[0];
    assert.equal(q.matches[0].relation, 'variant');
  });
});
