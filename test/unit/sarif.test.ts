import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { main, type Sink } from '../../src/cli/main';

const root = path.resolve(__dirname, '../../..');

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The schema has a pattern that is only valid without the `u` flag.
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    let out = '';
    const sink: Sink = { write: (s: string) => (out += s) };
    const prev = process.cwd();
    process.chdir(root);
    try {
      main(['check', 'seeds', '--format', 'sarif'], sink, { write: () => true });
    } finally {
      process.chdir(prev);
    }
    const log = JSON.parse(out);
    assert.ok(log.runs[0].results.length > 10, 'the seeds give findings to validate');
    const ok = validate(log);
    assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    // The validator itself must reject a broken log, or the test above proves nothing.
    assert.equal(validate(Object.assign({}, log, { version: '9.9' })), false);
  });
});
