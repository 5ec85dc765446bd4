import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './helpers';

const root = path.resolve(__dirname, '../../..');

const run = (args: string[], cwd = root) => runCli(args, cwd);

function tempDir(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('verbatim check (CLI)', () => {
  it('cross-checks the seeds and prints compiler-style findings with a summary', () => {
    const r = run(['check', 'seeds']);
    assert.equal(r.code, 1);
    assert.match(r.out, /^seeds\/000_e82ae43b6dd607f6\.txt:15:14: warning quote-differs: .*“on” added/m);
    assert.match(r.out, /committed to doing \[-so\.-\] \{\+that\.\+\}/);
    assert.match(r.out, /56 quotes in 5 documents: \d+ errors?, \d+ warnings?/);
    assert.doesNotMatch(r.out, /\u001b\[/, 'no colour when not on a terminal');
  });

  it('prints exactly the JSON contract', () => {
    const r = run(['check', 'seeds', '--format', 'json', '--fail-on', 'never']);
    assert.equal(r.code, 0);
    const json = JSON.parse(r.out);
    assert.equal(json.version, 1);
    assert.deepEqual(Object.keys(json.documents[0]), ['path', 'quotes']);
    const q = json.documents[0].quotes.find((x: { text: string }) => x.text.startsWith('The Chinese side'));
    assert.deepEqual(Object.keys(q), ['start', 'end', 'text', 'kind', 'speaker', 'speakerConfidence', 'matches', 'findings']);
    assert.equal(q.speaker, 'Xi Jinping');
    assert.deepEqual(Object.keys(q.matches[0]), ['path', 'start', 'end', 'text', 'speaker', 'speakerConfidence', 'relation', 'score']);
    assert.deepEqual(Object.keys(q.findings[0]), ['rule', 'severity', 'message']);
    const text = fs.readFileSync(path.join(root, json.documents[0].path), 'utf8');
    assert.equal(text.slice(q.start, q.end), q.text);
  });

  it('writes SARIF 2.1.0 with rules, levels and 1-based regions', () => {
    const r = run(['check', 'seeds', '--format', 'sarif']);
    const sarif = JSON.parse(r.out);
    assert.equal(sarif.version, '2.1.0');
    const result = sarif.runs[0].results.find((x: { level: string }) => x.level === 'warning');
    assert.equal(result.ruleId, 'quote-differs');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 15);
    assert.equal(result.locations[0].physicalLocation.region.startColumn, 14);
    assert.ok(sarif.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'unbalanced-quote'));
  });

  it('honours --fail-on', () => {
    assert.equal(run(['check', 'seeds', '--fail-on', 'never']).code, 0);
    assert.equal(run(['check', 'seeds', '--fail-on', 'error']).code, 0, 'the seeds differ in words, never in a number or name');
    const same = tempDir({ 'a.txt': 'He said: “We will fight on, whatever happens next.”', 'b.txt': 'He said: “We will fight on, whatever happens next.”' });
    assert.equal(run(['check', '.', '--fail-on', 'warning'], same).code, 0);
    const numbers = tempDir({ 'a.txt': 'He said: “We will send three more ships next month.”', 'b.txt': 'He said: “We will send two more ships next month.”' });
    assert.equal(run(['check', '.', '--fail-on', 'error'], numbers).code, 1);
  });

  it('checks against --sources only, never a document against itself', () => {
    const dir = tempDir({
      'draft.md': 'She said: “We will never accept a deal that hurts families.”',
      'sources/wire.txt': 'She said: “We will never accept a deal that hurts working families.”',
    });
    const r = run(['check', 'draft.md', '--sources', 'sources', '--format', 'json'], dir);
    const json = JSON.parse(r.out);
    assert.equal(json.documents.length, 1);
    assert.equal(json.documents[0].quotes[0].matches[0].path, path.join('sources', 'wire.txt'));
    const glob = JSON.parse(run(['check', 'draft.md', '--sources', 'sources/**/*.txt', '--format', 'json'], dir).out);
    assert.equal(glob.documents[0].quotes[0].matches[0].relation, 'variant');
  });

  it('exits 2 with usage on bad flags', () => {
    for (const args of [['check', 'seeds', '--format', 'xml'], ['check', 'seeds', '--bogus'], ['check'], ['frobnicate'], ['check', 'seeds', '--fail-on']]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /Usage: verbatim check/);
    }
  });

  it('reports unreadable, binary and oversized files on stderr, reads invalid UTF-8 with a note (as the editor does), and checks the rest', () => {
    const dir = tempDir({
      'good.txt': 'He said: “We will fight on, whatever happens next.”',
      'other.txt': 'He said: “We will fight on, whatever happens.”',
      'bin.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]),
      'latin1.txt': Buffer.from([0x93, 0x68, 0x69, 0x94, 0xe9]),
      'big.txt': 'x'.repeat(2000),
    });
    const r = run(['check', '.', 'missing.txt', '--max-size', '1000', '--format', 'json'], dir);
    assert.match(r.err, /missing\.txt: no such file/);
    assert.match(r.err, /bin\.txt: skipped: looks binary/);
    assert.match(r.err, /latin1\.txt: is not valid UTF-8; invalid bytes were read as U\+FFFD/);
    assert.match(r.err, /big\.txt: skipped: .*--max-size/);
    const json = JSON.parse(r.out);
    assert.deepEqual(json.documents.map((d: { path: string }) => d.path), ['good.txt', 'latin1.txt', 'other.txt']);
    assert.equal(json.documents[0].quotes[0].matches[0].relation, 'excerpt');
  });

  it('walks a source folder whose subfolder holds 140,000 files (a year of wire copy in one folder)', function () {
    this.timeout(120_000);
    const dir = tempDir({
      'draft.txt': 'He said: “We will fight on, whatever happens next.”',
      'sources/wire/zz-match.txt': 'He said: “We will fight on, whatever happens.”',
    });
    try {
      // Empty files: many to walk, nothing to read. (Spread into one push, this many overflowed the stack.)
      for (let i = 0; i < 140_000; i++) fs.writeFileSync(path.join(dir, 'sources/wire', `${String(i).padStart(6, '0')}.txt`), '');
      const r = run(['check', 'draft.txt', '--sources', 'sources', '--format', 'json', '--fail-on', 'never'], dir);
      assert.equal(r.code, 0, r.err);
      const json = JSON.parse(r.out);
      assert.equal(json.documents[0].quotes[0].matches[0].path, 'sources/wire/zz-match.txt');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('follows symbolic links in a source folder, as the editor does, and reports loops and dangling links', () => {
    const dir = tempDir({
      'draft.txt': 'He said: “We will fight on, whatever happens next.”',
      'elsewhere/wire.txt': 'He said: “We will fight on, whatever happens.”',
      'elsewhere/more/story.txt': 'She said: “The budget is a disgrace to this city and its people.”',
      'sources/own.txt': 'She said: “The budget is a disgrace to this city.”',
    });
    try {
      fs.symlinkSync(path.join(dir, 'elsewhere/wire.txt'), path.join(dir, 'sources/linked.txt'));
      fs.symlinkSync(path.join(dir, 'elsewhere/more'), path.join(dir, 'sources/more'));
      fs.symlinkSync(path.join(dir, 'sources'), path.join(dir, 'sources/loop'));
      fs.symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'sources/dangling.txt'));
      const r = run(['check', 'draft.txt', '--sources', 'sources', '--format', 'json', '--fail-on', 'never'], dir);
      assert.equal(r.code, 0, r.err);
      assert.equal(JSON.parse(r.out).documents[0].quotes[0].matches[0]?.path, path.join('sources', 'linked.txt'));
      assert.match(r.err, /sources[/\\]loop: skipped: a symbolic link to a folder it is in/);
      assert.match(r.err, /sources[/\\]dangling\.txt: skipped: a symbolic link to nothing \(no such file or folder\)/);
      // The linked folder's article is a source too: checked against the sources, own.txt finds it.
      const own = run(['check', 'sources/own.txt', '--sources', 'sources', '--format', 'json', '--fail-on', 'never'], dir);
      assert.equal(JSON.parse(own.out).documents[0].quotes[0].matches[0]?.path, path.join('sources', 'more', 'story.txt'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 when no input could be read', () => {
    const r = run(['check', 'does-not-exist']);
    assert.equal(r.code, 2);
    assert.match(r.err, /no document could be read/);
  });

  it('reports an unclosed quote with its position', () => {
    const dir = tempDir({ 'a.txt': 'Intro line.\nHe said “this never closes\nNext.' });
    const r = run(['check', 'a.txt'], dir);
    assert.match(r.out, /^a\.txt:2:9: warning unbalanced-quote:/m);
  });
});
