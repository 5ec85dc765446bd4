/**
 * `verbatim check --cache`: a warm run analyses nothing and reports exactly what a run without the cache
 * does; a changed, added or deleted source is the only one analysed again; a damaged or foreign cache
 * is ignored with one message.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCheckArgs } from '../../src/cli/args';
import { main, type Sink } from '../../src/cli/main';
import { runCheck } from '../../src/cli/run';

const root = path.resolve(__dirname, '../../..');

/** A temporary folder holding the seeds under sources/ and the first one as draft.txt. */
function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cache-'));
  fs.mkdirSync(path.join(dir, 'sources'));
  const seeds = fs.readdirSync(path.join(root, 'seeds')).sort();
  for (const f of seeds.slice(1)) fs.copyFileSync(path.join(root, 'seeds', f), path.join(dir, 'sources', f));
  fs.copyFileSync(path.join(root, 'seeds', seeds[0]), path.join(dir, 'draft.txt'));
  return dir;
}

function inDir<T>(dir: string, f: () => T): T {
  const prev = process.cwd();
  process.chdir(dir);
  try {
    return f();
  } finally {
    process.chdir(prev);
  }
}

/** Runs the CLI in `dir`; returns exit code, stdout and stderr. */
function cli(dir: string, args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const sink = (add: (s: string) => void): Sink => ({ write: (s: string) => add(s), isTTY: false });
  const code = inDir(dir, () => main(args, sink((s) => (out += s)), sink((s) => (err += s))) as number); // no --db: synchronous
  return { code, out, err };
}

const check = (dir: string, ...extra: string[]) => inDir(dir, () => runCheck(parseCheckArgs(['draft.txt', '--sources', 'sources', '--format', 'json', ...extra])));
const json = ['check', 'draft.txt', '--sources', 'sources', '--format', 'json', '--fail-on', 'never'];

/** Sets a file's text and moves its mtime on, as an editor's save would. */
function edit(file: string, text: string): void {
  fs.writeFileSync(file, text);
  const later = new Date(fs.statSync(file).mtimeMs + 5000);
  fs.utimesSync(file, later, later);
}

describe('verbatim check --cache', () => {
  it('analyses every source on a cold run, none on a warm one, and reports the same either way', () => {
    const dir = workspace();
    const plain = cli(dir, json);
    const cold = check(dir, '--cache=c.cache');
    assert.deepEqual(cold.cache, { analysed: 4, reused: 0, removed: 0, written: true });
    assert.ok(fs.existsSync(path.join(dir, 'c.cache')));
    const warm = check(dir, '--cache=c.cache');
    assert.deepEqual(warm.cache, { analysed: 0, reused: 4, removed: 0, written: false });
    const warmOut = cli(dir, [...json, '--cache=c.cache']);
    assert.equal(warmOut.err, '');
    assert.equal(warmOut.out, plain.out);
    assert.match(plain.out, /"relation":/, 'the draft has matches to compare');
    // Text output gives line numbers in sources the warm run never read.
    assert.equal(cli(dir, ['check', 'draft.txt', '--sources', 'sources', '--cache=c.cache']).out, cli(dir, ['check', 'draft.txt', '--sources', 'sources']).out);
  });

  it('re-analyses a changed source alone and then reports what a run without the cache does', () => {
    const dir = workspace();
    check(dir, '--cache-location', 'c.cache');
    const file = path.join(dir, 'sources', fs.readdirSync(path.join(dir, 'sources')).sort()[1]);
    edit(file, fs.readFileSync(file, 'utf8').replace(/ the /g, ' a '));
    const changed = check(dir, '--cache-location', 'c.cache');
    assert.deepEqual(changed.cache, { analysed: 1, reused: 3, removed: 0, written: true });
    assert.equal(cli(dir, [...json, '--cache=c.cache']).out, cli(dir, json).out);
  });

  it('re-analyses a source of the same size whose text changed, but not one only touched', () => {
    const dir = workspace();
    check(dir, '--cache=c.cache');
    const [a, b] = fs.readdirSync(path.join(dir, 'sources')).sort().map((f) => path.join(dir, 'sources', f));
    edit(a, fs.readFileSync(a, 'utf8'));
    const touched = check(dir, '--cache=c.cache');
    assert.deepEqual(touched.cache, { analysed: 0, reused: 4, removed: 0, written: true }, 'same hash: the new mtime is recorded');
    assert.deepEqual(check(dir, '--cache=c.cache').cache?.written, false);
    const text = fs.readFileSync(b, 'utf8');
    edit(b, text.replace('said', 'sIad'));
    assert.equal(fs.statSync(b).size, Buffer.byteLength(text));
    assert.deepEqual(check(dir, '--cache=c.cache').cache, { analysed: 1, reused: 3, removed: 0, written: true });
  });

  it('analyses an added source, drops a deleted one, and keeps the order a fresh run gives', () => {
    const dir = workspace();
    check(dir, '--cache=c.cache');
    const sources = fs.readdirSync(path.join(dir, 'sources')).sort();
    fs.rmSync(path.join(dir, 'sources', sources[0]));
    fs.copyFileSync(path.join(root, 'seeds', fs.readdirSync(path.join(root, 'seeds')).sort()[1]), path.join(dir, 'sources', 'zz-copy.txt'));
    const after = check(dir, '--cache=c.cache');
    assert.deepEqual(after.cache, { analysed: 1, reused: 3, removed: 1, written: true });
    assert.equal(cli(dir, [...json, '--cache=c.cache']).out, cli(dir, json).out);
  });

  it('rebuilds a cache written with other options', () => {
    const dir = workspace();
    check(dir, '--cache=c.cache');
    const other = check(dir, '--cache=c.cache', '--authority', 'sources/003*');
    assert.deepEqual(other.cache, { analysed: 4, reused: 0, removed: 0, written: true });
    assert.deepEqual(other.problems, []);
  });

  for (const [what, content] of [
    ['damaged', (good: string) => good.slice(0, good.length >> 1)],
    ['foreign', () => JSON.stringify({ format: 'eslint', files: {} }) + '\n{}'],
    ['garbage', () => '\u0000\u0001not json'],
  ] as const) {
    it(`ignores a ${what} cache with one line on stderr and rewrites it`, () => {
      const dir = workspace();
      check(dir, '--cache=c.cache');
      const cacheFile = path.join(dir, 'c.cache');
      fs.writeFileSync(cacheFile, content(fs.readFileSync(cacheFile, 'utf8')));
      const r = cli(dir, [...json, '--cache=c.cache']);
      assert.equal(r.out, cli(dir, json).out);
      assert.equal(r.err.split('\n').filter(Boolean).length, 1, r.err);
      assert.match(r.err, /^verbatim: c\.cache: cache ignored/);
      assert.deepEqual(check(dir, '--cache=c.cache').cache, { analysed: 0, reused: 4, removed: 0, written: false });
    });
  }

  it('takes --cache alone as the default file, not the next path', () => {
    assert.equal(parseCheckArgs(['--cache', 'a.txt']).cache, '.verbatimcache');
    assert.deepEqual(parseCheckArgs(['--cache', 'a.txt']).paths, ['a.txt']);
    assert.equal(parseCheckArgs(['a.txt']).cache, undefined);
    assert.equal(parseCheckArgs(['a.txt', '--cache=']).cache, '.verbatimcache');
    assert.equal(parseCheckArgs(['a.txt', '--cache=x/c.json']).cache, 'x/c.json');
  });
});
