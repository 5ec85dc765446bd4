#!/usr/bin/env node
// Starts code-server with Verbatim (this checkout, built) on a copy of the fixture workspace — the
// five seed articles as sources and a draft that quotes them — and prints the address to open in a
// browser on this machine. Nothing in the repository is changed; Ctrl+C stops it.
//
//   npm run build && node scripts/demo.mjs
//
// Needs the headless tools: bash scripts/headless/install.sh

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SetupError, repoRoot, resolveTools, startCodeServer, workbenchUrl } from './headless/workbench.mjs';

async function main() {
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) throw new SetupError('dist/extension.js is missing: run npm run build first');
  const tools = resolveTools();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-demo-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const server = await startCodeServer({ tools, workspace, settings: { 'files.autoSave': 'off' } });
  const url = workbenchUrl(server, { workspace, extensionDevelopmentPath: repoRoot });
  console.log(`Verbatim demo: open this address in a browser on this machine (Ctrl+C to stop):\n\n  ${url}\n`);
  console.log(`Then open drafts/draft.article. The workspace is a copy in ${workspace}.`);
  const stop = async () => {
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const exit = await server.exited;
  console.error(`code-server exited: ${JSON.stringify(exit)}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(1);
}

main().catch((err) => {
  console.error(`[demo] ${err instanceof Error ? err.message : err}`);
  process.exit(err instanceof SetupError ? 2 : 1);
});
