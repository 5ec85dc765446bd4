/**
 * The CLI's I/O: expands paths, folders and globs into files and reads them as UTF-8 text. Anything
 * that cannot be read (missing, a folder that cannot be listed, binary, invalid UTF-8, too large, gone
 * mid-scan) becomes a message and is skipped; the rest are still read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { matchGlob } from '../core';

/** File endings taken from a folder; a file named explicitly is read whatever its ending. */
const TEXT_FILE = /\.(?:txt|text|md|markdown|article)$/i;
const decoder = new TextDecoder('utf-8', { fatal: true });

export interface ReadResult {
  docs: { path: string; text: string }[];
  problems: string[];
}

/** Expands `specs` (files, folders, globs) into file paths, in sorted order without duplicates. */
export function expand(specs: readonly string[], problems: string[]): string[] {
  const out = new Set<string>();
  for (const spec of specs) {
    if (/[*?{]/.test(spec)) {
      const base = spec.slice(0, spec.search(/[*?{]/)).replace(/[^/]*$/, '') || '.';
      const found = walk(base, problems).filter((f) => matchGlob(spec.replace(/^\.\//, ''), f));
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
    if (stat.isDirectory()) walk(spec, problems).filter((f) => TEXT_FILE.test(f)).forEach((f) => out.add(f));
    else out.add(path.normalize(spec));
  }
  return [...out].sort();
}

function walk(dir: string, problems: string[]): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push(`${dir}: cannot list folder (${reason(e)})`);
    return out;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, problems));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Reads each file as text, skipping (with a message) what is not text or is over `maxBytes`. */
export function readAll(files: readonly string[], maxBytes: number): ReadResult {
  const docs: ReadResult['docs'] = [];
  const problems: string[] = [];
  for (const file of files) {
    const r = readText(file, maxBytes);
    if (typeof r === 'string') docs.push({ path: file, text: r });
    else problems.push(`${file}: ${r.problem}`);
  }
  return { docs, problems };
}

/** The file's text, or why it was skipped. */
export function readText(file: string, maxBytes: number): string | { problem: string } {
  let buf: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) return { problem: `skipped: ${size} bytes is over the ${maxBytes}-byte limit (raise it with --max-size)` };
    buf = fs.readFileSync(file);
  } catch (e) {
    return { problem: `cannot read (${reason(e)})` };
  }
  if (buf.subarray(0, 8192).includes(0)) return { problem: 'skipped: binary file' };
  try {
    return decoder.decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return { problem: 'skipped: not valid UTF-8 text' };
  }
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return (e as Error)?.message ?? String(e);
}
