/**
 * The activation suite's entry: run in a workspace that is a code repository
 * (test/fixtures/coderepo), not a newsroom, to check that Verbatim stays out of the way there.
 */
import { runSuitesIn } from '../integration/index';

export function run(): Promise<void> {
  return runSuitesIn(__dirname);
}
