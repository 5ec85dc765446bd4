/**
 * What git ignores, so the CLI skips it as an editor's file search does: every .gitignore from the
 * repository root (the folder holding `.git`) down to the file, parsed by the `ignore` package, the
 * deepest one that says anything deciding. Outside a repository nothing is ignored.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export class GitIgnores {
  private readonly files = new Map<string, Ignore | null>();
  private readonly roots = new Map<string, string | null>();

  /**
   * What git ignores among the entries of folder `dir`, by name (a folder when `isDir`); null when it is
   * outside a repository. (Per folder, not per file: the folder's path and its .gitignore files are
   * worked out once for its 10,000 articles, not again for each.)
   */
  inFolder(dir: string): ((name: string, isDir: boolean) => boolean) | null {
    const abs = path.resolve(dir);
    const root = this.rootOf(abs);
    if (!root) return null;
    const rules: { ig: Ignore; prefix: string }[] = [];
    for (let d = abs; ; d = path.dirname(d)) {
      const ig = this.at(d);
      const rel = path.relative(d, abs).split(path.sep).join('/');
      if (ig) rules.unshift({ ig, prefix: rel === '' ? '' : `${rel}/` });
      if (d === root) break;
    }
    // The deepest file that says anything decides.
    return (name, isDir) => {
      let ignored = false;
      for (const { ig, prefix } of rules) {
        const t = ig.test(prefix + name + (isDir ? '/' : ''));
        if (t.ignored) ignored = true;
        else if (t.unignored) ignored = false;
      }
      return ignored;
    };
  }

  private at(dir: string): Ignore | null {
    let ig = this.files.get(dir);
    if (ig === undefined) {
      try {
        ig = ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'));
      } catch {
        ig = null;
      }
      this.files.set(dir, ig);
    }
    return ig;
  }

  private rootOf(dir: string): string | null {
    let root = this.roots.get(dir);
    if (root === undefined) {
      const up = path.dirname(dir);
      root = fs.existsSync(path.join(dir, '.git')) ? dir : up === dir ? null : this.rootOf(up);
      this.roots.set(dir, root);
    }
    return root;
  }
}
