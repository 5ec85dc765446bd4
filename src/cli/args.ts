/** Command-line parsing for `verbatim check`; a bad flag is a UsageError (exit 2). */

export type Format = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'never';

export interface CheckArgs {
  paths: string[];
  sources: string[];
  format: Format;
  failOn: FailOn;
  authority: string[];
  maxBytes: number;
  color: boolean | undefined;
  /** The archive's URL (`--db`), checked against as well as the sources. */
  db?: string;
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
  --max-size <bytes>     skip files larger than this (default 10485760)
  --db <url>             also check against the archive at <url> (see verbatim index --help)
  --color / --no-color   force colour on or off (default: on for a terminal)
  -h, --help             show this help
  --version              print the version

Exit status: 0 nothing reached --fail-on, 1 something did, 2 bad usage or no input could be read.`;

const FORMATS: readonly string[] = ['text', 'json', 'sarif'];
const FAIL_ON: readonly string[] = ['error', 'warning', 'never'];

/** Parses the arguments after `check`. */
export function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const args: CheckArgs = { paths: [], sources: [], format: 'text', failOn: 'warning', authority: [], maxBytes: 10 * 1024 * 1024, color: undefined };
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
      case '--max-size': {
        const v = Number(value());
        if (!Number.isFinite(v) || v <= 0) throw new UsageError('--max-size must be a positive number of bytes');
        args.maxBytes = v;
        break;
      }
      case '--db': args.db = value(); break;
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
