// Bundles the extension and the CLI with esbuild. Type-checking is `npm run typecheck` (tsc --noEmit),
// as in vscode-extension-samples/esbuild-sample: esbuild only strips types.
// `node scripts/build.mjs cli` builds only the CLI (what `npm run seeds` needs; its worker is `worker`);
// `node scripts/build.mjs web-tests` only the browser bundle of the integration tests (scripts/webTests.mjs).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { browserOptions, nodeBuiltinsIn, webTestsOptions } from './webBuild.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const only = process.argv[2];
// 'module' first: jsonc-parser's UMD build requires its parts at run time, which a bundle cannot follow.
const common = { bundle: true, platform: 'node', target: 'node18', sourcemap: true, logLevel: 'warning', mainFields: ['module', 'main'] };

const targets = {
  extension: { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', format: 'cjs', external: ['vscode'] },
  // The same host code for the web extension host (package.json `browser`): no Node built-ins.
  web: browserOptions({ entryPoints: ['src/extension.ts'], outfile: 'dist/web/extension.js' }),
  // The engine's analysis as a Web Worker (src/web/analysisWorker.ts); the web test suite starts it.
  'web-worker': browserOptions({ entryPoints: ['src/web/analysisWorker.ts'], outfile: 'dist/web/analysisWorker.js', format: 'iife', external: [] }),
  cli: {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    define: { VERSION: JSON.stringify(version) },
    // pg loads its optional native binding only when asked to; the CLI never asks.
    external: ['pg-native'],
  },
  // The analysis worker the CLI's pool starts (src/parallel/pool.ts looks for it beside cli.js).
  worker: { ...common, entryPoints: ['src/parallel/analysisWorker.ts'], outfile: 'dist/analysisWorker.js', format: 'cjs' },
  'web-tests': webTestsOptions(),
};
const chosen = Object.entries(targets).filter(([name]) => (only ? name === only || (only === 'cli' && name === 'worker') : name !== 'web-tests'));
await Promise.all(chosen.map(async ([, options]) => {
  const result = await build(options);
  if (!result.metafile) return;
  // esbuild already refuses an unresolvable `fs` on platform browser; this also catches one marked external.
  const builtins = nodeBuiltinsIn(result.metafile);
  if (builtins.length) throw new Error(`${options.outfile} imports Node built-ins: ${builtins.join(', ')}`);
}));
