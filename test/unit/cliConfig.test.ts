/** The CLI and the configuration file: found like the editor finds it, flags over it, bad files reported. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './helpers';

const run = runCli;

const SOURCE = 'Wire copy.\n\n“We will keep talking until the job is done,” Mr Blinken said.\n';
const DRAFT = 'Draft.\n\n“We will keep talking until the work is done,” Mr Blinken said.\n\n“Nobody else has these words at all,” he said.\n';

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-config-'));
  for (const [name, text] of Object.entries({ 'sources/wire.txt': SOURCE, 'drafts/a.article': DRAFT, ...files })) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const findings = (out: string) => JSON.parse(out).documents.flatMap((d: { path: string; quotes: { findings: { rule: string; severity: string }[] }[] }) =>
  d.quotes.flatMap((q) => q.findings.map((f) => `${d.path} ${f.rule} ${f.severity}`)));

describe('verbatim check with a configuration file', () => {
  it('finds the nearest .verbatim.jsonc above the documents and uses its sources, include, rules and ignore list', () => {
    const dir = workspace({
      '.verbatim.jsonc': '{ // comments are fine\n "sources": ["sources/**"], "include": ["drafts/**"],\n "rules": { "quote-differs": "error", "unverified-quote": "off" } }',
    });
    const r = run(['check', '.', '--format', 'json', '--fail-on', 'never'], dir);
    assert.equal(r.err, '');
    assert.deepEqual(findings(r.out), ['drafts/a.article quote-differs error']);
    fs.mkdirSync(path.join(dir, '.verbatim'));
    fs.writeFileSync(path.join(dir, '.verbatim/ignore.json'), JSON.stringify({ version: 1, quotes: [{ file: 'drafts/a.article', text: 'We will keep talking until the work is done,' }] }));
    assert.deepEqual(findings(run(['check', 'drafts', '--format', 'json'], dir).out), [], '.verbatim/ignore.json beside the file is read');
  });

  it('takes --config for every document, and flags win over the file', () => {
    const dir = workspace({ 'team.json': '{ "sources": ["sources/**"], "authority": ["nowhere/**"] }' });
    const r = run(['check', 'drafts', '--config', 'team.json', '--authority', 'sources/**', '--format', 'json', '--fail-on', 'never'], dir);
    assert.deepEqual(findings(r.out), ['drafts/a.article quote-differs warning', 'drafts/a.article unverified-quote info']);
    assert.doesNotMatch(r.err, /names no source/, 'the file’s authority is not used when --authority is given');
  });

  it('says where a bad file is wrong, uses the defaults, and exits 2 only when it cannot be parsed', () => {
    const dir = workspace({ '.verbatim.json': '{\n  "sources": ["sources/**"]\n  "rules": {}\n}' });
    const r = run(['check', 'drafts', '--format', 'json'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /^verbatim: \.verbatim\.json:3:3: cannot parse: comma expected; using the defaults$/m);
    assert.equal(JSON.parse(r.out).documents.length, 1, 'the report is still written, with the defaults');

    fs.writeFileSync(path.join(dir, '.verbatim.json'), '{\n  "sources": ["sources/**", "transcripts/**"],\n  "rulez": {},\n  "authority": ["agency/**"],\n  "match": { "minWords": "two" },\n  "include": ["drafts/**", "notes/**"]\n}');
    const r2 = run(['check', 'drafts', '--format', 'json', '--fail-on', 'never'], dir);
    assert.equal(r2.code, 0);
    assert.match(r2.err, /\.verbatim\.json:3:3: unknown key "rulez" \(did you mean "rules"\?\); it is ignored/);
    assert.match(r2.err, /\.verbatim\.json:5:26: "match\.minWords" must be a whole number/);
    assert.match(r2.err, /\.verbatim\.json:2:29: sources glob "transcripts\/\*\*" matches no file/);
    assert.match(r2.err, /\.verbatim\.json:4:17: authority glob "agency\/\*\*" names no source file/);
    assert.match(r2.err, /\.verbatim\.json:6:28: include glob "notes\/\*\*" matches no file/);
    assert.deepEqual(findings(r2.out), ['drafts/a.article quote-differs warning', 'drafts/a.article unverified-quote info'], 'the rest works');
  });

  it('skips what .gitignore ignores in a repository, unless --no-gitignore', () => {
    const dir = workspace({ '.gitignore': 'drafts/scratch/\n', 'drafts/scratch/b.article': DRAFT, '.git/HEAD': 'ref: refs/heads/main\n', '.verbatim.json': '{ "sources": ["sources/**"] }' });
    const paths = (args: string[]) => JSON.parse(run(['check', 'drafts', '--format', 'json', '--fail-on', 'never', ...args], dir).out).documents.map((d: { path: string }) => d.path);
    assert.deepEqual(paths([]), ['drafts/a.article']);
    assert.deepEqual(paths(['--no-gitignore']), ['drafts/a.article', 'drafts/scratch/b.article']);
  });

  it('reads every .gitignore from the repository down, the deepest deciding, with paths relative to each', () => {
    const dir = workspace({
      '.git/HEAD': 'ref: refs/heads/main\n', '.verbatim.json': '{ "sources": ["sources/**"] }',
      '.gitignore': '*.article\n', 'drafts/b.article': DRAFT, 'drafts/desk/c.article': DRAFT, 'drafts/desk/d.article': DRAFT,
      // Un-ignores one file of its own folder by a path relative to it, not to the repository.
      'drafts/desk/.gitignore': '!c.article\n',
    });
    const r = run(['check', 'drafts', '--format', 'json', '--fail-on', 'never'], dir);
    assert.deepEqual(JSON.parse(r.out).documents.map((d: { path: string }) => d.path), ['drafts/desk/c.article']);
  });

  it('skips what the configuration excludes, and reads the size cap from it', () => {
    const dir = workspace({ 'drafts/old/b.article': DRAFT, '.verbatim.json': '{ "sources": ["sources/**"], "exclude": ["drafts/old/**"], "maxFileSizeKB": 1 }', 'sources/big.txt': 'x'.repeat(2000) });
    const r = run(['check', 'drafts', '--format', 'json', '--fail-on', 'never'], dir);
    assert.deepEqual(JSON.parse(r.out).documents.map((d: { path: string }) => d.path), ['drafts/a.article']);
    assert.match(r.err, /sources\/big\.txt: skipped: is 2 KB, over the 1 KB size cap/);
  });
});
