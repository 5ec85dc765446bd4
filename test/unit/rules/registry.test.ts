/** The rule registry: every rule once, documented, and read by SARIF, the docs and the options. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_OPTIONS, RULES, RULES_DOC, ruleById, reaches, withOptions } from '../../../src/core';
import { main, type Sink } from '../../../src/cli/main';
import { checkAgainst } from '../helpers';

const root = path.resolve(__dirname, '../../../..');

describe('rule registry', () => {
  it('lists each rule once with a one-line description and a default that the options hold', () => {
    assert.deepEqual(RULES.map((r) => r.id), ['quote-differs', 'speaker-differs', 'unverified-quote', 'unbalanced-quote']);
    for (const r of RULES) {
      assert.ok(r.description.length > 10 && !r.description.includes('\n'), r.id);
      const option = DEFAULT_OPTIONS.rules[r.optionKey];
      assert.equal(option === 'auto' ? 'warning' : option, r.defaultSeverity, r.id);
      for (const o of r.options) assert.ok(o.key in DEFAULT_OPTIONS.rules, `${r.id} option ${o.key}`);
    }
    assert.equal(ruleById('nope'), undefined);
  });

  it('has a section in docs/rules.md for every rule, and no section for a rule that does not exist', () => {
    const doc = fs.readFileSync(path.join(root, RULES_DOC), 'utf8');
    const headings = [...doc.matchAll(/^## ([a-z-]+)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings.filter((h) => h.includes('-') && !['meaning-change'].includes(h)), RULES.map((r) => r.id));
  });

  it('gives SARIF the registry’s rules with a helpUri into docs/rules.md', () => {
    let out = '';
    const sink: Sink = { write: (s: string) => (out += s) };
    main(['check', path.join(root, 'seeds'), '--format', 'sarif', '--fail-on', 'never'], sink, { write: () => true });
    const rules = JSON.parse(out).runs[0].tool.driver.rules;
    assert.deepEqual(rules.map((r: { id: string }) => r.id), RULES.map((r) => r.id));
    for (const r of rules) {
      assert.match(r.helpUri, new RegExp(`^file://.*/docs/rules\\.md#${r.id}$`));
      assert.ok(fs.existsSync(new URL(r.helpUri.replace(/#.*/, ''))), r.helpUri);
      assert.equal(r.shortDescription.text, ruleById(r.id)!.description);
    }
  });

  it('ranks severities for --fail-on', () => {
    assert.ok(reaches('error', 'warning') && reaches('warning', 'warning') && !reaches('info', 'warning') && !reaches('hint', 'info'));
  });

  it('lets rules.quoteDiffers replace the relations’ level, or turn the rule off', () => {
    const draft = 'He said: “We will follow up on the common plan that we agreed.”';
    const sources = { 'a.txt': 'He said: “We will follow through on the common plan that we agreed.”' };
    const sev = (quoteDiffers: 'auto' | 'error' | 'off') =>
      checkAgainst(draft, sources, withOptions({ rules: { quoteDiffers } })).quotes[0].findings.find((f) => f.rule === 'quote-differs')?.severity;
    assert.equal(sev('auto'), 'warning');
    assert.equal(sev('error'), 'error');
    assert.equal(sev('off'), undefined);
  });
});
