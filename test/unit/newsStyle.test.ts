/**
 * One small case per rule added for real multi-outlet news (the BASIL misses): each is a rule of
 * English news style, not a fit to one article.
 */
import * as assert from 'node:assert/strict';
import { checkAgainst } from './helpers';
import { speakersOf as speakers } from './helpers';

const relationOf = (draft: string, source: string): string | undefined => checkAgainst(draft, { 's.txt': source }).quotes[0]?.matches[0]?.relation;

describe('American news style', () => {
  it('attributes “…,” said Sen. Harry Reid, D-Nev. and Reid told reporters', () => {
    assert.deepEqual(speakers('“We will not pass this bill,” said Sen. Harry Reid, D-Nev.'), ['Harry Reid']);
    assert.deepEqual(speakers('Sen. Harry Reid spoke first.\n\n“We will not pass this bill,” Reid told reporters.'), ['Harry Reid']);
  });

  it('peels nested appositives and parenthesised party tags', () => {
    assert.deepEqual(speakers('Rep. Bobby Scott, D-Va., one of nine lawmakers to vote no, said it was “a waste of our time”.'), ['Bobby Scott']);
    assert.deepEqual(speakers('House Speaker John Boehner (R-Ohio) admitted there is a “one in three chance of losing”.'), ['John Boehner']);
  });

  it('takes the sentence subject when the quoting verb has none of its own', () => {
    assert.deepEqual(speakers('Trump appeared to respond over Twitter, writing: “They only want to impeach me.”'), ['Trump']);
    assert.deepEqual(speakers('Earlier this year, Vicente Fox railed against Trump, promising Mexico would “never pay for that wall.”'), ['Vicente Fox']);
  });

  it('reads a description by the titles said with a name', () => {
    const text = 'Former Vice President Dick Cheney backed his daughter Mary Cheney on Facebook.\n\n“Freedom means freedom for everyone,” the former vice president said.';
    assert.deepEqual(speakers(text), ['Dick Cheney']);
  });

  it('gives “she” to the woman among recent speakers, not to a man named in between', () => {
    const text = [
      'Ms. Pelosi spoke to reporters on Friday.',
      'Attorney General William Barr declined to comment on the report.',
      '“What is the president afraid of?” she said.',
    ].join('\n\n');
    assert.deepEqual(speakers(text), ['Pelosi']);
  });

  it('does not take a noun for a reporting verb (“her Facebook post”)', () => {
    assert.deepEqual(speakers('Mary Cheney concluded her Facebook post: “Please like and share if you agree.”'), ['Mary Cheney']);
  });

  it('calls a quote with an ellipsis over dropped words a variant', () => {
    assert.equal(
      relationOf('They wrote: “We would be remiss … if we did not challenge your budget this year.”', 'They wrote: “We would be remiss in our duty to our students if we did not challenge your budget this year.”'),
      'variant',
    );
  });

  it('calls an editorial insertion a variant and brackets around the same word punctuation', () => {
    assert.equal(relationOf('He said: “I will make [Mexico] pay for it, believe me.”', 'He said: “I will make them pay for it, believe me.”'), 'variant');
    assert.equal(relationOf('He said: “Mexico will pay [for] it, believe me.”', 'He said: “Mexico will pay for it, believe me.”'), 'punctuation');
  });

  it('treats abbreviations, numerals, & and censored words as spelling', () => {
    assert.equal(relationOf('Reid said: “Sen. Grassley has two weeks to decide.”', 'Reid said: “Senator Grassley has 2 weeks to decide.”'), 'spelling');
    assert.equal(relationOf('He said: “We will never pay for that f-----g wall, never.”', 'He said: “We will never pay for that fucking wall, never.”'), 'spelling');
    assert.equal(relationOf('He wrote: “too many voices are being destroyed, some good & some bad.”', 'He wrote: “too many voices are being destroyed, some good and some bad.”'), 'spelling');
  });

  it('does not link two sentences that only share an opening refrain', () => {
    const r = checkAgainst('He said: “You might think that it is okay that they lied about the meeting.”', {
      's.txt': 'He said: “You might think that it is okay that the national security adviser sought out Russian help.”',
    });
    assert.equal(r.quotes[0].matches.length, 0);
  });

  it('links two excerpts that overlap at their ends', () => {
    assert.equal(relationOf('Trump spoke of “rusted out factories scattered like tombstones”.', 'Trump spoke of factories “scattered like tombstones across the landscape”.'), 'excerpt');
  });

  it('does not give one Cheney’s words to another', () => {
    const r = checkAgainst('Dick Cheney said: “I think that freedom means freedom for everyone in this country.”', {
      's.txt': 'Mary Cheney said: “Freedom means freedom for everyone, and that is what I believe.”',
    });
    assert.equal(r.quotes[0].matches.length, 0);
  });

  it('makes a Title-Case motto a term that only matches the same motto', () => {
    const r = checkAgainst('The House reaffirmed “In God We Trust” as the motto.', {
      'motto.txt': 'The vote on “In God We Trust,” passed easily.',
      'speech.txt': 'Obama said: “I trust in God, but God wants to see us help ourselves. In God We Trust is printed on the coin.”',
    });
    assert.equal(r.quotes[0].quote.kind, 'term');
    assert.deepEqual(r.quotes[0].matches.map((m) => m.quote.uri), ['motto.txt']);
  });
});
