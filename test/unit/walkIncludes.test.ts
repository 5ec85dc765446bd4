import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expand, walkIncludes } from '../../src/cli/files';
import { Scopes } from '../../src/cli/config';
import { GitIgnores } from '../../src/cli/gitignore';

/** Every file under `dir`, dot-names and all. */
function everyFile(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? everyFile(p) : [p];
  });
}

describe('walkIncludes (one file, as the walk of its folder lists it)', () => {
  it('agrees with the walk on dot-names, node_modules, .gitignore, include and exclude, and kinds of file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-walk-'));
    try {
      const files: Record<string, string> = {
        '.git/HEAD': 'ref: refs/heads/main\n',
        '.gitignore': 'drafts/\n*.bak.txt\n!keep.bak.txt\n',
        'feed/.verbatim.json': JSON.stringify({ include: ['**/*.txt'], exclude: ['embargoed/**'] }),
        'feed/a.txt': 'x', 'feed/b.md': 'x', 'feed/c.bak.txt': 'x', 'feed/keep.bak.txt': 'x',
        'feed/embargoed/d.txt': 'x', 'feed/deep/er/e.txt': 'x', 'feed/.hidden/f.txt': 'x', 'feed/.g.txt': 'x',
        'feed/node_modules/h.txt': 'x', 'feed/drafts/i.txt': 'x', 'other/j.md': 'x', 'other/k.article': 'x',
        'other/l.jpg': 'x', 'other/drafts/m.txt': 'x', 'other/sub/n.markdown': 'x',
      };
      for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
      }
      const policy = (): { scopes: Scopes; git: GitIgnores } => ({ scopes: new Scopes(undefined), git: new GitIgnores() });
      let listed = 0;
      for (const root of [dir, path.join(dir, 'feed'), path.join(dir, 'other')]) {
        const walked = new Set(expand([root], [], policy()));
        listed += walked.size;
        for (const f of everyFile(root)) assert.equal(walkIncludes(root, f, policy()), walked.has(f), path.relative(dir, f));
        assert.equal(walkIncludes(root, path.join(root, 'gone.txt'), policy()), false);
      }
      // The fixture means something: the walks list some files and leave others out.
      assert.ok(listed >= 8 && listed < 3 * Object.keys(files).length, `${listed} listed`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
