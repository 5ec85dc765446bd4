import * as assert from 'node:assert/strict';
import { scoreSeeds, type SeedScores } from '../eval/seedScore';

describe('accuracy on the seed gold (targets of the engine issue)', () => {
  let s: SeedScores;
  before(() => { s = scoreSeeds(); });
  const why = (): string => s.misses.join('\n');

  it('extracts every gold span exactly (F1 1.0)', () => assert.equal(s.extraction.f1, 1, why()));
  it('names the speaker of ≥ 95% of quotes', () => assert.ok(s.speaker.value >= 0.95, why()));
  it('links cross-article pairs with precision and recall ≥ 0.95', () => {
    assert.ok(s.links.precision >= 0.95 && s.links.recall >= 0.95, why());
  });
  it('gets the coarse relation right on ≥ 95% of linked pairs', () => assert.ok(s.relationCoarse.value >= 0.95, why()));
  it('keeps the fine relation of 30 of the 31 linked pairs (issue 15: unchanged)', () => assert.ok(s.relationFine.hit >= 30, why()));
  it('fires quote-differs with precision and recall ≥ 0.95', () => {
    assert.ok(s.quoteDiffers.precision >= 0.95 && s.quoteDiffers.recall >= 0.95, why());
  });
});
