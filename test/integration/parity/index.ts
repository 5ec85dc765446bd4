/**
 * Mocha entry for the parity suite, which opens its own workspace (test/fixtures/parity, with a
 * configuration file): `node scripts/headless/run-tests.mjs test/fixtures/parity --tests
 * out/test/integration/parity/index`. Loads the `*.parity.js` files here.
 */
import { runSuites } from '../index';

export function run(): Promise<void> {
  return runSuites(__dirname, '.parity.js');
}
