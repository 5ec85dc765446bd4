// Bundles the extension and the CLI with esbuild. Type-checking is `npm run typecheck` (tsc --noEmit),
// as in vscode-extension-samples/esbuild-sample: esbuild only strips types.
import { build } from 'esbuild';

const watch = process.argv.includes('--watch');
const common = { bundle: true, platform: 'node', target: 'node18', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', format: 'cjs', external: ['vscode'] }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', format: 'cjs', banner: { js: '#!/usr/bin/env node' } }),
]);
if (watch) console.log('watch mode is not implemented; run `npm run build` again');
