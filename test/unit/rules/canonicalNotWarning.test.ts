/** A quote that has the canonical wording is not a warning; the preferred fix ends the warning. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, type DocumentReport } from '../../../src/core';
import { quoteWith } from '../helpers';

const root = path.resolve(__dirname, '../../../..');
const seeds = fs.readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const WITH_ON = 'the two sides have agreed to follow through on the common understandings President Biden and I had reached in Bali.';
const WITHOUT_ON = 'the two sides have agreed to follow through the common understandings President Biden and I had reached in Bali.';

/** A draft quoting Mr Xi, checked against the five seeds as sources (the workspace of issue 10). */
function checkDraft(words: string): DocumentReport {
  const engine = new Engine();
  seeds.forEach((f, order) => engine.setSource({ uri: `seeds/${f}`, label: `seeds/${f}`, text: fs.readFileSync(path.join(root, 'seeds', f), 'utf8'), order }));
  return engine.check({ uri: 'drafts/draft.article', text: `Chinese President Xi Jinping told Antony Blinken that “${words}”\n` });
}

describe('quote-differs on a quote that has the canonical wording', () => {
  it('warns on “follow through on” and offers the earliest source’s wording as the preferred fix', () => {
    const q = quoteWith(checkDraft(WITH_ON), 'follow through on');
    const f = q.findings.find((x) => x.rule === 'quote-differs');
    assert.equal(f?.severity, 'warning');
    const fix = q.fixes.find((x) => x.preferred);
    assert.match(fix!.title, /the earliest source, seeds\/000_e82ae43b6dd607f6\.txt, has it/);
    assert.equal(fix!.replacement, WITHOUT_ON);
  });

  it('after the preferred fix: information that the sources disagree, naming both, and no further fix', () => {
    const before = quoteWith(checkDraft(WITH_ON), 'follow through on');
    const after = quoteWith(checkDraft(before.fixes.find((x) => x.preferred)!.replacement), 'follow through the');
    const f = after.findings.filter((x) => x.rule === 'quote-differs');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'info');
    assert.equal(f[0].message,
      'Sources disagree: seeds/003_64437838ff70a774.txt adds “on”; seeds/001_d8c7d2a27543ca2a.txt has “Both” for “two” and 4 more changes; ' +
      'this quote follows seeds/000_e82ae43b6dd607f6.txt, the canonical wording.');
    assert.ok(!after.fixes.some((x) => x.preferred), 'the canonical wording is not offered again');
    assert.ok(after.matches.some((m) => m.quote.uri.endsWith('003_64437838ff70a774.txt') && m.relation === 'variant'),
      'the other wording stays among the versions the hover shows');
    assert.ok(f[0].related.some((r) => r.uri.endsWith('003_64437838ff70a774.txt')), 'and in the related information');
    assert.ok(after.findings.every((x) => x.severity !== 'warning' && x.severity !== 'error'));
  });

  it('follows an authority order: the quote that has the authority’s words is information, the other a warning', () => {
    const engine = new Engine({ authority: ['**/003_*'] });
    seeds.forEach((f, order) => engine.setSource({ uri: `seeds/${f}`, label: `seeds/${f}`, text: fs.readFileSync(path.join(root, 'seeds', f), 'utf8'), order }));
    const check = (words: string) => quoteWith(engine.check({ uri: 'd.article', text: `Mr Xi said “${words}”\n` }), 'follow through').findings[0];
    assert.equal(check(WITH_ON).severity, 'info');
    assert.match(check(WITH_ON).message, /^Sources disagree: seeds\/000_e82ae43b6dd607f6\.txt drops “on”; .*this quote follows seeds\/003_64437838ff70a774\.txt, the canonical wording\.$/);
    assert.equal(check(WITHOUT_ON).severity, 'warning');
  });

  it('names the reason, not a source, when the canonical source also has a differing version (a merged quote)', () => {
    const engine = new Engine();
    const texts = seeds.map((f) => ({ uri: `seeds/${f}`, label: `seeds/${f}`, text: fs.readFileSync(path.join(root, 'seeds', f), 'utf8') }));
    texts.forEach((t, order) => engine.setSource({ ...t, order }));
    const q = quoteWith(engine.check(texts[3]), 'committed to doing that');
    const f = q.findings.find((x) => x.rule === 'quote-differs')!;
    assert.equal(f.severity, 'info');
    assert.match(f.message, /^Sources disagree: seeds\/001_d8c7d2a27543ca2a\.txt has “so” for “that”; .*; 1 more source differs; this quote has the canonical wording \(2 of 3 sources agree on it\)\.$/);
  });

  it('keeps a warning when the quote follows no source’s wording', () => {
    const q = quoteWith(checkDraft('the two sides have agreed to follow up on the common understandings President Biden and I had reached in Bali.'), 'follow up');
    assert.equal(q.findings.find((x) => x.rule === 'quote-differs')?.severity, 'warning');
  });
});
