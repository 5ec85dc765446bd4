#!/usr/bin/env node
// Runs the integration tests inside a real VS Code extension host, headless: code-server serves the
// workbench, Debian's Chromium (driven by playwright-core) opens it with the extension under
// development and the compiled mocha entry, and the extension host's exit code becomes ours.
//
//   node scripts/headless/run-tests.mjs [workspace] [options]
//
//   workspace              folder to open (default: test/fixtures/workspace)
//   --extension <dir>      extension under development (default: the repository root)
//   --tests <path>         compiled mocha entry, without .js (default: out/test/integration/index)
//   --grep <regexp>        run only tests whose full title matches
//   --timeout <seconds>    give up after this long (default: 600)
//   --logs <dir>           save code-server's log and the workbench's logs there
//   --verbose              also print code-server's output, the whole workbench log and page errors
//   --web                  run the extension and the tests in the browser's web worker extension host
//                          (default tests: out/test/web/index, the bundle `node scripts/build.mjs web-tests` makes)
//
// Needs `bash scripts/headless/install.sh` (once) and `npm run compile-tests` (before each run).
// Exit code: the extension host's (0 = all tests passed), 124 on timeout, 2 on a setup problem,
// 3 if the workbench or code-server died before the tests finished.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  SetupError,
  launchChromium,
  openWorkbench,
  repoRoot,
  resolveTools,
  startCodeServer,
} from './workbench.mjs';

const USAGE = 'usage: node scripts/headless/run-tests.mjs [workspace] [--extension <dir>] [--tests <path>] '
  + '[--grep <regexp>] [--timeout <seconds>] [--logs <dir>] [--verbose] [--web]';

function parseCli() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        extension: { type: 'string' },
        tests: { type: 'string' },
        grep: { type: 'string' },
        timeout: { type: 'string' },
        logs: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        web: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    process.exit(2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length > 1) {
    console.error(`expected at most one workspace folder\n${USAGE}`);
    process.exit(2);
  }
  const timeoutSeconds = Number(values.timeout ?? 600);
  if (!(timeoutSeconds > 0)) {
    console.error(`--timeout wants a positive number of seconds\n${USAGE}`);
    process.exit(2);
  }
  if (values.web && values.grep) {
    // The web extension host has no environment to pass VERBATIM_TEST_GREP through.
    console.error(`--grep does not work with --web\n${USAGE}`);
    process.exit(2);
  }
  return {
    workspace: path.resolve(positionals[0] ?? path.join(repoRoot, 'test', 'fixtures', 'workspace')),
    extension: path.resolve(values.extension ?? repoRoot),
    tests: path.resolve(values.tests ?? path.join(repoRoot, 'out', 'test', values.web ? 'web' : 'integration', 'index')).replace(/\.js$/, ''),
    grep: values.grep,
    timeoutMs: timeoutSeconds * 1000,
    logs: values.logs ? path.resolve(values.logs) : undefined,
    verbose: values.verbose,
    web: values.web,
  };
}

const say = (msg) => process.stdout.write(`[headless] ${msg}\n`);

/** Prints the report file as it grows (the tests' own output; see test/integration/index.ts). */
function tailFile(file, write) {
  let offset = 0;
  let partial = '';
  const poll = () => {
    let fd;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return; // not created yet
    }
    try {
      const buf = Buffer.alloc(64 * 1024);
      for (;;) {
        const n = fs.readSync(fd, buf, 0, buf.length, offset);
        if (n <= 0) break;
        offset += n;
        partial += buf.toString('utf8', 0, n);
      }
    } finally {
      fs.closeSync(fd);
    }
    const end = partial.lastIndexOf('\n');
    if (end >= 0) {
      write(partial.slice(0, end + 1));
      partial = partial.slice(end + 1);
    }
  };
  const timer = setInterval(poll, 200);
  const stop = () => {
    clearInterval(timer);
    poll();
    if (partial) write(partial + '\n');
    partial = '';
  };
  return { poll, stop };
}

async function main() {
  const opts = parseCli();
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  let tools;
  try {
    tools = resolveTools();
  } catch (err) {
    if (err instanceof SetupError) {
      console.error(`[headless] ${err.message}`);
      return 2;
    }
    throw err;
  }
  for (const [what, p] of [['workspace', opts.workspace], ['extension', opts.extension]]) {
    if (!fs.existsSync(p)) {
      console.error(`[headless] ${what} folder not found: ${p}`);
      return 2;
    }
  }
  if (!fs.existsSync(`${opts.tests}.js`)) {
    console.error(`[headless] compiled test entry not found: ${opts.tests}.js (run \`npm run compile-tests\` first)`);
    return 2;
  }

  // Everything started is registered here and stopped in reverse order, whatever happens.
  const resources = [];
  let stopping = false;
  const track = async (stop) => {
    if (stopping) {
      await stop(); // started after the run ended (timeout during start-up): stop it at once
      throw new Error('run already over');
    }
    resources.push(stop);
  };
  const stopAll = async () => {
    stopping = true;
    while (resources.length) {
      try {
        await resources.pop()();
      } catch (err) {
        console.error(`[headless] while stopping: ${err?.message ?? err}`);
      }
    }
  };

  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-report-'));
  const reportFile = path.join(reportDir, 'report.txt');
  await track(() => fs.rmSync(reportDir, { recursive: true, force: true }));

  let settle;
  const outcome = new Promise((resolve) => (settle = resolve));
  const timer = setTimeout(() => settle({ kind: 'timeout' }), opts.timeoutMs);
  await track(() => clearTimeout(timer));
  // Ctrl-C or kill: end the run the same way (stop code-server and Chromium); a second signal
  // does not wait.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (stopping) process.exit(128 + os.constants.signals[signal]);
      settle({ kind: 'signal', signal });
    });
  }

  let server;
  let workbenchLogs = [];
  let report = { poll() {}, stop() {} };
  const start = async () => {
    say(`workspace  ${opts.workspace}`);
    say(`extension  ${opts.extension}`);
    say(`tests      ${opts.tests}${opts.web ? ' (web extension host)' : ''}`);
    const env = { VERBATIM_TEST_REPORT: reportFile };
    if (opts.grep) env.VERBATIM_TEST_GREP = opts.grep;
    // The holds test's size (test/integration/robustness.test.ts), when asked for.
    if (process.env.VERBATIM_HOLD_SOURCES) env.VERBATIM_HOLD_SOURCES = process.env.VERBATIM_HOLD_SOURCES;
    server = await startCodeServer({
      tools,
      workspace: opts.workspace,
      env,
      // This code-server's extension service reads the payload's extensionDevelopmentKind under
      // another name than its web environment service gives it (extensionDevelopmentLocationKind),
      // so the payload alone leaves the extension in the Node host; the user setting says it too.
      settings: opts.web ? { 'remote.extensionKind': { 'verbatim.verbatim': ['web'] } } : {},
      onOutput: opts.verbose ? (chunk) => process.stdout.write(chunk.replace(/^(?=.)/gm, '[code-server] ')) : undefined,
    });
    await track(() => server.stop());
    say(`code-server ready on ${server.origin} (${elapsed()})`);
    server.exited.then((status) => settle({ kind: 'server-exit', status }));

    report = tailFile(reportFile, (text) => process.stdout.write(text));
    await track(() => report.stop());

    const browser = await launchChromium(tools);
    await track(() => browser.close());
    browser.on('disconnected', () => settle({ kind: 'browser-exit' }));

    const page = await openWorkbench({
      browser,
      server,
      workspace: opts.workspace,
      extensionDevelopmentPath: opts.extension,
      extensionTestsPath: opts.tests,
      web: opts.web,
      onExit: (code, logs) => {
        workbenchLogs = logs;
        settle({ kind: 'exit', code });
      },
      onLog: (level, message) => {
        if (opts.web && printMarked(message)) return;
        if (opts.verbose || level === 'error') {
          report.poll(); // keep the report's lines ahead of what the workbench says about them
          process.stdout.write(`[workbench ${level}] ${message}\n`);
        }
      },
      onConsole: opts.verbose
        ? (msg) => {
            // The marked report lines come through onLog as well: printed from there only.
            if (opts.web && String(msg.text()).includes(REPORT_MARK)) return;
            if (!opts.verbose) return;
            // The workbench log already comes through onLog; show only what the page itself reports.
            if (msg.type() === 'error' || msg.type() === 'warning') process.stdout.write(`[browser ${msg.type()}] ${msg.text()}\n`);
          }
        : undefined,
    });
    page.on('crash', () => settle({ kind: 'page-crash' }));
    page.on('pageerror', (err) => opts.verbose && process.stdout.write(`[page error] ${err.message}\n`));
    say(`workbench opened, running tests (${elapsed()})`);
  };
  start().catch((error) => settle({ kind: 'error', error }));

  const result = await outcome;
  report.stop(); // print the end of the report before the verdict
  let code;
  switch (result.kind) {
    case 'exit':
      say(`extension host exited with code ${result.code} after ${elapsed()}`);
      code = typeof result.code === 'number' ? result.code : 1;
      break;
    case 'timeout':
      console.error(`[headless] TIMEOUT: the tests did not finish within ${opts.timeoutMs / 1000} s; stopping code-server and Chromium`);
      code = 124;
      break;
    case 'server-exit':
      console.error(`[headless] code-server exited before the tests finished (${JSON.stringify(result.status)}); end of its log:`);
      console.error(fs.readFileSync(server.logFile, 'utf8').slice(-8000));
      code = 3;
      break;
    case 'signal':
      console.error(`[headless] ${result.signal}: stopping code-server and Chromium`);
      code = 128 + os.constants.signals[result.signal];
      break;
    case 'error':
      console.error(`[headless] ${result.error?.stack ?? result.error}`);
      code = 3;
      break;
    default:
      console.error(`[headless] the browser went away before the tests finished (${result.kind})`);
      code = 3;
  }
  if (opts.logs && server) {
    saveLogs(opts.logs, server, workbenchLogs);
  }
  await stopAll();
  return code;
}

/**
 * The web extension host cannot write the report file: its report lines come through its console,
 * marked (test/web/runner.ts). Prints the marked lines of `message`; true when there were any.
 */
const REPORT_MARK = '[verbatim-report] ';
function printMarked(message) {
  const lines = String(message).split('\n').filter((l) => l.includes(REPORT_MARK));
  for (const line of lines) process.stdout.write(`${line.slice(line.indexOf(REPORT_MARK) + REPORT_MARK.length)}\n`);
  return lines.length > 0;
}

/** Copies code-server's log and the workbench's log files into `dir` (for CI artifacts). */
function saveLogs(dir, server, workbenchLogs) {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(server.logFile, path.join(dir, 'code-server.log'));
    // The server side: remote extension host, file watcher, pty host...
    const serverLogs = path.join(server.tmpDir, 'user-data', 'logs');
    if (fs.existsSync(serverLogs)) fs.cpSync(serverLogs, path.join(dir, 'server'), { recursive: true });
    for (const { relativePath, contents } of workbenchLogs) {
      const target = path.resolve(dir, 'workbench', relativePath);
      if (!target.startsWith(path.resolve(dir) + path.sep)) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, contents);
    }
    say(`logs saved in ${dir}`);
  } catch (err) {
    console.error(`[headless] could not save logs: ${err.message}`);
  }
}

process.exitCode = await main();
// Nothing of ours should be left running; do not wait for stray handles.
process.exit(process.exitCode);
