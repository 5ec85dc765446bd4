/** The configuration file: JSON with comments, checked key by key, every problem with its line and column. */
import * as assert from 'node:assert/strict';
import { parseConfig, withOptions, layerOptions } from '../../../src/core';

describe('configuration file', () => {
  it('reads JSON with comments and trailing commas into options and input keys', () => {
    const { config, problems, fatal } = parseConfig(`// team settings
{
  "sources": ["wire/**", "transcripts/**"], /* block comment */
  "include": ["drafts/**"],
  "exclude": ["drafts/old/**"],
  "authority": ["transcripts/**"],
  "rules": { "quote-differs": { "severity": "error", "meaningChange": "warning" }, "unverified-quote": "off" },
  "relations": { "spelling": "hint" },
  "match": { "minWords": 3, "minDensity": 0.5 },
  "ignore": [{ "file": "drafts/a.article", "text": "Some words" }],
  "maxFileSizeKB": 512,
  "gitignore": false,
}`);
    assert.deepEqual(problems, []);
    assert.equal(fatal, false);
    assert.deepEqual(config.sources, ['wire/**', 'transcripts/**']);
    assert.deepEqual(config.exclude, ['drafts/old/**']);
    assert.deepEqual(config.ignore, [{ file: 'drafts/a.article', text: 'Some words' }]);
    assert.equal(config.maxFileSizeKB, 512);
    assert.equal(config.gitignore, false);
    const o = withOptions(config.options);
    assert.equal(o.rules.quoteDiffers, 'error');
    assert.equal(o.rules.meaningChange, 'warning');
    assert.equal(o.rules.unverifiedQuote, 'off');
    assert.equal(o.relations.spelling, 'hint');
    assert.equal(o.match.minWords, 3);
    assert.equal(o.match.minDensity, 0.5);
    assert.deepEqual(o.authority, ['transcripts/**']);
  });

  it('gives a syntax error its line and column, and no settings at all (the defaults stand)', () => {
    const r = parseConfig('{\n  "sources": ["a/**"]\n  "include": ["b/**"]\n}');
    assert.equal(r.fatal, true);
    assert.equal(r.problems[0].line, 3);
    assert.equal(r.problems[0].column, 3);
    assert.match(r.problems[0].message, /^cannot parse: comma expected/);
    assert.equal(r.config.sources, undefined);
    assert.deepEqual(r.config.options, {});
  });

  it('refuses a file that is not an object', () => {
    const r = parseConfig('["sources"]');
    assert.equal(r.fatal, true);
    assert.match(r.problems[0].message, /must be an object/);
  });

  it('names an unknown key (with the likely one), a wrong type and a bad level, each at its place; the rest apply', () => {
    const r = parseConfig(`{
  "source": ["a/**"],
  "include": "drafts/**",
  "rules": { "quote-differs": "loud", "speaker-differs": "off", "no-such-rule": "off" },
  "relations": { "variant": 3 },
  "match": { "minDensity": 7, "minWords": 2.5, "minWord": 1 },
  "ignore": [{ "file": "a" }]
}`);
    assert.equal(r.fatal, false);
    const at = (re: RegExp) => r.problems.find((p) => re.test(p.message));
    assert.deepEqual([at(/unknown key "source" \(did you mean "sources"\?\)/)?.line, at(/unknown key "source"/)?.column], [2, 3]);
    assert.equal(at(/"include" must be a list of globs/)?.line, 3);
    assert.equal(at(/"rules\.quote-differs" must be one of "auto", "error"/)?.line, 4);
    assert.equal(at(/unknown key "no-such-rule" in "rules"/)?.line, 4);
    assert.equal(at(/"relations\.variant" must be one of/)?.line, 5);
    assert.equal(at(/"match\.minDensity" must be a number from 0 to 1/)?.line, 6);
    assert.ok(at(/"match\.minWords" must be a whole number/));
    assert.ok(at(/unknown key "minWord" in "match" \(did you mean "minWords"\?\)/));
    assert.ok(at(/ignore\[0\] must be/));
    assert.equal(r.problems.length, 9, JSON.stringify(r.problems.map((p) => p.message)));
    assert.equal(withOptions(r.config.options).rules.speakerDiffers, 'off', 'the good keys still apply');
    assert.equal(r.config.include, undefined);
  });

  it('locates a key for messages found later (a glob that matches nothing)', () => {
    const r = parseConfig('{\n  "sources": [\n    "a/**",\n    "b/**"\n  ]\n}');
    assert.deepEqual({ line: r.locate(['sources', 1]).line, column: r.locate(['sources', 1]).column }, { line: 4, column: 5 });
  });

  it('lays the file over the settings, key by key', () => {
    const merged = withOptions(layerOptions({ relations: { variant: 'info', spelling: 'hint' }, authority: ['a/**'] }, { relations: { variant: 'error' } }));
    assert.equal(merged.relations.variant, 'error');
    assert.equal(merged.relations.spelling, 'hint');
    assert.deepEqual(merged.authority, ['a/**']);
  });
});
