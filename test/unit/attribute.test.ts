import * as assert from 'node:assert/strict';
import { checkAgainst, quoteWith, speakersOf as speakers } from './helpers';


describe('attribution', () => {
  it('finds the speaker on either side of the quote', () => {
    assert.deepEqual(speakers('Mr Xi said: “We agree on a lot.”'), ['Xi']);
    assert.deepEqual(speakers('“We agree on a lot,” said Wu Xinbo, a professor.'), ['Wu Xinbo']);
    assert.deepEqual(speakers('“We agree on a lot,” Xi told Blinken at the start.'), ['Xi']);
    assert.deepEqual(speakers('According to Jane Doe, the plan was “dead on arrival and buried.”'), ['Jane Doe']);
  });

  it('knows many reporting verbs', () => {
    for (const verb of ['added', 'stressed', 'warned', 'noted', 'explained', 'insisted', 'wrote', 'tweeted']) {
      assert.deepEqual(speakers(`Jane Roe ${verb}: “It is over for now.”`), ['Jane Roe'], verb);
    }
    assert.deepEqual(speakers('Jane Roe responded by saying the two sides “have an obligation to talk”.'), ['Jane Roe']);
    assert.deepEqual(speakers('Jane Roe called the visit “a step in the right direction.”'), ['Jane Roe']);
    assert.deepEqual(speakers('Mr Gang labeled it “the most important issue in the talks.”'), ['Gang']);
  });

  it('gives pronouns and bare continuation paragraphs to the last named speaker', () => {
    const text = [
      'Peace campaigner Jenny Clegg said the talks were over.',
      'She added: “This could take many years to fix.”',
      '“And nobody can hurry it along now.”',
    ].join('\n\n');
    assert.deepEqual(speakers(text), ['Jenny Clegg', 'Jenny Clegg']);
  });

  it('gives the second half of a split quote the speaker of the first', () => {
    assert.deepEqual(speakers('Antony Blinken spoke.\n\n“I heard the same,” he said. “We both agree on it.”'), ['Antony Blinken', 'Antony Blinken']);
  });

  it('folds titles and resolves a surname to the full name used earlier', () => {
    const text = [
      'Chinese President Xi Jinping met US Secretary of State Antony Blinken.',
      'Mr Xi said: “The two sides made progress.”',
      'Secretary of State Antony Blinken said: “It is vital that we talk.”',
      '“It takes time,” Mr. Blinken added.',
    ].join('\n\n');
    assert.deepEqual(speakers(text), ['Xi Jinping', 'Antony Blinken', 'Antony Blinken']);
  });

  it('skips an appositive between the name and the verb', () => {
    assert.deepEqual(speakers('But Mr Blinken, 61, said there were “many issues on which we disagree”.'), ['Blinken']);
    assert.deepEqual(speakers('“It is time to go,” said Sen. Harry Reid, D-Nev.'), ['Harry Reid']);
  });

  it('resolves a surname through the other sources when the article never names the person in full', () => {
    const report = checkAgainst('“The two sides have made real progress today,” Wang said.', {
      'src.txt': 'Foreign Minister Wang Yi said: “The two sides have made real progress today.”',
    });
    assert.equal(quoteWith(report, 'progress').quote.speaker, 'Wang Yi');
  });
});
