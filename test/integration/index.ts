/**
 * Mocha entry point for the integration tests. VS Code loads this module inside the extension
 * host (`extensionTestsPath`) and calls `run()`; when the returned promise settles the extension
 * host exits with 0 (resolved) or 1 (rejected), which the runner reports as the test result.
 *
 * It loads every `*.test.js` under this directory (compiled from `test/integration/**\/*.test.ts`).
 *
 * Where the report goes:
 * - always to `console.log` (the spec reporter): under @vscode/test-electron that is the
 *   terminal; under code-server it is forwarded to the workbench log.
 * - if `VERBATIM_TEST_REPORT` names a file, every report line is appended to it as well. The
 *   headless runner (scripts/headless/run-tests.mjs) sets it in code-server's environment, which
 *   the extension host inherits, and prints the file as it grows: that is the channel it trusts.
 *
 * Optional: `VERBATIM_TEST_GREP` (only tests whose full title matches this regular expression),
 * `VERBATIM_TEST_TIMEOUT` (per-test timeout in ms, default 60000).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

/** Every file under `dir` whose name ends with `suffix`, sorted for a stable order. */
function findTestFiles(dir: string, suffix: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.isFile() && entry.name.endsWith(suffix)) {
        found.push(full);
      }
    }
  };
  walk(dir);
  return found.sort();
}

/** Sends every reporter line to the console and, when asked, to the report file too. */
function routeReporterOutput(reportFile: string | undefined): () => void {
  const base = Mocha.reporters.Base;
  const original = base.consoleLog;
  base.consoleLog = (...data: unknown[]): void => {
    const line = util.format(...data);
    console.log(line);
    if (reportFile) {
      fs.appendFileSync(reportFile, line + '\n');
    }
  };
  return () => {
    base.consoleLog = original;
  };
}

class TestsFailed extends Error {}

/** Runs the integration suites of the fixture workspace: every `*.test.js` under this folder. */
export function run(): Promise<void> {
  return runSuitesIn(__dirname);
}

/** Runs every `*<suffix>` file under `dir` with mocha, in this extension host (other suites have their own workspace and entry). */
export async function runSuitesIn(dir: string, suffix = '.test.js'): Promise<void> {
  const reportFile = process.env.VERBATIM_TEST_REPORT || undefined;
  const grep = process.env.VERBATIM_TEST_GREP || undefined;
  const timeout = Number(process.env.VERBATIM_TEST_TIMEOUT) || 60_000;

  // No colours: the report ends up in CI logs and files, not a terminal.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout });
  if (grep) {
    mocha.grep(new RegExp(grep));
  }
  const files = findTestFiles(dir, suffix);
  for (const file of files) {
    mocha.addFile(file);
  }

  const restore = routeReporterOutput(reportFile);
  try {
    if (files.length === 0) {
      throw new Error(`no *${suffix} files found under ${dir}`);
    }
    const failures = await new Promise<number>((resolve, reject) => {
      try {
        mocha.run(resolve);
      } catch (err) {
        reject(err);
      }
    });
    if (failures > 0) {
      throw new TestsFailed(`${failures} integration test(s) failed`);
    }
  } catch (err) {
    // The reporter has already told about failed tests; anything else (no tests found, a test
    // file that throws while loading) would otherwise only show in the workbench log.
    if (reportFile && !(err instanceof TestsFailed)) {
      const message = err instanceof Error ? err.stack ?? err.message : String(err);
      fs.appendFileSync(reportFile, `${message}\n`);
    }
    throw err;
  } finally {
    restore();
  }
}
