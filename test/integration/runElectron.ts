/**
 * Runs the integration tests in a desktop VS Code downloaded by @vscode/test-electron (into
 * .vscode-test/). For a machine with a display and access to VS Code's downloads; on a machine
 * without them use the headless runner, scripts/headless/run-tests.mjs, which runs the same suite.
 *
 *   npm run compile-tests && node out/test/integration/runElectron.js [workspace]
 *
 * The workspace defaults to test/fixtures/workspace, and then the parity suite runs in
 * test/fixtures/parity (its own entry, parity/index); with a workspace given, only the main suite runs
 * there. VSCODE_TEST_VERSION picks the VS Code version
 * ('stable' by default, 'insiders' or e.g. '1.90.0'); VERBATIM_TEST_GREP narrows the tests to those
 * whose full title matches (read by index.ts, which the extension host inherits from this process).
 */
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function runSuite(repoRoot: string, workspace: string, entry: string): Promise<number> {
  try {
    return await runTests({
      version: process.env.VSCODE_TEST_VERSION || 'stable',
      extensionDevelopmentPath: repoRoot,
      // The compiled mocha entry (next to this file).
      extensionTestsPath: path.join(__dirname, entry),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (err) {
    // runTests rejects (TestRunFailedError) when VS Code exits non-zero, i.e. when a test failed.
    console.error(err instanceof Error ? err.message : err);
    return 1;
  }
}

async function main(): Promise<number> {
  // Compiled to out/test/integration/runElectron.js, so the repository root is three levels up.
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  if (process.argv[2]) return runSuite(repoRoot, path.resolve(process.argv[2]), 'index');
  const main = await runSuite(repoRoot, path.join(repoRoot, 'test', 'fixtures', 'workspace'), 'index');
  const parity = await runSuite(repoRoot, path.join(repoRoot, 'test', 'fixtures', 'parity'), path.join('parity', 'index'));
  return main || parity;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
