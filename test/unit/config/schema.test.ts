/** The JSON schema contributed for .verbatim.json(c) says what the parser accepts, and the fixture's file passes it. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'jsonc-parser';
import { DEFAULT_OPTIONS, LEVELS, RELATIONS, RULES, TOP_KEYS, parseConfig } from '../../../src/core';

const root = path.resolve(__dirname, '../../../..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/verbatim.schema.json'), 'utf8'));

describe('configuration schema', () => {
  it('is contributed through jsonValidation for both file names', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const v = pkg.contributes.jsonValidation.find((j: { url: string }) => j.url === './schemas/verbatim.schema.json');
    assert.deepEqual(v.fileMatch, ['.verbatim.json', '.verbatim.jsonc']);
  });

  it('has the parser’s keys, rules, relations, thresholds and levels', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), [...TOP_KEYS].sort());
    assert.deepEqual(Object.keys(schema.properties.rules.properties), RULES.map((r) => r.id));
    assert.deepEqual(Object.keys(schema.properties.relations.properties), RELATIONS);
    assert.deepEqual(Object.keys(schema.properties.match.properties).sort(), Object.keys(DEFAULT_OPTIONS.match).sort());
    assert.deepEqual(schema.properties.relations.properties.variant.enum, LEVELS);
    for (const r of RULES) {
      const options = Object.keys(schema.properties.rules.properties[r.id].oneOf[1].properties);
      assert.deepEqual(options, ['severity', ...r.options.map((o) => o.key)], r.id);
    }
  });

  it('accepts what the parser accepts and rejects what it reports', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const fixture = fs.readFileSync(path.join(root, 'test/fixtures/parity/.verbatim.jsonc'), 'utf8');
    assert.deepEqual(parseConfig(fixture).problems, []);
    assert.ok(validate(parse(fixture, [], { allowTrailingComma: true })), JSON.stringify(validate.errors));
    for (const bad of ['{"rulez": {}}', '{"rules": {"quote-differs": "loud"}}', '{"match": {"minDensity": 2}}', '{"sources": "a/**"}', '{"ignore": [{"file": "a"}]}']) {
      assert.equal(validate(JSON.parse(bad)), false, bad);
      assert.ok(parseConfig(bad).problems.length > 0, bad);
    }
  });
});
