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

  /** True when git would ignore `file` (a folder when `dir`). */
  ignores(file: string, dir = false): boolean {
    const abs = path.resolve(file);
    const root = this.rootOf(path.dirname(abs));
    if (!root) return false;
    let ignored = false;
    const parents: string[] = [];
    for (let d = path.dirname(abs); ; d = path.dirname(d)) {
      parents.unshift(d);
      if (d === root) break;
    }
    for (const d of parents) {
      const ig = this.at(d);
      if (!ig) continue;
      const rel = path.relative(d, abs).split(path.sep).join('/') + (dir ? '/' : '');
      const t = ig.test(rel);
      if (t.ignored) ignored = true;
      else if (t.unignored) ignored = false;
    }
    return ignored;
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
