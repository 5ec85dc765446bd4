/**
 * `verbatim index --watch`: after the first whole pass, a pass takes only the files the watcher was told
 * of. A wire feed's drop folder holds months of copy: walking all of it, and reading every archived
 * document's state, for each story that arrives made a pass grow with the folder. A pass is whole again
 * when what changed is more than files: a folder (moved in), a configuration or .gitignore file, or an
 * event the system gave without a name.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Archive } from '../archive/archive';
import { CONFIG_FILES } from '../core';
import { Scopes } from './config';
import { walkIncludes } from './files';
import { GitIgnores } from './gitignore';
import { inert } from './format/text';
import type { PassInput } from './indexCommand';
import type { Sink } from './main';

/** A path the watcher was told changed, and the watched path it is under (or that it is). */
export interface Changed { root: string; file: string }

/** Paths whose change may change what every other file's walk gives: only a whole pass sees to it. */
const RULE_FILES = new Set([...CONFIG_FILES, '.gitignore']);

/** The changed files, or null when a whole pass is needed (see the header). */
function filesOnly(changed: readonly Changed[]): Changed[] | null {
  const seen = new Map<string, Changed>();
  for (const c of changed) {
    if (RULE_FILES.has(path.basename(c.file))) return null;
    try {
      if (fs.statSync(c.file).isDirectory()) return null;
    } catch {
      // Gone: a file or a folder removed, or renamed away.
    }
    seen.set(c.file, c);
  }
  return [...seen.values()];
}

/**
 * A pass's input for these changed paths alone: those the walk of their folder would list, to ingest if
 * changed; those gone, to remove, with the documents archived under them (a folder removed).
 */
export async function changedInput(archive: Archive, changed: readonly Changed[]): Promise<PassInput> {
  const policy = { scopes: new Scopes(undefined), git: new GitIgnores() };
  const files: string[] = [];
  const gone: string[] = [];
  for (const c of changed) {
    let exists = true;
    try { fs.statSync(c.file); } catch { exists = false; }
    if (!exists) gone.push(c.file);
    // A file given by name is always read, as `verbatim check` reads it.
    else if (c.file === c.root || walkIncludes(c.root, c.file, policy)) files.push(c.file);
  }
  const known = await archive.statesOf([...files, ...gone], gone.map((g) => g + path.sep));
  return { files, known, removable: (uri) => gone.some((g) => uri === g || uri.startsWith(g + path.sep)) };
}

/**
 * Re-runs `pass` (one at a time, debounced) whenever something changes under the paths, until
 * SIGINT/SIGTERM: with the changed paths, or null when only a whole pass will do.
 */
export function watch(paths: readonly string[], pass: (changed: Changed[] | null) => Promise<void>, err: Sink): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | null = null;
    let running: Promise<void> = Promise.resolve();
    let pending: Changed[] = [];
    let whole = false;
    const again = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const batch = pending;
        const all = whole;
        pending = [];
        whole = false;
        // (What a file is now is asked when its pass runs, after the passes before it.)
        running = running.then(() => pass(all ? null : filesOnly(batch))).catch(reject);
      }, 200);
    };
    let stopped = false;
    const watchers = new Map<string, fs.FSWatcher>();
    const start = (p: string): void => {
      const root = path.normalize(p);
      const folder = fs.statSync(p).isDirectory();
      const w = fs.watch(p, { recursive: folder }, (_event, name) => {
        if (!name) whole = true;
        else pending.push({ root, file: folder ? path.join(root, name.toString()) : root });
        again();
      });
      // Node 20's recursive watcher on Linux reads each folder that appears; one removed before it is
      // read (a drop folder emptied at once) is an 'error' on the watcher, which, unheard, ended the
      // process. The watcher is made again and a whole pass reads what changed meanwhile.
      w.on('error', (e: NodeJS.ErrnoException) => {
        w.close();
        watchers.delete(p);
        if (stopped) return;
        err.write(`verbatim: the watcher lost track of a change under ${inert(p)} (${inert(e.code ?? e.message)}); watching it again and reading it whole\n`);
        whole = true;
        again();
        try {
          start(p);
        } catch (failed) {
          reject(failed);
        }
      });
      watchers.set(p, w);
    };
    for (const p of paths) if (fs.existsSync(p)) start(p);
    err.write(`verbatim: watching ${paths.map(inert).join(', ')} (Ctrl-C to stop)\n`);
    const stop = (): void => {
      stopped = true;
      watchers.forEach((w) => w.close());
      if (timer) clearTimeout(timer);
      running.then(() => resolve(), reject);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
