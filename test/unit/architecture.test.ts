import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_OPTIONS, LineMap, withOptions } from '../../src/core';

const root = path.resolve(__dirname, '../../..');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('architecture', () => {
  it('keeps src/core free of vscode and I/O', () => {
    const forbidden = /(?:from\s+|require\(\s*|import\(\s*)['"](?:vscode|node:[a-z_/]+|fs|path|child_process|worker_threads|os|net|http|https)['"]/;
    const offenders = filesUnder(path.join(root, 'src/core')).filter((f) => forbidden.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('freezes the default options and merges patches group by group', () => {
    assert.ok(Object.isFrozen(DEFAULT_OPTIONS) && Object.isFrozen(DEFAULT_OPTIONS.match));
    const o = withOptions({ relations: { spelling: 'hint' } });
    assert.equal(o.relations.spelling, 'hint');
    assert.equal(o.relations.variant, DEFAULT_OPTIONS.relations.variant);
    assert.throws(() => { (o.match as { minWords: number }).minWords = 1; });
  });
});

describe('LineMap', () => {
  it('ends lines at \\r\\n, \\n and \\r like a TextDocument, and clamps', () => {
    const m = new LineMap('ab\r\ncd\ref\ngh');
    assert.deepEqual(m.position(5), { line: 1, column: 1 });
    assert.deepEqual(m.position(7), { line: 2, column: 0 });
    assert.deepEqual(m.position(10), { line: 3, column: 0 });
    assert.deepEqual(m.position(99), { line: 3, column: 2 });
  });
});
