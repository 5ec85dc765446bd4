#!/usr/bin/env node
// Takes the README screenshots from a real workbench: code-server + headless Chromium (the tools of
// scripts/headless/install.sh), the extension under development, and a copy of the fixture workspace.
// The extension host side (test/screenshots/driver.ts) sets up each scene; this side photographs it.
//
//   npm run build && npm run compile-tests && node scripts/screenshots.mjs [--out docs/images]
//
// Writes diagnostics.png, hover.png, quick-fix.png, cross-references.png and search.png.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { SetupError, launchChromium, openWorkbench, repoRoot, resolveTools, startCodeServer, waitForWorkbench } from './headless/workbench.mjs';

const { values } = parseArgs({ options: { out: { type: 'string' }, timeout: { type: 'string' } } });
const outDir = path.resolve(values.out ?? path.join(repoRoot, 'docs', 'images'));
const timeoutMs = Number(values.timeout ?? 300) * 1000;
const driver = path.join(repoRoot, 'out', 'test', 'screenshots', 'driver');
const say = (m) => process.stdout.write(`[screenshots] ${m}\n`);

async function main() {
  if (!fs.existsSync(`${driver}.js`)) throw new SetupError(`${driver}.js is missing: run npm run compile-tests first`);
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) throw new SetupError('dist/extension.js is missing: run npm run build first');
  const tools = resolveTools();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-shots-'));
  const workspace = path.join(tmp, 'workspace');
  const requests = path.join(tmp, 'requests');
  fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  fs.mkdirSync(requests);
  fs.mkdirSync(outDir, { recursive: true });

  const server = await startCodeServer({
    tools, workspace, env: { VERBATIM_SHOTS: requests },
    settings: { 'files.autoSave': 'off', 'workbench.colorTheme': 'Default Dark Modern', 'editor.fontSize': 15, 'editor.minimap.enabled': false, 'window.commandCenter': false, 'workbench.layoutControl.enabled': false },
  });
  const browser = await launchChromium(tools);
  let exitCode;
  const finished = new Promise((resolve) => { exitCode = resolve; });
  try {
    const page = await openWorkbench({
      browser, server, workspace, extensionDevelopmentPath: repoRoot, extensionTestsPath: driver,
      viewport: { width: 1280, height: 760 },
      onExit: (code) => exitCode(code),
    });
    await waitForWorkbench(page);
    const taken = new Set();
    const deadline = Date.now() + timeoutMs;
    let code;
    while (code === undefined) {
      for (const file of fs.readdirSync(requests).filter((f) => f.endsWith('.request'))) {
        const { name, selector } = JSON.parse(fs.readFileSync(path.join(requests, file), 'utf8'));
        if (taken.has(name)) continue;
        taken.add(name);
        await page.waitForSelector(selector, { state: 'visible', timeout: 30_000 });
        // Let fade-in animations finish before the picture.
        await page.waitForTimeout(400);
        const png = path.join(outDir, `${name}.png`);
        await page.screenshot({ path: png });
        say(`${path.relative(repoRoot, png)}`);
        fs.writeFileSync(path.join(requests, `${name}.done`), '');
      }
      code = await Promise.race([finished, new Promise((r) => setTimeout(() => r(undefined), 100))]);
      if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs / 1000} s`);
    }
    if (code !== 0) throw new Error(`the scene driver failed (exit code ${code}); run with VERBATIM_KEEP_TMP=1 and see ${server.logFile}`);
    say(`${taken.size} screenshots in ${path.relative(repoRoot, outDir) || '.'}`);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`[screenshots] ${err instanceof Error ? err.message : err}`);
  process.exit(err instanceof SetupError ? 2 : 1);
});
