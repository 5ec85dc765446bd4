/**
 * The configuration the CLI checks a document with: `--config <file>` for every document, or else the
 * nearest `.verbatim.json` / `.verbatim.jsonc` above it (as the editor finds it). Its folder is the scope:
 * the globs and ignore entries are relative to it, and `.verbatim/ignore.json` is read there too. Without
 * a file, the scope is the nearest folder holding `.verbatim/ignore.json`, or the document's own folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILES, configCandidates, fatalMessage, formatMessage, formatProblem, IGNORE_FILE, IgnoreList, parseConfig, parseIgnoreFile, type ParsedConfig } from '../core';

export interface Scope {
  /** Absolute folder the scope's globs and ignore entries are relative to. */
  dir: string;
  /** The configuration file, as found or given; undefined without one. */
  file?: string;
  parsed?: ParsedConfig;
  ignore: IgnoreList;
}

export class Scopes {
  private readonly byFile = new Map<string, Scope>();
  private readonly byDir = new Map<string, Scope>();
  private readonly byWritten = new Map<string, Scope>();
  /** Problems as `file:line:col: message` lines, each once. */
  readonly problems: string[] = [];
  /** A configuration file could not be parsed (the CLI exits 2). */
  fatal = false;

  constructor(private readonly explicit?: string) {}

  /** The scope of a document (or of a folder when `isDir`). */
  of(file: string, isDir = false): Scope {
    if (this.explicit) return this.load(this.explicit);
    // Asked for each of 10,000 sources several times: the folder as written is looked up before it is resolved.
    const written = isDir ? file : path.dirname(file);
    const known = this.byWritten.get(written);
    if (known) return known;
    const dir = path.resolve(written);
    let scope = this.byDir.get(dir);
    if (!scope) {
      const found = configCandidates(dir, CONFIG_FILES).find((f) => fs.existsSync(f));
      scope = found ? this.load(path.relative('.', found) || found) : this.bare(dir);
      this.byDir.set(dir, scope);
    }
    this.byWritten.set(written, scope);
    return scope;
  }

  /** Every scope loaded so far. */
  all(): Scope[] {
    return [...new Set([...this.byFile.values(), ...this.byDir.values()])];
  }

  private load(file: string): Scope {
    const abs = path.resolve(file);
    let scope = this.byFile.get(abs);
    if (scope) return scope;
    const dir = path.dirname(abs);
    let text: string | undefined;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch (e) {
      this.problems.push(`${file}: cannot read the configuration (${(e as Error).message}); using the defaults`);
      this.fatal = true;
    }
    const parsed = text === undefined ? undefined : parseConfig(text);
    for (const p of parsed?.problems ?? []) this.problems.push(formatProblem(file, { ...p, message: p.fatal ? formatMessage(fatalMessage(p.messageL10n)) : p.message }));
    if (parsed?.fatal) this.fatal = true;
    const usable = parsed && !parsed.fatal ? parsed : undefined;
    scope = { dir, file, parsed: usable, ignore: new IgnoreList([...(usable?.config.ignore ?? []), ...this.ignoreFile(dir)]) };
    this.byFile.set(abs, scope);
    return scope;
  }

  private bare(dir: string): Scope {
    const holder = configCandidates(dir, [IGNORE_FILE]).find((f) => fs.existsSync(f));
    const base = holder ? path.dirname(path.dirname(holder)) : dir;
    return { dir: base, ignore: new IgnoreList(this.ignoreFile(base)) };
  }

  private ignoreFile(dir: string) {
    const file = path.join(dir, IGNORE_FILE);
    if (!fs.existsSync(file)) return [];
    try {
      return parseIgnoreFile(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      this.problems.push(`${path.relative('.', file) || file}: not valid JSON (${(e as Error).message}); no quotes are ignored from it`);
      return [];
    }
  }
}
