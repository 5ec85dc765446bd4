import * as assert from 'node:assert/strict';
import { VERB_SOURCE } from '../../src/core/attribute/verbs';
import { prefixTree } from '../../src/core/text/prefixTree';

describe('prefixTree (an alternation of words, as a prefix tree)', () => {
  it('matches exactly the words given, and none of their other prefixes or extensions', () => {
    const words = ['say', 'said', 'says', 'stress', 'tell', 'told', 'to', 'sa'];
    const re = new RegExp(`^(?:${prefixTree(words)})$`);
    for (const w of words) assert.ok(re.test(w), w);
    for (const w of ['s', 'sai', 'saying', 'stres', 'tel', 't', 'told2', '', 'x']) assert.ok(!re.test(w), w);
    assert.equal(prefixTree(['say', 'said']), 'sa(?:id|y)');
  });

  it('refuses what is not a word of letters', () => {
    assert.throws(() => prefixTree(['wr[io]t']), /letters only/);
  });

  it('gives the verbs of saying the matches the flat list of stems gave', () => {
    // The stems as the pattern was written before the tree, a flat alternation with classes.
    // (The inflections and the phrases after the stems' group, as they are.)
    const flat = VERB_SOURCE.slice(VERB_SOURCE.indexOf(')(?:s|es|ed|') + 1);
    const stems = 'say|said|tell|told|add|stress|warn|note|explain|insist|argu|declar|wr[io]t|tweet|post|ask|continu|remark|comment|repl|urg|announc|claim|acknowledg|admit|stated|stating|describ|recall|conced|agree|respond|call|label|dub|term|hail|predict|promis|vow|suggest|complain|boast|jok|quip|shout|yell|scream|testif|confirm|conclud|emphasi[sz]|observ|assert|contend|charg|lament|mus|recount|reiterat|pledg|thunder|counter|tout|proclaim|plead|caution|concur|retort|scoff|mock|decri|denounc|blast|slam|accus|demand|beg|wonder|quipp|chid|griev|groan|chant|signal|indicat|spok|speak|sa[iy]s|report|answer|echo|bark|assur|fum|gush|exclaim|scold|opin|questioned|mentioned|pressed|reasoned|snapped|sing|sang|react|exhort|remembered';
    const before = new RegExp(String.raw`\b(?:${stems})` + flat, 'g');
    const after = new RegExp(VERB_SOURCE, 'g');
    const text = 'He said, she says; they were saying it. Writes, wrote, written, writing; emphasised, emphasized. ' +
      'Sais? Sayings, told_x, said2, tolds, replied, replies, reply. According to him, as she put it, he pointed out, ' +
      'she shot back, he went on. Mussed, musing, singing, sang, sings, stressed, stress-tested, telling, tell-all, add, ads.';
    const all = (re: RegExp): string[] => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
    assert.ok(all(after).length > 20);
    assert.deepEqual(all(after), all(before));
  });
});
