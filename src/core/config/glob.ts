/**
 * Path globs through picomatch (`**`, `*`, `?`, `[…]`, `{a,b}`, `!` negation), the one glob dialect of
 * the configuration file, the settings and the CLI. Paths use forward slashes.
 */
import picomatch from 'picomatch/posix';

const OPTIONS = { dot: true } as const;
const anchored = new Map<string, (path: string) => boolean>();

function compiled(glob: string): (path: string) => boolean {
  let m = anchored.get(glob);
  if (!m) anchored.set(glob, (m = picomatch(glob.replace(/^\.\//, ''), OPTIONS)));
  return m;
}

const slashes = (path: string): string => path.replace(/\\/g, '/');

/** True when `path`, relative to the folder the glob is written for, matches `glob` from its start. */
export function matchRelative(glob: string, path: string): boolean {
  return compiled(glob)(slashes(path).replace(/^\.\//, ''));
}

/**
 * True when `path` matches `glob` at any folder boundary, so `sources/**` matches `/work/sources/a.txt`
 * and `file:///work/sources/a.txt`: how authority globs name sources whatever folder they are under.
 * A glob starting with `!` matches what the rest does not.
 */
export function matchGlob(glob: string, path: string): boolean {
  if (glob.startsWith('!')) return !matchGlob(glob.slice(1), path);
  const p = slashes(path);
  const test = compiled(glob);
  if (test(p)) return true;
  for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) if (test(p.slice(i + 1))) return true;
  return false;
}

/**
 * A filter from include and exclude globs, both relative to one folder: a path is in when it matches
 * an include glob (or there are none) and no exclude glob. `!glob` in either list takes paths back out.
 */
export function pathFilter(include: readonly string[], exclude: readonly string[]): (relPath: string) => boolean {
  const any = (globs: readonly string[], p: string): boolean => {
    let hit = false;
    for (const g of globs) {
      if (g.startsWith('!')) { if (matchRelative(g.slice(1), p)) hit = false; }
      else if (matchRelative(g, p)) hit = true;
    }
    return hit;
  };
  return (p) => (include.length === 0 || any(include, p)) && !any(exclude, p);
}
