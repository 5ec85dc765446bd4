import * as assert from 'node:assert/strict';
import { Engine, QuoteIndex, analyze } from '../../src/core';
import { checkAgainst, quoteWith } from './helpers';

const SOURCE = 'Mr Xi said: “The Chinese side has made our position clear, and the two sides have agreed to follow through on the common understandings President Biden and I had reached in Bali.”';
const relationOf = (draft: string, source: string): string | undefined => {
  const r = checkAgainst(draft, { 'src.txt': source });
  return r.quotes[0]?.matches[0]?.relation;
};

describe('matching and relations', () => {
  it('finds a variant and names the changed words', () => {
    const draft = 'Mr Xi said: “The Chinese side has made our position clear, and the two sides have agreed to follow through the common understandings President Biden and I had reached in Bali.”';
    const q = checkAgainst(draft, { 'src.txt': SOURCE }).quotes[0];
    assert.equal(q.matches[0].relation, 'variant');
    assert.match(q.matches[0].changes, /“on” added/);
    const f = q.findings.find((x) => x.rule === 'quote-differs');
    assert.ok(f);
    assert.equal(f.related[0].uri, 'src.txt');
  });

  it('tells identical, excerpt, punctuation and spelling apart', () => {
    assert.equal(relationOf('He said: “We both agree on the need to stabilise our ties.”', 'He said: "We both agree on the need to stabilise our ties!"'), 'identical');
    assert.equal(relationOf('He said: “the need to stabilise our ties”.', 'He said: “We both agree on the need to stabilise our ties.”'), 'excerpt');
    assert.equal(
      relationOf('He said there are “many issues on which we profoundly – even vehemently – disagree”.', 'He said there are “many issues on which we profoundly, even vehemently, disagree”.'),
      'punctuation',
    );
    assert.equal(relationOf('He said: “We both agree on the need to stabilise our ties.”', 'He said: “We both agree on the need to stabilize our ties.”'), 'spelling');
    assert.equal(relationOf('Reid said: “The F.B.I. has two agents on the case.”', 'Reid said: “The FBI has 2 agents on the case.”'), 'spelling');
    assert.equal(relationOf('He said: “We’re going to keep working on this problem.”', 'He said: “We are going to keep working on this problem.”'), 'spelling');
  });

  it('takes the two styles of a possessive after s for spelling, not a changed word', () => {
    assert.equal(relationOf('Clinton said he is becoming “ISIS’s best recruiter.”', 'Clinton called him “ISIS’ best recruiter.”'), 'spelling');
    // An opening mark typed for the apostrophe.
    assert.equal(relationOf('Khan said: “Donald Trump‘s ignorant view of Islam could make both our countries less safe.”', 'Khan said: “Donald Trump’s ignorant view of Islam could make both our countries less safe.”'), 'spelling');
    // Not any word against its possessive.
    assert.equal(relationOf('She said: “We will protect the family’s farm from the new tax.”', 'She said: “We will protect the family farm from the new tax.”'), 'variant');
  });

  it('finds versions with added, dropped, substituted and reordered words', () => {
    const src = 'She said: “We will never accept a deal that hurts working families in this state.”';
    assert.equal(relationOf('She said: “We will never accept a deal that hurts families in this state.”', src), 'variant');
    assert.equal(relationOf('She said: “We will never accept a deal that badly hurts working families in this state.”', src), 'variant');
    assert.equal(relationOf('She said: “We will never accept a plan that hurts working families in this state.”', src), 'variant');
    assert.equal(relationOf('She said: “We will never accept a deal that hurts families who work in this state.”', src), 'variant');
  });

  it('calls substantially reworded versions a paraphrase', () => {
    assert.equal(relationOf('He said: “We both agree on the need to stabilise our relationship.”', 'He said: “We both agree that our relationship needs to be stabilized.”'), 'paraphrase');
  });

  it('matches each utterance of a merged quote, and each half of a split one', () => {
    const merged = 'Xi said: “Both sides agreed to follow the plan we set in Bali. The two sides also made progress on some specific issues. This is very good.”';
    const split = '“The two sides have also made progress on some specific issues,” Xi said. “This is very good.”';
    const r = checkAgainst(split, { 'merged.txt': merged });
    assert.equal(quoteWith(r, 'progress').matches[0].relation, 'variant');
    assert.equal(quoteWith(r, 'very good').matches[0].relation, 'excerpt');
  });

  it('does not link a quote to unrelated words or to itself', () => {
    const engine = new Engine();
    const text = 'Xi said: “The two sides made progress on some specific issues.”\n\nLi said: “Trade volumes rose sharply in the third quarter.”';
    engine.setSource({ uri: 'self.txt', text });
    const report = engine.check({ uri: 'self.txt', text });
    assert.ok(report.quotes.every((q) => q.matches.length === 0));
  });

  it('does not link the same words from another named speaker unless nearly identical', () => {
    const r = checkAgainst('Nadler said: “I don’t really like that kind of language at all.”', { 's.txt': 'Pelosi said: “I don’t like that language.”' });
    assert.equal(r.quotes[0].matches.length, 0);
    const same = checkAgainst('Nadler said: “We will not stand for this kind of abuse of power.”', { 's.txt': 'Pelosi said: “We will not stand for this kind of abuse of power.”' });
    assert.equal(same.quotes[0].findings.find((f) => f.rule === 'speaker-differs')?.severity, 'warning');
  });

  it('raises a changed number or negation to an error', () => {
    const r = checkAgainst('He said: “We will send three more ships to the region next month.”', { 's.txt': 'He said: “We will send two more ships to the region next month.”' });
    assert.equal(r.quotes[0].findings[0].severity, 'error');
    const n = checkAgainst('He said: “We do support independence for the island at this time.”', { 's.txt': 'He said: “We do not support independence for the island at this time.”' });
    assert.equal(n.quotes[0].findings[0].severity, 'error');
  });

  it('reports a quote no source has as unverified (information only)', () => {
    const r = checkAgainst('He said: “Nothing like this appears anywhere else at all.”', { 's.txt': 'She said: “Completely different words are used in this one.”' });
    const f = r.quotes[0].findings.find((x) => x.rule === 'unverified-quote');
    assert.equal(f?.severity, 'info');
  });

  it('takes candidates from the index, not from every quote', () => {
    const index = new QuoteIndex();
    index.set(analyze({ uri: 'a', text: 'X said: “The harvest failed across the northern provinces.”' }));
    index.set(analyze({ uri: 'b', text: 'Y said: “Interest rates will rise before the election.”' }));
    const probe = analyze({ uri: 'c', text: 'Z said: “Interest rates will surely rise.”' }).quotes[0];
    const found = index.candidates(probe.stems, 'c', 10).map((c) => c.quote.uri);
    assert.deepEqual(found, ['b']);
  });

  it('ranks, of candidates sharing as many stems, the one with fewer words of its own first', () => {
    // Both share all three of the probe's stems and score alike (the probe has the fewer stems); the
    // speech around the line in a.txt holds words the probe lacks, so b.txt's bare line is closer.
    const index = new QuoteIndex();
    index.set(analyze({ uri: 'a.txt', text: 'X said: “Voters deserve honest answers, and tonight we promise lower taxes for families.”' }));
    index.set(analyze({ uri: 'b.txt', text: 'Y said: “Voters deserve honest answers.”' }));
    const probe = analyze({ uri: 'c.txt', text: 'Z said: “Voters deserve honest answers.”' }).quotes[0];
    const found = index.candidates(probe.stems, 'c.txt', 1).map((c) => c.quote.uri);
    assert.deepEqual(found, ['b.txt']);
  });

  it('replaces and removes documents in the index', () => {
    const engine = new Engine();
    engine.setSource({ uri: 's', text: 'He said: “We will send two more ships to the region.”' });
    const draft = { uri: 'd', text: 'He said: “We will send two more ships to the region.”' };
    assert.equal(engine.check(draft).quotes[0].matches.length, 1);
    engine.setSource({ uri: 's', text: 'Nothing quoted here.' });
    assert.equal(engine.check(draft).quotes[0].matches.length, 0);
    engine.setSource({ uri: 's', text: 'He said: “We will send two more ships to the region.”' });
    engine.removeSource('s');
    assert.equal(engine.check(draft).quotes[0].matches.length, 0);
  });
});

describe('meaning changes', () => {
  it('does not take “the two sides” / “both sides” for a changed number', () => {
    const r = checkAgainst('He said: “The two sides agreed to follow the plan we set in Bali.”', { 's.txt': 'He said: “Both sides agreed to follow the plan we set in Bali.”' });
    assert.equal(r.quotes[0].findings[0].severity, 'warning');
  });

  it('does not take a capitalised conjunction or adverb opening the quote for a name', () => {
    const r = checkAgainst('Trump said: “Although the Second Amendment people, maybe there is, I don’t know.”', { 's.txt': 'Trump said: “Though the Second Amendment people, maybe there is, I don’t know.”' });
    assert.equal(r.quotes[0].findings[0].severity, 'warning');
  });

  it('takes a left-out passage holding a negation for an omission, not a negation', () => {
    const r = checkAgainst('Obama said: “There has never been a man or a woman more qualified than Hillary Clinton to serve as president.”', { 's.txt': 'Obama said: “There has never been a man or a woman, not me, not Bill, nobody, more qualified than Hillary Clinton to serve as president.”' });
    assert.equal(r.quotes[0].findings[0].severity, 'warning');
  });

  it('raises a replaced name', () => {
    const r = checkAgainst('He said: “President Biden and I reached an agreement in Bali last year.”', { 's.txt': 'He said: “President Trump and I reached an agreement in Bali last year.”' });
    assert.equal(r.quotes[0].findings[0].severity, 'error');
  });
});
