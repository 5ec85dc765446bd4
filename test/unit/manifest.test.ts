/**
 * The manifest as a published extension: icon, licence, changelog, walkthrough steps whose media exist
 * and whose command links name contributed commands, a .vsix allow-list that ships them, and every
 * user-visible text a `%key%` of package.nls.json (VS Code's manifest localisation).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');
const raw = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
const commands = new Set<string>(raw.contributes.commands.map((c: { command: string }) => c.command));
// The ES module script, import()ed from CommonJS through a file URL.
type Script = { settingsTable(m: unknown): string; resolveNls<T>(v: T, nls: Record<string, string>): T; START: string; END: string };
const script = (): Promise<Script> => (new Function('u', 'return import(u)'))(require('url').pathToFileURL(path.join(root, 'scripts', 'settings-table.mjs')).href);
// package.json as VS Code shows it (English): set before the tests run.
let manifest: typeof raw;
before(async () => {
  manifest = (await script()).resolveNls(raw, nls);
});

/** Every string in `v` with where it is: [json path, value]. */
function strings(v: unknown, at = ''): [string, string][] {
  if (typeof v === 'string') return [[at, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${at}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, at ? `${at}.${k}` : k));
  return [];
}

describe('manifest', () => {
  it('has a PNG icon, keywords, a gallery banner, a LICENSE and a CHANGELOG', () => {
    const icon = fs.readFileSync(path.join(root, manifest.icon));
    assert.deepStrictEqual([...icon.subarray(1, 4)], [...Buffer.from('PNG')], `${manifest.icon} is a PNG`);
    assert.ok(icon.readUInt32BE(16) >= 128, 'the icon is at least 128 px wide, as the marketplace asks');
    assert.ok(manifest.keywords.length >= 3);
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.match(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8'), new RegExp(`${manifest.license} License`));
    assert.match(fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), new RegExp(`## ${manifest.version.replace(/\./g, '\\.')}`));
  });

  it('has a walkthrough whose steps show existing media and link only contributed commands', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.ok(walkthrough.steps.length >= 4);
    for (const step of walkthrough.steps) {
      assert.ok(fs.existsSync(path.join(root, step.media.markdown)), `${step.id}: ${step.media.markdown} exists`);
      for (const [, command] of String(step.description).matchAll(/\(command:([\w.]+)\)/g)) assert.ok(commands.has(command), `${step.id} links ${command}`);
      for (const event of step.completionEvents ?? []) {
        if (event.startsWith('onCommand:')) assert.ok(commands.has(event.slice('onCommand:'.length)), `${step.id} completes on ${event}`);
      }
    }
  });

  it('ships the icon, walkthrough media, sample and licence in the .vsix', () => {
    const allow = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    for (const needed of ['media/**', 'seeds/*.txt', 'LICENSE', 'CHANGELOG.md', 'docs/rules.md']) assert.ok(allow.includes(needed), `.vscodeignore lets ${needed} in`);
    // The scripts the hosts start as analysis workers (src/host/analysisWorkers.ts, src/web/analysisWorkers.ts).
    for (const needed of ['dist/extension.js', 'dist/analysisWorker.js', 'dist/web/extension.js', 'dist/web/analysisWorker.js']) assert.ok(allow.includes(needed), `.vscodeignore lets ${needed} in`);
  });
});

describe('manifest localisation (package.nls.json)', () => {
  const refs = strings(raw).filter(([, v]) => /^%.+%$/.test(v));

  it('has every %key% of package.json in package.nls.json, and no key nothing uses', () => {
    const used = new Set(refs.map(([, v]) => v.slice(1, -1)));
    assert.ok(used.size >= 50, `${used.size} keys`);
    for (const [at, v] of refs) assert.ok(v.slice(1, -1) in nls, `${at}: ${v} is in package.nls.json`);
    for (const key of Object.keys(nls)) assert.ok(used.has(key), `package.nls.json's ${key} is used by package.json`);
    for (const [key, text] of Object.entries(nls)) assert.ok(typeof text === 'string' && text.trim().length > 0, `${key} has a text`);
  });

  it('leaves no user-visible text of the manifest in English in package.json', () => {
    // The fields VS Code and the marketplace show to a user; everything else (ids, globs, when-clauses) is not text.
    const visible = /(^displayName|^description|\.title|\.category|\.name|\.contextualTitle|\.contents|[dD]escription(\[\d+\])?|EnumDescriptions\[\d+\])$/;
    const shown = strings(raw).filter(([at]) => visible.test(at) && !/\.(aliases|languages)/.test(at));
    assert.ok(shown.length >= 60, `${shown.length} visible texts`);
    for (const [at, v] of shown) assert.match(v, /^%.+%$/, `${at} is a %key% of package.nls.json, not “${v}”`);
  });

  it('is shipped: package.nls.json and the l10n bundle are in the .vsix allow-list', () => {
    const allow = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    for (const needed of ['!package.nls.json', '!l10n/**']) assert.ok(allow.includes(needed), `.vscodeignore has ${needed}`);
    assert.strictEqual(raw.l10n, './l10n');
  });
});

describe('README settings table', () => {
  it('lists every contributed setting with its default, as scripts/settings-table.mjs makes it', async () => {
    const { settingsTable, START, END } = await script();
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
    assert.strictEqual(block, settingsTable(manifest), 'run `node scripts/settings-table.mjs --write` after changing a setting');
    for (const key of Object.keys(manifest.contributes.configuration.properties)) assert.ok(block.includes(`\`${key}\``), key);
  });
});
