#!/usr/bin/env node
// Takes docs/images/web-extension-host.png: the extension's browser bundle (dist/web/extension.js)
// running in the web worker extension host of code-server's web workbench, as in vscode.dev, on a copy
// of the fixture workspace — the draft open with its diagnostics and the Problems panel.
//
//   npm run build && node scripts/webScreenshot.mjs [--out docs/images]

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, openWorkbench, repoRoot, resolveTools, startCodeServer, waitForWorkbench } from './headless/workbench.mjs';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = path.resolve(values.out ?? path.join(repoRoot, 'docs', 'images'));
if (!fs.existsSync(path.join(repoRoot, 'dist', 'web', 'extension.js'))) {
  console.error('[web-screenshot] dist/web/extension.js is missing: run npm run build first');
  process.exit(2);
}
const tools = resolveTools();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-web-shot-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
const server = await startCodeServer({
  tools, workspace,
  settings: {
    'remote.extensionKind': { 'verbatim.verbatim': ['web'] }, // see run-tests.mjs: the payload alone is not enough here
    'files.autoSave': 'off', 'workbench.colorTheme': 'Default Dark Modern', 'editor.fontSize': 15, 'editor.minimap.enabled': false,
  },
});
const browser = await launchChromium(tools);
try {
  const page = await openWorkbench({ browser, server, workspace, extensionDevelopmentPath: repoRoot, web: true, viewport: { width: 1280, height: 760 } });
  await waitForWorkbench(page);
  await page.waitForTimeout(3000);
  await page.keyboard.press('Control+P');
  await page.keyboard.type('draft.article');
  await page.waitForTimeout(1500);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.squiggly-warning', { state: 'attached', timeout: 60_000 });
  await page.keyboard.press('Control+Shift+M'); // the Problems panel: the findings with their rule codes
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30_000 });
  await page.waitForTimeout(1000);
  fs.mkdirSync(outDir, { recursive: true });
  const png = path.join(outDir, 'web-extension-host.png');
  await page.screenshot({ path: png });
  console.log(`[web-screenshot] ${path.relative(repoRoot, png)}`);
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
