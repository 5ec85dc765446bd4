import * as assert from 'node:assert/strict';
import { analyze, extractQuotes } from '../../src/core';

const texts = (t: string): string[] => extractQuotes(t).map((q) => t.slice(q.start, q.end));

describe('extraction', () => {
  it('takes curly and straight double quotes, content only', () => {
    assert.deepEqual(texts('He said: “We will win.” Then "we rest," she said.'), ['We will win.', 'we rest,']);
  });

  it('closes a quotation at an opening mark typed for the closing one, after a word', () => {
    const t = 'They asked for an “expedited review“ of the pipes. “It’s unusual,“ said Noble, and “the best in the world“.';
    assert.deepEqual(texts(t), ['expedited review', 'It’s unusual,', 'the best in the world']);
    assert.ok(extractQuotes(t).every((q) => !q.unbalanced));
    assert.deepEqual(texts('Sie sagte: „Wir gewinnen.“ Dann ging sie.'), ['Wir gewinnen.']);
    // Before a word it still opens a quotation (nested here).
    assert.deepEqual(texts('He said “she called it “a hoax” and left”.'), ['she called it “a hoax” and left']);
  });

  it('tells apostrophes from single quotes', () => {
    const t = 'The People’s Press said we’re in China’s ’90s revival, and ‘this is a quote’ here.';
    assert.deepEqual(texts(t), ['this is a quote']);
    assert.deepEqual(texts("It's the students' view that 'rock 'n' roll' matters."), ["rock 'n' roll"]);
  });

  it('reads a plural possessive inside a single-quoted quotation as an apostrophe', () => {
    assert.deepEqual(texts('‘It’s the workers’ money,’ said Frances O’Grady.'), ['It’s the workers’ money,']);
    assert.deepEqual(texts("'The players' union will decide,' he said."), ["The players' union will decide,"]);
    // A closing mark before a lower-case word stays a closing mark when no later mark closes.
    assert.deepEqual(texts('He called it ‘fake news’ outlets ran, it’s said.'), ['fake news']);
    assert.deepEqual(texts('that ‘extreme carelessness’ did not equate to ‘gross negligence?’'), ['extreme carelessness', 'gross negligence?']);
    assert.deepEqual(texts('“He blamed the ‘Democrats’ friends’ for it,” she said.'), ['He blamed the ‘Democrats’ friends’ for it,']);
  });

  it('keeps nested quotes inside the outer quote', () => {
    assert.deepEqual(texts('She said: “He called it ‘a disgrace’ and left.”'), ['He called it ‘a disgrace’ and left.']);
    assert.deepEqual(texts('“It was a “f bomb.”” he said.'), ['It was a “f bomb.”']);
  });

  it('follows a quotation over paragraphs when the opening mark is repeated', () => {
    const t = '“First paragraph of the statement\n\n“Second paragraph, still quoting.”\n\nAfter.';
    const qs = extractQuotes(t);
    assert.equal(qs.length, 2);
    assert.equal(qs[0].unbalanced, false);
    assert.equal(qs[0].continues, true);
    assert.equal(qs[1].continuation, true);
    assert.equal(t.slice(qs[0].start, qs[0].end), 'First paragraph of the statement');
  });

  it('splits a quote broken by its attribution', () => {
    assert.deepEqual(texts('“I heard the same,” he said. “We both agree.”'), ['I heard the same,', 'We both agree.']);
  });

  it('reports a quote that runs to the line end unclosed and goes on extracting', () => {
    const t = 'He said “this never closes\nNext line has “a real quote” here.';
    const qs = extractQuotes(t);
    assert.equal(qs.length, 2);
    assert.equal(qs[0].unbalanced, true);
    assert.equal(t.slice(qs[0].start, qs[0].end), 'this never closes');
    assert.equal(t.slice(qs[1].start, qs[1].end), 'a real quote');
  });

  it('gives the same spans for CRLF and LF text', () => {
    const lf = 'A said “one two three.”\n\nB said “four five six.”\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.deepEqual(texts(crlf), texts(lf));
  });

  it('handles a very long quote and a line of unclosed marks in one pass', () => {
    const long = '“' + 'word '.repeat(200_000) + 'end.”';
    assert.equal(extractQuotes(long).length, 1);
    const marks = '“'.repeat(100_000) + 'x';
    const qs = extractQuotes(marks);
    assert.equal(qs.length, 1);
    assert.equal(qs[0].unbalanced, true);
  });

  it('never returns a span outside the text or with marks in it', () => {
    const t = 'x “a” ‘b’ "c" “d\n“e” ’f ‘g';
    for (const q of extractQuotes(t)) {
      assert.ok(q.start >= 0 && q.end <= t.length && q.start <= q.end);
    }
  });

  it('classifies quotes, fragments and terms', () => {
    const t = [
      'The US kept its long-standing “one China” policy.',
      'Mr Blinken said he was “clear-eyed” about China.',
      'Mr Blinken said: “We have no illusions about the challenges.”',
    ].join('\n\n');
    const kinds = analyze({ uri: 'a', text: t }).quotes.map((q) => [q.text, q.kind]);
    assert.deepEqual(kinds, [
      ['one China', 'term'],
      ['clear-eyed', 'fragment'],
      ['We have no illusions about the challenges.', 'quote'],
    ]);
  });

  it('takes a short title-case quote for a title, unless it is two sentences', () => {
    const t = 'He watched “Mr. Smith Goes to Washington” again.\n\n“Like Oakland. Or Ferguson,” Trump said.';
    const quotes = analyze({ uri: 'a', text: t }).quotes;
    assert.deepEqual(quotes.map((q) => [q.text, q.kind, q.speaker]), [
      ['Mr. Smith Goes to Washington', 'term', null],
      ['Like Oakland. Or Ferguson,', 'quote', 'Trump'],
    ]);
  });
});
