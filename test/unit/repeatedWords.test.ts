import * as assert from 'node:assert/strict';
import { Engine } from '../../src/core';
import { checkAgainst, quoteWith } from './helpers';

// Real cases from BASIL: Schiff's refrain “You might think it’s O.K. … But I don’t think it’s O.K.”
// (cluster b7021938, NYT / HuffPost) and Trump telling the Flynn line twice in one gaggle (cluster
// 0c78e748: Fox quotes both tellings, the NYT the first).
const SCHIFF = 'Mr. Schiff said: “You might think that it’s O.K. I don’t think that’s O.K. You might think it’s O.K. that he lied about it.”\n\n' +
  'He went on: “But I don’t think it’s O.K. I think it’s immoral.”';
const NYT_FLYNN = 'Mr. Trump said: “Hillary Clinton lied many times to the F.B.I. Nothing happened to her. Flynn lied and they destroyed his life.”';
const FIRST = '“Hillary Clinton lied many times to the FBI, nothing happened to her. Flynn lied and they destroyed his life,” Trump said.';
const SECOND = '“Nothing happened to her. Flynn lied and it’s like they ruined his life. Very unfair,” he said later.';

describe('repeated words', () => {
  it('does not report a quote against the changed repeat when the source has its words unchanged', () => {
    const q = checkAgainst('Schiff told them: “I don’t think it’s OK,” and left.', { 'nyt.txt': SCHIFF }).quotes[0];
    assert.deepEqual(q.matches.map((m) => m.relation), ['spelling']);
    assert.equal(q.findings.filter((f) => f.rule === 'quote-differs').length, 0);
  });

  it('says less (information) where the article quotes the source’s words unchanged elsewhere', () => {
    const both = quoteWith(checkAgainst(`${FIRST}\n\n${SECOND}`, { 'nyt.txt': NYT_FLYNN }), 'ruined');
    const f = both.findings.find((x) => x.rule === 'quote-differs');
    assert.equal(f?.severity, 'info');
    assert.match(f!.message, /quotes these words unchanged elsewhere/);
    // Alone, the second telling is a warning.
    const alone = quoteWith(checkAgainst(SECOND, { 'nyt.txt': NYT_FLYNN }), 'ruined');
    assert.equal(alone.findings.find((x) => x.rule === 'quote-differs')?.severity, 'warning');
  });

  it('gives the same findings incrementally as in a full check', () => {
    const engine = new Engine();
    engine.setSource({ uri: 'nyt.txt', text: NYT_FLYNN });
    const first = engine.check({ uri: 'draft.txt', text: SECOND });
    assert.equal(first.quotes[0].findings[0]?.severity, 'warning');
    const again = engine.check({ uri: 'draft.txt', text: `${FIRST}\n\n${SECOND}` });
    assert.equal(quoteWith(again, 'ruined').findings.find((x) => x.rule === 'quote-differs')?.severity, 'info');
    const back = engine.check({ uri: 'draft.txt', text: SECOND });
    assert.equal(back.quotes[0].findings.find((x) => x.rule === 'quote-differs')?.severity, 'warning');
  });
});
