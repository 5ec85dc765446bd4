/**
 * The manifest as a published extension: icon, licence, changelog, walkthrough steps whose media exist
 * and whose command links name contributed commands, and a .vsix allow-list that ships them.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const commands = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));

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
  });
});

describe('README settings table', () => {
  it('lists every contributed setting with its default, as scripts/settings-table.mjs makes it', async () => {
    // The script is an ES module; import() from CommonJS through a file URL.
    const { settingsTable, START, END } = await (new Function('u', 'return import(u)'))(require('url').pathToFileURL(path.join(root, 'scripts', 'settings-table.mjs')).href);
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
    assert.strictEqual(block, settingsTable(manifest), 'run `node scripts/settings-table.mjs --write` after changing a setting');
    for (const key of Object.keys(manifest.contributes.configuration.properties)) assert.ok(block.includes(`\`${key}\``), key);
  });
});
