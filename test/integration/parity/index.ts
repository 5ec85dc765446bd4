/**
 * Mocha entry for the parity suite, which opens its own workspace (test/fixtures/parity, with a
 * configuration file): `node scripts/headless/run-tests.mjs test/fixtures/parity --tests
 * out/test/integration/parity/index`. Loads the `*.parity.js` files here.
 */
import { runSuitesIn } from '../index';

export function run(): Promise<void> {
  return runSuitesIn(__dirname, '.parity.js');
}
