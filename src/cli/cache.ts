/**
 * `verbatim check --cache`: the analysed sources kept between runs, as ESLint and cspell keep lint
 * results. The cache file is one line of JSON (format, key, and each source's size, mtime and content
 * hash) followed by the source index in the binary store (core/index/binaryStore.ts: read back in a
 * third of the time the JSON store took). A source whose size and mtime are unchanged is taken
 * as it is; when they differ its text is read and hashed, and only a different hash re-analyses it.
 * Added sources are analysed, deleted ones removed: everything else is reused without being read.
 * The key holds the engine's version, its options and the working folder (paths are kept as given):
 * a cache written under another key is silently rebuilt; one that cannot be read as a Verbatim cache
 * is ignored with one message. The file is replaced atomically (written aside, then renamed).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { Engine, type BatchAnalyzer, type DocInput, type Encoding, type OptionsPatch } from '../core';
import { readText } from './files';

const FORMAT = 'verbatim-cache';
const NEWLINE = 10;
// 2: the index inside is stored index format 6.
// 3: the index is in the binary store.
const FORMAT_VERSION = 3;

interface Entry {
  size: number;
  mtimeMs: number;
  hash: string;
}

interface Header {
  format: string;
  version: number;
  key: string;
  /** Length of the serialized index after the header line: a truncated file is caught before parsing. */
  bytes: number;
  files: Record<string, Entry>;
}

export interface CacheStats {
  /** Sources analysed in this run (changed, added, or all of them without a usable cache). */
  analysed: number;
  /** Sources taken from the cache without analysing them again. */
  reused: number;
  /** Sources in the cache that are gone from the source list. */
  removed: number;
  /** Whether the cache file was (re)written. */
  written: boolean;
}

export interface CachedIndex {
  engine: Engine;
  /** The texts of the sources read in this run. */
  texts: Map<string, string>;
  stats: CacheStats;
}

/** The key a cache must have to be used: engine version, options and the working folder. */
export function cacheKey(version: string, engine: Engine): string {
  return JSON.stringify({ version, options: engine.options, cwd: process.cwd() });
}

/**
 * An engine whose index holds `files` (in this order; unreadable ones are skipped with a message in
 * `problems`), reusing what `cacheFile` holds and rewriting it when anything changed. `known` gives
 * texts already read (they are not read again).
 */
export function indexWithCache(
  cacheFile: string, files: readonly string[], known: ReadonlyMap<string, string>, maxBytes: number,
  options: OptionsPatch, version: string, problems: string[], analyzer?: BatchAnalyzer, encoding: Encoding = 'utf-8',
): CachedIndex {
  // Kept compactly (quote texts, not article texts): a third of the file to read back, and the same
  // reports; the few sources a report cites are read again for their line numbers.
  const fresh = new Engine(options, { keepText: false });
  const key = cacheKey(version, fresh);
  const loaded = load(cacheFile, key, options, problems);
  const engine = loaded?.engine ?? fresh;
  const old = loaded?.header.files ?? {};
  const entries: Record<string, Entry> = {};
  const texts = new Map<string, string>();
  const stats: CacheStats = { analysed: 0, reused: 0, removed: 0, written: false };
  let dirty = !loaded;
  // Every source's stat first: the text to be read (about the sizes of those whose stat changed)
  // tells the analysis whether to use its workers before the first file is read.
  const statted = files.map((file) => ({ file, stat: statOf(file), prev: old[file] }));
  const unchanged = ({ file, stat, prev }: (typeof statted)[number]): boolean =>
    prev !== undefined && engine.index.has(file) && !!stat && stat.size === prev.size && stat.mtimeMs === prev.mtimeMs && stat.size <= maxBytes;
  let expected = 0;
  for (const f of statted) if (!unchanged(f)) expected += f.stat?.size ?? 0;
  // Reused sources take their place in this run's order after the analysis (the index must not change
  // while it runs); where they sit among the slots does not change a report.
  const reorders: [string, number][] = [];
  // Files are read as the analysis asks for them: its workers start on the first while this thread
  // reads the rest.
  function* changed(): Generator<DocInput> {
    let order = 0;
    for (const f of statted) {
      const { file, stat, prev } = f;
      if (unchanged(f)) {
        entries[file] = prev;
        reorders.push([file, order++]);
        stats.reused++;
        continue;
      }
      const got = known.has(file) ? { text: known.get(file)! } : readText(file, maxBytes, encoding, stat?.size);
      if (!('text' in got)) {
        problems.push(`${file}: ${got.problem}`);
        continue;
      }
      const text = got.text;
      if ('note' in got && got.note) problems.push(`${file}: ${got.note}`);
      texts.set(file, text);
      const hash = createHash('sha1').update(text).digest('hex');
      entries[file] = { size: stat?.size ?? -1, mtimeMs: stat?.mtimeMs ?? -1, hash };
      dirty = true; // at least the entry's size or mtime is new
      if (prev !== undefined && engine.index.has(file) && prev.hash === hash) {
        reorders.push([file, order++]);
        stats.reused++;
      } else {
        stats.analysed++;
        yield { uri: file, label: file, text, order: order++ };
      }
    }
  }
  engine.setSources(changed(), analyzer, expected);
  for (const [file, order] of reorders) dirty = reorder(engine, file, order) || dirty;
  for (const uri of [...engine.index.documents()].map((d) => d.uri)) {
    if (entries[uri]) continue;
    engine.removeSource(uri);
    stats.removed++;
    dirty = true;
  }
  if (dirty) stats.written = save(cacheFile, key, entries, engine, problems, loaded?.bytes);
  return { engine, texts, stats };
}

/** Gives a reused source its place in this run's order (earliest-source choices depend on it). */
function reorder(engine: Engine, uri: string, order: number): boolean {
  if (engine.index.orderOf(uri) === order) return false;
  engine.index.set({ ...engine.index.get(uri)!, order });
  return true;
}

function load(file: string, key: string, options: OptionsPatch, problems: string[]): { header: Header; engine: Engine; bytes: number } | null {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code !== 'ENOENT') problems.push(`${file}: cache ignored (cannot read it: ${(e as Error).message})`);
    return null;
  }
  try {
    const nl = data.indexOf(NEWLINE);
    const header = JSON.parse(data.toString('utf8', 0, nl < 0 ? data.length : nl)) as Header;
    if (header?.format !== FORMAT || typeof header.files !== 'object' || header.files === null) throw new Error('not a Verbatim cache');
    if (header.version !== FORMAT_VERSION || header.key !== key) return null; // another version or options: rebuilt
    const body = data.subarray(nl + 1);
    if (body.length !== header.bytes) throw new Error('truncated');
    return { header, engine: Engine.deserializeBinary(body, options), bytes: body.length };
  } catch (e) {
    problems.push(`${file}: cache ignored (${e instanceof SyntaxError ? 'damaged' : (e as Error).message}); analysing every source`);
    return null;
  }
}

function save(file: string, key: string, files: Record<string, Entry>, engine: Engine, problems: string[], sizeHint?: number): boolean {
  const body = engine.serializeBinary(sizeHint);
  const header: Header = { format: FORMAT, version: FORMAT_VERSION, key, bytes: body.length, files };
  const aside = `${file}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(aside, 'w');
    try {
      fs.writeSync(fd, JSON.stringify(header) + '\n');
      fs.writeSync(fd, body);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(aside, file);
    return true;
  } catch (e) {
    problems.push(`${file}: cache not written (${(e as Error).message})`);
    try {
      fs.rmSync(aside, { force: true });
    } catch {
      // nothing left to clean up
    }
    return false;
  }
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined; // readText says why
  }
}
