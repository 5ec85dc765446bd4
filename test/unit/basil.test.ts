import * as assert from 'node:assert/strict';
import { scoreBasil, type BasilScores } from '../eval/basilScore';

/** Guards the level reached on the BASIL pairs (issue 6 targets) against regressions. */
describe('accuracy on the BASIL pairs', () => {
  let s: BasilScores;
  before(() => { s = scoreBasil(); });
  const why = (): string => s.misses.slice(0, 40).join('\n');

  it('links labelled pairs with precision and recall ≥ 0.95', () => {
    assert.ok(s.links.precision >= 0.95, `precision ${s.links.precision}\n${why()}`);
    assert.ok(s.links.recall >= 0.95, `recall ${s.links.recall}\n${why()}`);
  });
  it('gets the coarse relation right on ≥ 95% of linked pairs', () => assert.ok(s.relationCoarse.value >= 0.95, why()));
  // Issue 15: spelling, compounds, numbers, elisions and typos told from word changes.
  it('gets the fine relation right on ≥ 95% of linked pairs and the coarse one on ≥ 98%', () => {
    assert.ok(s.relationFine.value >= 0.95, `fine ${s.relationFine.value}\n${why()}`);
    assert.ok(s.relationCoarse.value >= 0.98, `coarse ${s.relationCoarse.value}\n${why()}`);
  });
  it('warns with quote-differs at precision ≥ 0.95, and reports ≥ 95% of word changes at some severity', () => {
    assert.ok(s.quoteDiffers.precision >= 0.95, `precision ${s.quoteDiffers.precision}\n${why()}`);
    // A quote that has the canonical wording is information by design (issue 10), so recall counts any severity.
    assert.ok(s.quoteDiffers.recallAny >= 0.95, `recall ${s.quoteDiffers.recallAny}\n${why()}`);
  });
  it('extracts ≥ 99% of the labelled spans exactly', () => assert.ok(s.extraction.recall >= 0.99, why()));
  it('names the speaker of ≥ 95% of sides that have one (issue 9 target 0.95)', () => assert.ok(s.speaker.value >= 0.95, `speaker ${s.speaker.value}\n${why()}`));
  it('keeps link F1 ≥ 0.97 and the coarse relation ≥ 0.978 now that speakers block less', () => {
    // 0.977 before the repeated-words rule (rules/echoes.ts), which gives up one true link of a refrain
    // for quote-differs precision; 0.9768 again once attribution found more speakers (issue 9, third pass).
    // 0.973 since a word-change link needs more in common than a stock phrase (match/classify.ts,
    // weakEvidence, 2026-12-06): precision 0.968 → 0.982, recall 0.986 → 0.964 here, and on PolNeAR's
    // cross-outlet links (many events, not one) precision 0.17 → 0.80.
    assert.ok(s.links.f1 >= 0.97, `F1 ${s.links.f1}\n${why()}`);
    assert.ok(s.relationCoarse.value >= 0.978, `coarse ${s.relationCoarse.value}\n${why()}`);
  });
  it('raises speaker-differs between labelled sides with precision ≥ 0.90', () => {
    assert.ok(s.speakerDiffers.precision >= 0.9, `${s.speakerDiffers.right}/${s.speakerDiffers.fired}\n${why()}`);
  });
});
