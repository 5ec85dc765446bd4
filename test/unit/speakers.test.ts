import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import nlp from 'compromise/two';
import { Engine, analyze, withOptions } from '../../src/core';
import { attribute } from '../../src/core/attribute/attribute';
import { nameLike } from '../../src/core/attribute/lexicon';
import { entityKey, sameSpeaker } from '../../src/core/attribute/identity';
import { extractQuotes } from '../../src/core/extract/extract';

const sieve = (text: string) => attribute(text, extractQuotes(text)).speakers.map((s) => ({ speaker: s.speaker, rule: s.rule }));
const speakers = (text: string): (string | null)[] => new Engine().check({ uri: 'a', text }).quotes.map((q) => q.quote.speaker);

describe('speaker sieve rules', () => {
  it('verb-after: the name beside the reporting verb after the quote, also past a short description', () => {
    assert.deepEqual(sieve('“We will win this fight,” said MSNBC host Chris Matthews.'), [{ speaker: 'Chris Matthews', rule: 'verb-after' }]);
    assert.deepEqual(sieve('“We will win this fight,” Rep. Gwen Moore (D-Wis.) said Friday.'), [{ speaker: 'Gwen Moore', rule: 'verb-after' }]);
    assert.deepEqual(sieve('“We will win this fight,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said.'), [{ speaker: 'Scott Pruitt', rule: 'verb-after' }]);
  });
  it('verb-after: a quote with a verb of its own and no nameable subject gets nobody', () => {
    const text = 'Jane Roe spoke first.\n\n“We will win this fight,” said one Democratic source on the panel.';
    assert.deepEqual(sieve(text), [{ speaker: null, rule: null }]);
  });
  it('verb-after: a quote closed by its full stop ends the sentence', () => {
    // Japan is the sentence's subject; Russia opens the next sentence.
    assert.deepEqual(speakers('Japan branded North Korea an “outlaw nation in the neighborhood.” Russia insisted that Pyongyang stop.'), ['Japan']);
  });
  it('verb-end: a reporting clause closing the sentence gives the quote inside it', () => {
    assert.deepEqual(sieve('“This will be a challenge” for Clinton, said Madeleine Kunin.'), [{ speaker: 'Madeleine Kunin', rule: 'verb-end' }]);
    assert.deepEqual(sieve('“There is a sense of stability now,” and donations began to pick up again last week, David Gilbert said.'), [{ speaker: 'David Gilbert', rule: 'verb-end' }]);
    // Past the appositive after the name; the initial's full stop ends no sentence.
    assert.deepEqual(sieve('The FBI did not find “ties of any consequence” between the men, said the bureau’s director, James B. Comey, on Monday.'), [{ speaker: 'James B Comey', rule: 'verb-end' }]);
    // Who was told is no speaker; nor does the clause take words the sentence gives to someone else.
    assert.equal(sieve('“The agents are under a lot of pressure,” an intelligence source, who was not authorized to speak, told Fox News.')[0].speaker, null);
    assert.equal(sieve('The union is wary after her comment that “we are going to put coal miners out of business” in a debate in March, Phil Smith told reporters.')[0].rule, null);
  });
  it('sentence-subject: a full name after the description opening the sentence', () => {
    assert.deepEqual(sieve('Republican presidential front-runner Donald Trump is questioning whether Obama would have attended the Mass “if it were held in a mosque.”'), [{ speaker: 'Donald Trump', rule: 'sentence-subject' }]);
    assert.deepEqual(sieve('Clinton campaign manager Robby Mook dismissed the poll as “an outlier.”'), [{ speaker: 'Robby Mook', rule: 'sentence-subject' }]);
    // No description: a preposition inside it, a plural or a verb before the name.
    assert.equal(sieve('Voters of Maine Jane Roe and others saw it as “an outlier.”')[0].speaker, null);
    assert.equal(sieve('Many voters see Hillary Clinton as “an outlier.”')[0].speaker, null);
    assert.equal(sieve('Republican voters Jane Roe and Ed Poe see it as “an outlier.”')[0].speaker, null);
  });
  it('label: a full name alone before the colon opening the quote, as digests and headlines set it', () => {
    assert.deepEqual(sieve('Pollsters agree - Carl Bialik: “Keep on contacting voters as late as possible.”'), [{ speaker: 'Carl Bialik', rule: 'label' }]);
    assert.deepEqual(sieve('RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: “Twenty states are solidly Republican.”'), [{ speaker: 'Jeffrey M Jones', rule: 'label' }]);
    assert.deepEqual(sieve('Former secretary of state Hillary Rodham Clinton:"We learned that from the State Department."'), [{ speaker: 'Hillary Rodham Clinton', rule: 'label' }]);
    // A heading is no name; a clause before the name makes it the object, not the speaker.
    assert.equal(sieve('Bottom Line: “Keep on contacting voters.”')[0].rule, null);
    assert.notEqual(sieve('Donald Trump Praises Breitbart’s Editor Matthew Boyle: ‘Very Good Reporter.’')[0].speaker, 'Matthew Boyle');
    assert.notEqual(sieve('Trump told reporter Jane Roe: “Very good.”')[0].speaker, 'Jane Roe');
    // A surname alone, once the text has named the person in full; not after an abbreviation's stop.
    const exchange = 'Hillary Clinton and Jeb Bush differ. Clinton: "Our goal is to defeat ISIS." Bush: "The mission is to destroy ISIS."';
    assert.deepEqual(sieve(exchange), [{ speaker: 'Hillary Clinton', rule: 'label' }, { speaker: 'Jeb Bush', rule: 'label' }]);
    assert.notEqual(sieve('Nelson Diaz, a friend of Marco Rubio, said of Mr. Rubio: “He is American 100 percent.”')[0].speaker, 'Marco Rubio');
  });
  it('verb-before: the subject of the verb before, not who was told', () => {
    assert.deepEqual(sieve('Adam Schiff told Capital Download on Wednesday, “It is not just the hacking of a party.”')[0].speaker, 'Adam Schiff');
    // A reporting verb opening the sentence has its subject after it (news style: "Said Ellis: …").
    assert.deepEqual(sieve('Said Mr. King: “It is not just the hacking of a party.”')[0].speaker, 'King');
  });
  it('dash-signed quotes, as letters and readers’ comments are', () => {
    assert.deepEqual(sieve('“He is a belligerent hot head who wants power.” ― Julie A. Diaz Martinez.')[0].speaker, 'Julie A Diaz Martinez');
  });
  it('next-paragraph and continuation: a bare quotation paragraph', () => {
    const named = '“The messages have been very positive,” said Wu Xinbo, a professor.\n\n“China has not lost hope either.”';
    assert.deepEqual(sieve(named), [{ speaker: 'Wu Xinbo', rule: 'verb-after' }, { speaker: 'Wu Xinbo', rule: 'next-paragraph' }]);
    const loose = 'Wu Xinbo is a professor in Shanghai.\n\nThe talks went on.\n\n“China has not lost hope either.”';
    assert.equal(sieve(loose)[0].rule, 'continuation');
  });
  it('next-paragraph also after a quote given by the paragraph, the sentence before or next-paragraph itself', () => {
    // "“X,” said Wu. “Y.”" then "“Z.”" then "“W.”": Y is Wu's by the paragraph rule, so Z and W are Wu's too.
    const chain = '“The messages have been very positive,” said Wu Xinbo, a professor. “We expect more.”\n\n“China has not lost hope either.”\n\n“Nor has Japan.”';
    assert.deepEqual(sieve(chain).map((s) => s.rule), ['verb-after', 'paragraph', 'next-paragraph', 'next-paragraph']);
    assert.deepEqual(speakers(chain), ['Wu Xinbo', 'Wu Xinbo', 'Wu Xinbo', 'Wu Xinbo']); // shown: next-paragraph is above attribute.minConfidence
    const previous = 'The administration may be reluctant to act, Schiff said. “The other factor is the election.”\n\n“It is close.”';
    assert.deepEqual(sieve(previous), [{ speaker: 'Schiff', rule: 'previous-sentence' }, { speaker: 'Schiff', rule: 'next-paragraph' }]);
    // A paragraph of prose between them still breaks the chain: only a guess, hidden.
    const broken = '“The messages have been very positive,” said Wu Xinbo. “We expect more.”\n\nThe talks ended at noon.\n\n“China has not lost hope either.”';
    assert.equal(sieve(broken)[2].rule, 'continuation');
    assert.deepEqual(speakers(broken), ['Wu Xinbo', 'Wu Xinbo', null]);
  });
  it('pronoun: he/she resolve to the last compatible person; they and we to nobody', () => {
    assert.deepEqual(speakers('Jane Roe, a senator, spoke first. She said: “We will never give up the fight.”'), ['Jane Roe']);
    assert.deepEqual(speakers('Jane Roe spoke to the voters. They said: “We will never give up the fight.”'), [null]);
  });
});

describe('speaker confidence', () => {
  it('gives every speaker a confidence and hides those below attribute.minConfidence', () => {
    const text = 'Wu Xinbo is a professor in Shanghai.\n\nThe talks went on.\n\n“China has not lost hope either.”';
    const q = analyze({ uri: 'a', text }).quotes[0];
    assert.equal(q.speaker, 'Wu Xinbo');
    assert.ok(q.speakerConfidence > 0 && q.speakerConfidence < 0.5, String(q.speakerConfidence));
    assert.deepEqual(speakers(text), [null]);
    const lenient = new Engine({ attribute: { minConfidence: 0 } }).check({ uri: 'a', text }).quotes[0].quote;
    assert.equal(lenient.speaker, 'Wu Xinbo');
    assert.equal(lenient.speakerConfidence, q.speakerConfidence);
  });
});

describe('the entity table’s keys', () => {
  it('folds spellings of one person together', () => {
    assert.equal(entityKey('Kim Jong-un'), entityKey('Kim Jong Un'));
    assert.equal(entityKey('Donald J. Trump'), entityKey('Donald Trump'));
    assert.equal(entityKey('Zoë Ruiz'), entityKey('Zoe Ruiz'));
    assert.ok(sameSpeaker('Xi', 'Xi Jinping'));
    assert.ok(sameSpeaker('Vincente Fox', 'Vicente Fox'), 'one letter apart');
    assert.ok(sameSpeaker('Harry Reid', 'Reid'));
    assert.ok(sameSpeaker('Mike Thibodeau', 'Michael Thibodeau'), 'a short form');
    assert.ok(sameSpeaker('Dan Coats', 'Daniel Coats'), 'a short form that is a prefix');
    assert.ok(!sameSpeaker('Dan Coats', 'Dana Coats'), 'a prefix one letter short is another name');
  });
  it('never merges two full names with different given names', () => {
    assert.ok(!sameSpeaker('Melania Trump', 'Donald Trump'));
    assert.ok(!sameSpeaker('Mary Cheney', 'Dick Cheney'));
    assert.ok(!sameSpeaker('Kim Jong Un', 'Kim Jong Nam'));
  });
  it('joins a bare surname to the one full name in the article that has it', () => {
    assert.deepEqual(speakers('Donald J. Trump spoke in Ohio.\n\n“We will build the wall and win,” Trump said.'), ['Donald J Trump']);
  });
});

describe('speaker-differs and links', () => {
  const run = (draft: string, sources: string[], options = {}) => {
    const engine = new Engine(options);
    sources.forEach((text, i) => engine.setSource({ uri: `s${i}`, text }));
    return engine.check({ uri: 'draft', text: draft }).quotes[0];
  };
  const words = 'We will not pay for that wall, not one single cent of it';
  it('fires when both speakers are confident, different, and the sources agree', () => {
    const q = run(`“${words},” said Felipe Calderón.`, [`“${words},” said Vicente Fox.`, `“${words},” Vicente Fox said.`]);
    assert.ok(q.findings.some((f) => f.rule === 'speaker-differs'), JSON.stringify(q.findings));
  });
  it('is silent when the sources disagree among themselves', () => {
    const q = run(`“${words},” said Felipe Calderón.`, [`“${words},” said Vicente Fox.`, `“${words},” said Enrique Peña.`]);
    assert.ok(!q.findings.some((f) => f.rule === 'speaker-differs'));
  });
  it('is silent on a speaker that is not confident, and that speaker blocks no link', () => {
    const draft = 'Jane Roe spoke first. Felipe Calderón spoke next. He said: “We will not pay for that wall, ever.”';
    const q = run(draft, ['“We will not pay for that wall, not ever, no,” said Vicente Fox.'], { attribute: { blocking: 0.9 } });
    assert.ok(q.matches.length > 0, 'linked');
    assert.ok(!q.findings.some((f) => f.rule === 'speaker-differs'));
  });
});

// Article-like text in which page furniture and sentence openers stand where names would.
const OPENERS = ['Nevertheless', 'Despite', 'Responding', 'Yes', 'Several', 'Having', 'However', 'Meanwhile', 'Although'];
const FURNITURE = ['Related: Meet Crabzilla', 'Photo: Getty Images', 'AP Photo/Jane Doe', 'Read more', 'WATCH', 'Meet Crabzilla', 'By Jane Roe'];
const NAMES = ['Jane Roe', 'Mr Xi', 'Kim Jong-un', 'Wu Xinbo', 'Trump', 'Sen. Bobby Scott'];
const VERBS = ['said', 'added', 'told reporters', 'wrote', 'says'];
const quote = fc.constantFrom('“We will not give up,”', '“It is over now.”', '"Nobody saw this coming,"', '“We agree on a lot”');
const sentence = fc.oneof(
  fc.tuple(quote, fc.constantFrom(...OPENERS, ...NAMES, 'he', 'she'), fc.constantFrom(...VERBS)).map(([q, w, v]) => `${q} ${w} ${v}.`),
  fc.tuple(fc.constantFrom(...OPENERS, ...NAMES), fc.constantFrom(...VERBS), quote).map(([w, v, q]) => `${w}, ${v}: ${q}`),
  fc.tuple(fc.constantFrom(...OPENERS), fc.constantFrom(...NAMES), quote).map(([o, n, q]) => `${o} ${n} spoke. ${q}`),
  quote,
);
// Furniture stands on lines of its own, between paragraphs, as on a web page.
const paragraph = fc.oneof(fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')), fc.constantFrom(...FURNITURE));
const article = fc.array(paragraph, { minLength: 1, maxLength: 8 }).map((ps) => ps.join('\n\n'));
const NOT_NAME_TAGS = ['Adverb', 'Preposition', 'Determiner', 'Verb', 'Conjunction'];

describe('speaker properties (fast-check)', function () {
  this.timeout(120_000);
  it('no speaker is a word compromise tags as an adverb, preposition, determiner or verb, nor page furniture', () => {
    fc.assert(fc.property(article, (text) => {
      for (const q of new Engine({ attribute: { minConfidence: 0 } }).check({ uri: 'a', text }).quotes) {
        const s = q.quote.speaker;
        if (s === null) continue;
        assert.ok(nameLike(s), s);
        assert.ok(!/Getty|Photo|Related|Crabzilla|Read more|WATCH/i.test(s), `furniture as speaker: ${s}`);
        for (const term of (nlp(s).json() as { terms: { text: string; tags: string[] }[] }[]).flatMap((x) => x.terms)) {
          if (term.tags.includes('Person') || term.tags.includes('ProperNoun')) continue;
          assert.ok(!NOT_NAME_TAGS.some((t) => term.tags.includes(t)), `${s}: ${term.text} is ${term.tags.join(',')}`);
        }
      }
    }), { numRuns: Number(process.env.VERBATIM_FC_RUNS ?? 300) });
  });
  it('withOptions keeps the attribute thresholds in 0–1 and ordered', () => {
    const o = withOptions().attribute;
    assert.ok(0 < o.minConfidence && o.minConfidence <= o.blocking && o.blocking <= o.confident && o.confident <= 1);
  });
});
