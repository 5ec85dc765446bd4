/** Command-line parsing for `verbatim check`; a bad flag is a UsageError (exit 2). */
import { ENCODINGS, type Encoding } from '../core';

export type Format = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'never';

export interface CheckArgs {
  paths: string[];
  sources: string[];
  format: Format;
  failOn: FailOn;
  authority: string[];
  /** undefined: the configuration's maxFileSizeKB, else the core's default cap. */
  maxBytes: number | undefined;
  /** How files are decoded (`--encoding`): utf-8 (default), windows-1252, or auto. */
  encoding: Encoding;
  /** A configuration file for every document, instead of the nearest one above each. */
  config: string | undefined;
  /** false with --no-gitignore: walk what .gitignore ignores too. */
  gitignore: boolean;
  color: boolean | undefined;
  /** The archive's URL (`--db`), checked against as well as the sources. */
  db?: string;
  /** The analysis cache file (`--cache`), or undefined for none. */
  cache: string | undefined;
}

export class UsageError extends Error {}

export const USAGE = `Usage: verbatim check [paths…] [options]
       verbatim index <paths…> --db <url> [--watch]   (verbatim index --help)

Checks every quotation in the given articles (files or folders) against the other sources and reports
where the wording differs. With no --sources, every document is a source for the others.

Options:
  --sources <glob|dir>   a source file, folder or glob; repeatable (default: the checked documents)
  --format <f>           text (default), json or sarif
  --fail-on <level>      error, warning (default) or never: exit 1 when a finding reaches it
  --authority <glob>     most authoritative sources first, for the canonical wording; repeatable
  --config <file>        use this configuration file for every document (default: the nearest
                         .verbatim.json or .verbatim.jsonc above each document)
  --max-size <bytes>     skip files larger than this (default: maxFileSizeKB, else 10485760)
  --encoding <e>         utf-8 (default), windows-1252, or auto (UTF-8 when valid, else Windows-1252)
  --db <url>             also check against the archive at <url> (see verbatim index --help)
  --no-gitignore         also read what .gitignore ignores in folders
  --color / --no-color   force colour on or off (default: on for a terminal)
  --cache[=<file>]       keep the analysed sources in <file> (default .verbatimcache) and re-analyse
                         only the sources that changed since the last run
  --cache-location <f>   the same as --cache=<f>
  -h, --help             show this help
  --version              print the version

Flags win over the configuration file, which wins over the defaults.

Exit status: 0 nothing reached --fail-on, 1 something did, 2 bad usage, no input could be read, or a
configuration file that cannot be parsed (its defaults were used).`;

/** The cache file `--cache` uses when none is named (in the working folder, like .eslintcache). */
export const DEFAULT_CACHE = '.verbatimcache';

const FORMATS: readonly string[] = ['text', 'json', 'sarif'];
const FAIL_ON: readonly string[] = ['error', 'warning', 'never'];

/** Parses the arguments after `check`. */
export function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const args: CheckArgs = { paths: [], sources: [], format: 'text', failOn: 'warning', authority: [], maxBytes: undefined, encoding: 'utf-8', config: undefined, gitignore: true, color: undefined, cache: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--sources': args.sources.push(value()); break;
      case '--authority': args.authority.push(value()); break;
      case '--format': {
        const v = value();
        if (!FORMATS.includes(v)) throw new UsageError(`--format must be text, json or sarif, not "${v}"`);
        args.format = v as Format;
        break;
      }
      case '--fail-on': {
        const v = value();
        if (!FAIL_ON.includes(v)) throw new UsageError(`--fail-on must be error, warning or never, not "${v}"`);
        args.failOn = v as FailOn;
        break;
      }
      case '--encoding': {
        const v = value();
        if (!(ENCODINGS as readonly string[]).includes(v)) throw new UsageError(`--encoding must be ${ENCODINGS.join(', ')}, not "${v}"`);
        args.encoding = v as Encoding;
        break;
      }
      case '--max-size': {
        const v = Number(value());
        if (!Number.isFinite(v) || v <= 0) throw new UsageError('--max-size must be a positive number of bytes');
        args.maxBytes = v;
        break;
      }
      case '--db': args.db = value(); break;
      // `--cache <file>` would be ambiguous with a path to check: the file is given inline or by location.
      case '--cache': args.cache = inline || DEFAULT_CACHE; break;
      case '--cache-location': args.cache = value(); break;
      case '--config': args.config = value(); break;
      case '--no-gitignore': args.gitignore = false; break;
      case '--color': args.color = true; break;
      case '--no-color': args.color = false; break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        args.paths.push(a);
    }
  }
  if (args.paths.length === 0) throw new UsageError('no paths to check');
  return args;
}
