/** The `verbatim` command. Messages about unreadable input go to stderr; the report to stdout. */
import { parseCheckArgs, USAGE, UsageError, type CheckArgs } from './args';
import { toJson } from './format/json';
import { toSarif } from './format/sarif';
import { inert, toText } from './format/text';
import { exitCodeFor, runCheck, type CheckResult } from './run';

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES_DOC } from '../core';

// The archive's modules load the PostgreSQL client (a tenth of a second): only commands that use it
// require them.
const archiveCheck = (): typeof import('./archiveCheck') => require('./archiveCheck');
const archive = (): typeof import('../archive/archive') => require('../archive/archive');
const indexCommand = (): typeof import('./indexCommand') => require('./indexCommand');

declare const VERSION: string | undefined;
const version = typeof VERSION === 'string' ? VERSION : '0.0.0-dev';

/** docs/rules.md of the installed package (found above this script), as a file URI for SARIF's helpUri. */
function rulesDocUri(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return pathToFileURL(path.join(dir, RULES_DOC)).href;
}

/** Where the CLI writes: process.stdout/stderr, or a capture in tests. */
export interface Sink {
  write(s: string): unknown;
  isTTY?: boolean;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code (a promise with an archive). */
export function main(argv: readonly string[], out: Sink = process.stdout, err: Sink = process.stderr): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    out.write(USAGE + '\n');
    return 0;
  }
  if (command === '--version') {
    out.write(version + '\n');
    return 0;
  }
  if (command === 'index') {
    if (rest.includes('-h') || rest.includes('--help')) {
      out.write(indexCommand().INDEX_USAGE + '\n');
      return 0;
    }
    return indexCommand().runIndex(rest, out, err);
  }
  if (command !== 'check') {
    err.write(`verbatim: ${command ? `unknown command "${inert(command)}"` : 'no command'}\n\n${USAGE}\n`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    out.write(USAGE + '\n');
    return 0;
  }
  let args;
  try {
    args = parseCheckArgs(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`verbatim: ${inert(e.message)}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (args.db !== undefined) {
    const withDb = { ...args, db: args.db };
    return archiveCheck().runArchiveCheck(withDb, version).then((result) => report(result, withDb, out, err), (e) => {
      if (!(e instanceof archive().ArchiveError)) throw e;
      err.write(`verbatim: ${inert(e.message)}\n`);
      return 2;
    });
  }
  return report(runCheck(args, version), args, out, err);
}

function report(result: CheckResult, args: CheckArgs, out: Sink, err: Sink): number {
  for (const p of result.problems) err.write(`verbatim: ${inert(p)}\n`);
  if (!result.anyInput) {
    err.write('verbatim: no document could be read\n');
    return 2;
  }
  const color = args.color ?? (Boolean(out.isTTY) && !process.env.NO_COLOR);
  const body =
    args.format === 'json' ? toJson(result.reports) : args.format === 'sarif' ? toSarif(result.reports, result.texts, version, rulesDocUri()) : toText(result.reports, result.texts, color);
  out.write(body + '\n');
  return result.badConfig ? 2 : exitCodeFor(result.reports, args.failOn);
}

if (require.main === module) {
  Promise.resolve(main(process.argv.slice(2))).then((code) => { process.exitCode = code; }, (e) => {
    process.stderr.write(`verbatim: ${inert(String((e as Error)?.stack ?? e))}\n`);
    process.exitCode = 2;
  });
}
