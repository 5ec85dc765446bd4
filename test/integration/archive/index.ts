/**
 * Mocha entry for the archive suite, which needs a PostgreSQL archive and its own workspace: run by
 * test/integration/archive/run.ts (npm run test:archive), which starts both. Loads `*.archive.js` here.
 */
import { runSuitesIn } from '../index';

export function run(): Promise<void> {
  return runSuitesIn(__dirname, '.archive.js');
}
