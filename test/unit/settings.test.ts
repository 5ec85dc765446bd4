/**
 * The `verbatim.*` settings table against package.json: every contributed key is read by the host,
 * every row is contributed, and the contributed defaults are the engine's and host's defaults.
 * Plain Node: src/host/settingsMap.ts imports no `vscode`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_OPTIONS } from '../../src/core/index';
import { HOST_DEFAULTS, SETTINGS, SETTING_KEYS, defaultOf, readSettings } from '../../src/host/settingsMap';

// Compiled to out/test/unit, so the repository root is three levels up.
const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
// Descriptions are `%key%` references into package.nls.json (the manifest's English texts).
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
const text = (s: string | undefined): string | undefined => (s && /^%.+%$/.test(s) ? nls[s.slice(1, -1)] : s);
const contributed: Record<string, { default?: unknown; scope?: string; markdownDescription?: string; enum?: string[] }> =
  manifest.contributes.configuration.properties;

describe('settings', () => {
  it('reads every key contributed in package.json, and contributes every key it reads', () => {
    assert.deepStrictEqual([...SETTING_KEYS].sort(), Object.keys(contributed).sort());
  });

  it('asks for every key when reading the configuration', () => {
    const asked: string[] = [];
    readSettings((key) => {
      asked.push(`verbatim.${key}`);
      return undefined;
    });
    assert.deepStrictEqual(asked.sort(), Object.keys(contributed).sort());
  });

  it('contributes the engine’s and the host’s defaults', () => {
    for (const row of SETTINGS) {
      assert.deepStrictEqual(contributed[`verbatim.${row.key}`].default, defaultOf(row), `verbatim.${row.key}`);
    }
  });

  it('has a severity setting for every relation and rule of the engine', () => {
    for (const group of ['relations', 'rules'] as const) {
      for (const key of Object.keys(DEFAULT_OPTIONS[group])) {
        assert.ok(SETTING_KEYS.includes(`verbatim.${group}.${key}`), `verbatim.${group}.${key} is contributed`);
      }
    }
  });

  it('describes every setting in Markdown, with a scope', () => {
    for (const [key, p] of Object.entries(contributed)) {
      const description = text(p.markdownDescription);
      assert.ok(description && description.length > 20, `${key} has a markdownDescription`);
      // The archive is one connection per window, and a folder must not pick where quotes are sent.
      const scope = key === 'verbatim.archive.url' ? 'window' : 'resource';
      assert.strictEqual(p.scope, scope, `${key} is ${scope}-scoped`);
    }
  });

  it('maps each value onto its option, and ignores invalid values with a message', () => {
    const values: Record<string, unknown> = {
      'relations.variant': 'error',
      'rules.speakerDiffers': 'off',
      'match.minWords': 3,
      'match.minDensity': 0.5,
      authority: ['**/transcripts/**'],
      run: 'onSave',
      debounceMs: 50,
      sources: ['wire/**'],
      'relations.spelling': 'loud',
      'match.minContainment': 7,
      include: 'not-a-list',
    };
    const read = readSettings((key) => values[key]);
    assert.strictEqual(read.options.relations?.variant, 'error');
    assert.strictEqual(read.options.rules?.speakerDiffers, 'off');
    assert.strictEqual(read.options.match?.minWords, 3);
    assert.strictEqual(read.options.match?.minDensity, 0.5);
    assert.deepStrictEqual(read.options.authority, ['**/transcripts/**']);
    assert.strictEqual(read.host.run, 'onSave');
    assert.strictEqual(read.host.debounceMs, 50);
    assert.deepStrictEqual(read.host.sources, ['wire/**']);
    assert.deepStrictEqual(read.host.include, HOST_DEFAULTS.include);
    assert.strictEqual(read.options.relations?.spelling, undefined);
    assert.strictEqual(read.options.match?.minContainment, undefined);
    assert.strictEqual(read.problems.length, 3, read.problems.join('\n'));
  });

  it('leaves the engine defaults alone when nothing is set', () => {
    const read = readSettings(() => undefined);
    assert.deepStrictEqual(read.options, { match: {}, relations: {}, rules: {}, attribute: {} });
    assert.deepStrictEqual(read.host, HOST_DEFAULTS);
    assert.strictEqual(DEFAULT_OPTIONS.relations.variant, 'warning');
  });
});
