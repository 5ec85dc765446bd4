// esbuild options for the browser bundles: the web extension (dist/web/extension.js, package.json
// `browser`) and the integration tests as the web extension host runs them (out/test/web/index.js).
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The web extension host loads a CommonJS module and supplies only `vscode`. */
export function browserOptions(extra) {
  return {
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    external: ['vscode'],
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    ...extra,
    plugins: [webArchiveDriver, ...(extra.plugins ?? [])],
  };
}

/**
 * Host modules that are Node-only, and what the web bundles get in their stead: the archive driver
 * (node-postgres over TCP; src/web/archiveDriver.ts offers none) and the analysis worker (a worker
 * thread; src/web/analysisWorkers.ts starts a Web Worker).
 */
const WEB_SWAPS = new Map([
  [path.join(root, 'src', 'host', 'archive', 'driver'), path.join(root, 'src', 'web', 'archiveDriver.ts')],
  [path.join(root, 'src', 'host', 'analysisWorkers'), path.join(root, 'src', 'web', 'analysisWorkers.ts')],
]);

const webArchiveDriver = {
  name: 'web-swaps',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/(?:[\w./]*\/)?(?:driver|analysisWorkers)$/ }, (args) => {
      const swap = WEB_SWAPS.get(path.resolve(args.resolveDir, args.path));
      return swap ? { path: swap } : undefined;
    });
  },
};

/** Node built-in modules a bundle's metafile says it imports. */
export function nodeBuiltinsIn(metafile) {
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const found = new Set();
  for (const input of Object.values(metafile.inputs)) {
    for (const imp of input.imports) if (imp.path.startsWith('node:') || builtins.has(imp.path)) found.add(imp.path);
  }
  return [...found].sort();
}

/**
 * The integration suites run in the web extension host, imported statically (a browser has no file
 * system to search for *.test.js), in the order the Node entry loads them (sorted by name), then the
 * web-only one. All of test/integration runs: a unit test fails when a suite is added there and not here.
 */
export const WEB_SUITES = ['canonicalFix', 'codeActions', 'diagnostics', 'hover', 'newsroom', 'panels', 'persistence', 'robustness', 'sourcesUnchanged', 'untrusted', 'web'];

export function webTestsOptions() {
  const suites = WEB_SUITES.map((name) => {
    const file = fs.existsSync(path.join(root, 'test', 'integration', `${name}.test.ts`)) ? `../integration/${name}.test` : `./${name}.test`;
    return `  () => require(${JSON.stringify(file)}),`;
  });
  return browserOptions({
    stdin: {
      contents: `import { runSuites } from './runner';\nexport function run() {\n  return runSuites([\n${suites.join('\n')}\n  ]);\n}\n`,
      resolveDir: path.join(root, 'test', 'web'),
      sourcefile: 'test/web/index.generated.ts',
      loader: 'ts',
    },
    outfile: path.join(root, 'out', 'test', 'web', 'index.js'),
    // Node's assert is not in a browser: the suites get a small one with the same checks.
    alias: { assert: path.join(root, 'test', 'web', 'assert.ts') },
    plugins: [mochaGlobal],
  });
}

/**
 * mocha's browser build is UMD in a package of type module: bundled as is, its `module.exports =`
 * would replace the test bundle's own exports. Loaded with no `module`/`exports` in scope it takes
 * its browser branch and puts `mocha` on globalThis (test/web/runner.ts uses that).
 */
const mochaGlobal = {
  name: 'mocha-global',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, (args) => ({
      contents: `(function (module, exports, define) {\n${fs.readFileSync(args.path, 'utf8')}\n}).call(globalThis);\n`,
      loader: 'js',
    }));
  },
};
