/**
 * The CLI's I/O: expands paths, folders and globs into files and reads them under the core's read
 * policy (binary and over-size files skipped, invalid UTF-8 read with U+FFFD and a note). A folder is
 * walked for the configuration's `include` (text, Markdown and article files by default), without its
 * `exclude`, dot-folders, node_modules or what .gitignore ignores. Anything that cannot be read becomes
 * a message and is skipped; the rest are still read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText, matchGlob, overCap, pathFilter, type Encoding } from '../core';
import type { Scopes } from './config';
import type { GitIgnores } from './gitignore';

/** File endings taken from a folder when no `include` is configured; a file named explicitly is read whatever its ending. */
export const DEFAULT_INCLUDE: readonly string[] = Object.freeze(['**/*.{txt,text,md,markdown,article}']);

export interface ReadResult {
  docs: { path: string; text: string }[];
  problems: string[];
}

/** How folders are walked: the scopes that give include/exclude, and .gitignore (unless null). */
export interface WalkPolicy {
  scopes: Scopes;
  git: GitIgnores | null;
}

/** The path of `file` relative to `dir`, with forward slashes. */
export const relativeTo = (dir: string, file: string): string => path.relative(dir, path.resolve(file)).split(path.sep).join('/');

/** Expands `specs` (files, folders, globs) into file paths, in sorted order without duplicates. */
export function expand(specs: readonly string[], problems: string[], policy: WalkPolicy): string[] {
  const out = new Set<string>();
  for (const spec of specs) {
    if (/[*?{[]/.test(spec)) {
      const base = spec.slice(0, spec.search(/[*?{[]/)).replace(/[^/]*$/, '') || '.';
      const found = walk(base, problems, policy).filter((f) => matchGlob(spec.replace(/^\.\//, ''), f));
      if (found.length === 0) problems.push(`${spec}: no file matches this pattern`);
      found.forEach((f) => out.add(f));
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(spec);
    } catch (e) {
      problems.push(`${spec}: ${reason(e)}`);
      continue;
    }
    if (stat.isDirectory()) {
      const folders = new Map<string, { test: (rel: string) => boolean; prefix: string }>();
      walk(spec, problems, policy).filter((f) => included(f, policy, folders)).forEach((f) => out.add(f));
    }
    else out.add(path.normalize(spec));
  }
  return [...out].sort();
}

/** True when a file found in a folder is one its scope's include and exclude take. */
function included(file: string, policy: WalkPolicy, folders: Map<string, { test: (rel: string) => boolean; prefix: string }>): boolean {
  // Per folder, not per file (10,000 sources in one folder): the scope's filter and the folder's path
  // relative to the scope (a file found by walking is its folder's path, a separator and its name).
  const dir = path.dirname(file);
  let f = folders.get(dir);
  if (!f) {
    const scope = policy.scopes.of(file);
    const config = scope.parsed?.config;
    const rel = relativeTo(scope.dir, dir);
    f = { test: pathFilter(config?.include ?? DEFAULT_INCLUDE, config?.exclude ?? []), prefix: rel === '' ? '' : `${rel}/` };
    folders.set(dir, f);
  }
  return f.test(f.prefix + path.basename(file));
}

/**
 * Whether walking folder `root` (as `expand` walks a folder given to it) lists `file`, a path under it:
 * the same rules for the file and each folder on the way (no dot-names, no node_modules, nothing
 * .gitignore ignores, the scope's include and exclude), for a watcher that is told which files changed
 * and need not walk the rest.
 */
export function walkIncludes(root: string, file: string, policy: WalkPolicy): boolean {
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const parts = rel.split(path.sep);
  let dir = root;
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i];
    if (name === 'node_modules' || name.startsWith('.')) return false;
    if (policy.git?.inFolder(dir)?.(name, i < parts.length - 1)) return false;
    dir = path.join(dir, name);
  }
  try {
    if (!fs.statSync(file).isFile()) return false;
  } catch {
    return false;
  }
  return included(path.join(root, rel), policy, new Map());
}

/** The files a scope's `sources` globs name (relative to its folder), without its `exclude`. */
export function scopeSources(dir: string, globs: readonly string[], exclude: readonly string[], problems: string[], policy: WalkPolicy): string[] {
  const filter = pathFilter(globs, exclude);
  const shown = path.relative('.', dir) || '.';
  return walk(shown, problems, policy).filter((f) => filter(relativeTo(dir, f))).sort();
}

/**
 * The files under `dir`. Symbolic links are followed, as the editor's file search follows them by
 * default (search.followSymlinks): a link to an article is a source. A link back into a folder being
 * walked, or to nothing, is reported and passed over. (`within`: the real paths of the folders walked
 * down to this one.)
 */
export function walk(dir: string, problems: string[], policy: WalkPolicy, within: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  let real: string;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
    real = fs.realpathSync(dir);
  } catch (e) {
    problems.push(`${dir}: cannot list folder (${reason(e)})`);
    return out;
  }
  const inside = new Set(within).add(real);
  const ignored = policy.git?.inFolder(dir);
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (ignored?.(e.name, e.isDirectory())) continue;
    let folder = e.isDirectory();
    let file = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const target = fs.statSync(p);
        folder = target.isDirectory();
        file = target.isFile();
        if (folder && inside.has(fs.realpathSync(p))) {
          problems.push(`${p}: skipped: a symbolic link to a folder it is in (a loop)`);
          continue;
        }
      } catch (err) {
        problems.push(`${p}: skipped: a symbolic link to nothing (${reason(err)})`);
        continue;
      }
    }
    // (Appended one by one: spread as arguments, a subfolder of 150,000 files overflowed the stack.)
    if (folder) for (const f of walk(p, problems, policy, inside)) out.push(f);
    else if (file) out.push(p);
  }
  return out;
}

/** Reads each file as text, skipping (with a message) what is not text or is over `maxBytes`; notes go to `problems` too. */
export function readAll(files: readonly string[], maxBytes: number, encoding: Encoding = 'utf-8'): ReadResult {
  const problems: string[] = [];
  const docs = [...readEach(files, [], maxBytes, encoding, problems)];
  return { docs, problems };
}

/**
 * `readAll` a file at a time, as the caller asks for the next (an analysis pulling its sources while
 * its workers analyse the ones before): the readable files in order, their problems and notes pushed
 * to `problems` as they are met. `sizes` are the files' sizes from a stat just made (undefined: stat it).
 */
export function* readEach(files: readonly string[], sizes: readonly (number | undefined)[], maxBytes: number, encoding: Encoding, problems: string[]): Generator<{ path: string; text: string }> {
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const r = readText(file, maxBytes, encoding, sizes[i]);
    if (!('text' in r)) {
      problems.push(`${file}: ${r.problem}`);
      continue;
    }
    if (r.note) problems.push(`${file}: ${r.note}`);
    yield { path: file, text: r.text };
  }
}

/** The size of each file, undefined where it cannot be stat'ed (reading it says why). */
export function sizesOf(files: readonly string[]): (number | undefined)[] {
  return files.map((f) => {
    try {
      return fs.statSync(f).size;
    } catch {
      return undefined;
    }
  });
}

/**
 * The file's text (with a note when it was not clean UTF-8), or why it was skipped. `size`: the size a
 * caller has just read from the file's stat, so it is not asked again.
 */
export function readText(file: string, maxBytes: number, encoding: Encoding = 'utf-8', size?: number): { text: string; note?: string } | { problem: string } {
  let buf: Buffer;
  try {
    const big = overCap(size ?? fs.statSync(file).size, maxBytes);
    if (big) return { problem: `skipped: ${big}; raise it with --max-size or maxFileSizeKB` };
    buf = fs.readFileSync(file);
  } catch (e) {
    return { problem: `cannot read (${reason(e)})` };
  }
  const d = decodeText(buf, maxBytes, encoding);
  if (!d.ok) return { problem: `skipped: ${d.reason}` };
  return d.note ? { text: d.text, note: d.note } : { text: d.text };
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return (e as Error)?.message ?? String(e);
}
