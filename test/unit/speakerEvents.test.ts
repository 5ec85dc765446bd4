import * as assert from 'node:assert/strict';
import { speakerEvents } from '../../src/core/attribute/speakerEvents';

describe('speaker events (the mentions salience resolves pronouns against)', () => {
  it('lists people reported speaking and sentence subjects in text order, not a possessive', () => {
    const text = 'Mr Blinken’s visit is short. Wang Yi said the talks went well.\nMary Cheney took to Facebook.';
    const events = speakerEvents(text);
    assert.deepEqual(events.map((e) => e.name), ['Wang Yi', 'Wang Yi', 'Mary Cheney']);
    assert.deepEqual(events.map((e) => e.at), [text.indexOf(' Wang'), text.indexOf('said'), text.indexOf('Mary')]);
  });

  it('reads the possessive only among the first six words of the sentence', () => {
    // The possessive here is the seventh word: Rubio still opens the sentence as its subject.
    const far = 'Marco Rubio met voters on Tuesday in Iowa’s capital.';
    assert.deepEqual(speakerEvents(far).map((e) => e.name), ['Marco Rubio']);
    const near = 'Marco Rubio’s aides met voters on Tuesday.';
    assert.deepEqual(speakerEvents(near).map((e) => e.name), []);
  });
});
