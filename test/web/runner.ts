/**
 * Mocha in the web extension host (vscode.dev, github.dev, code-server's web worker host): the
 * browser build of mocha, the suites handed in as functions that load them (the bundle imports them
 * statically, scripts/webBuild.mjs; there is no file system to search), and the report on the console.
 *
 * The web host cannot write the report file the Node entry writes (test/integration/index.ts), so
 * every report line goes to `console.log` with REPORT_MARK in front; the workbench forwards the
 * extension host's console to the page, where scripts/headless/run-tests.mjs --web picks the marked
 * lines out. The run's verdict reaches it the same way as in Node: the promise `run()` returns.
 */
// The prebuilt browser bundle puts `mocha` on globalThis (its module exports are not it once
// bundled); set up, it defines `describe`/`it` there too.
require('mocha/mocha.js');
const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;

export const REPORT_MARK = '[verbatim-report] ';

interface BrowserMocha {
  setup(options: { ui: string; reporter: string; color: boolean; timeout: number }): void;
  run(done: (failures: number) => void): unknown;
  reporters: { Base: { consoleLog: (...data: unknown[]) => void } };
  Mocha?: { reporters: { Base: { consoleLog: (...data: unknown[]) => void } } };
}

/** Formats console arguments as console.log would print them (strings and %d/%s substitutions). */
function format(data: unknown[]): string {
  if (typeof data[0] !== 'string') return data.map(String).join(' ');
  let rest = data.slice(1);
  const head = data[0].replace(/%[sdio]/g, (m) => (rest.length ? String(m === '%d' ? Number(rest.shift()) : rest.shift()) : m));
  rest = rest.map(String);
  return [head, ...rest].join(' ');
}

/** Runs the suites that `loaders` load (in order); rejects when a test failed or a suite did not load. */
export async function runSuites(loaders: (() => unknown)[]): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  const base = (globalThis as { Mocha?: BrowserMocha['Mocha'] }).Mocha?.reporters.Base;
  if (base) {
    base.consoleLog = (...data: unknown[]) => {
      for (const line of format(data).split('\n')) console.log(REPORT_MARK + line);
    };
  }
  try {
    for (const load of loaders) load();
  } catch (err) {
    console.log(REPORT_MARK + (err instanceof Error ? err.stack ?? err.message : String(err)));
    throw err;
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed in the web extension host`);
}
