/**
 * The browser bundle (package.json `browser`): built the way scripts/build.mjs builds it, it imports no
 * Node built-in and requires nothing but `vscode` — a Node-only module (the PostgreSQL archive, node:fs)
 * reaching the host code would break the extension in vscode.dev. And the web test entry runs every
 * integration suite.
 */
import * as assert from 'assert';
import { build } from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { hashHex, nextTurn, uniqueSuffix } from '../../src/host/platform';

const root = path.resolve(__dirname, '..', '..', '..');
// Through Function: tsc would turn a plain import() into require(), which cannot load .mjs.
const importEsm = new Function('u', 'return import(u)') as (url: string) => Promise<Record<string, any>>;
const webBuild = () => importEsm(pathToFileURL(path.join(root, 'scripts', 'webBuild.mjs')).href);

describe('Web extension bundle', function () {
  this.timeout(60_000);

  it('bundles the host code for the browser without Node built-ins; it requires only vscode', async () => {
    const { browserOptions, nodeBuiltinsIn } = await webBuild();
    const result = await build(browserOptions({ entryPoints: [path.join(root, 'src', 'extension.ts')], outfile: 'web.js', write: false, sourcemap: false, absWorkingDir: root }));
    assert.deepStrictEqual(nodeBuiltinsIn(result.metafile), []);
    const code = result.outputFiles!.find((f) => f.path.endsWith('web.js'))!.text;
    const required = new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    assert.deepStrictEqual([...required], ['vscode']);
    assert.deepStrictEqual(code.match(/(?<![.\w])(?:process\.pid|setImmediate\(|Buffer\.from|createHash\()/g), null, 'no Node globals in the host code');
  });

  it('finds Node built-ins when a bundle has them (the check can fail)', async () => {
    const { nodeBuiltinsIn } = await webBuild();
    const metafile = { inputs: { 'a.ts': { imports: [{ path: 'node:fs' }, { path: 'crypto' }, { path: 'vscode' }] } } };
    assert.deepStrictEqual(nodeBuiltinsIn(metafile), ['crypto', 'node:fs']);
  });

  it('runs every integration suite in the web extension host too', async () => {
    const { WEB_SUITES } = await webBuild();
    const suites = fs.readdirSync(path.join(root, 'test', 'integration')).filter((f) => f.endsWith('.test.ts')).map((f) => f.replace(/\.test\.ts$/, ''));
    assert.ok(suites.length >= 8);
    for (const s of suites) assert.ok(WEB_SUITES.includes(s), `${s}.test.ts is missing from WEB_SUITES in scripts/webBuild.mjs`);
  });
});

describe('Host platform shims', () => {
  it('hashes to 16 hex digits, the same for the same text and different for others', () => {
    assert.match(hashHex('file:///a\nfile:///b'), /^[0-9a-f]{16}$/);
    assert.strictEqual(hashHex('file:///a'), hashHex('file:///a'));
    const seen = new Set(Array.from({ length: 1000 }, (_, i) => hashHex(`file:///folder-${i}`)));
    assert.strictEqual(seen.size, 1000);
    assert.notStrictEqual(hashHex('ab'), hashHex('ba'));
  });

  it('gives unique temporary name parts', () => {
    assert.strictEqual(new Set(Array.from({ length: 100 }, uniqueSuffix)).size, 100);
  });

  it('runs a callback on a later turn, in order', async () => {
    const seen: number[] = [];
    await new Promise<void>((resolve) => {
      nextTurn(() => seen.push(1));
      nextTurn(() => {
        seen.push(2);
        resolve();
      });
      seen.push(0);
    });
    assert.deepStrictEqual(seen, [0, 1, 2]);
  });
});
