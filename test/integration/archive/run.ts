/**
 * The archive integration run (npm run test:archive): starts a throwaway PostgreSQL cluster on a
 * loopback port (test/support/pgServer.ts), ingests test/fixtures/archive/archived with `verbatim
 * index`'s code, copies test/fixtures/archive/workspace to a temporary folder with a .verbatim.json
 * naming that archive, and runs the `*.archive.ts` suites in the real extension host on it
 * (scripts/headless/run-tests.mjs). The suites stop the server themselves (VERBATIM_TEST_ARCHIVE says
 * where it is). Exit code: the headless runner's.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Archive } from '../../../src/archive/archive';
import { indexOnce } from '../../../src/cli/indexCommand';
import { PgServer } from '../../support/pgServer';

const root = path.resolve(__dirname, '../../../..');
const fixture = path.join(root, 'test', 'fixtures', 'archive');

async function main(): Promise<number> {
  const server = await PgServer.start({ settings: { fsync: 'off', full_page_writes: 'off' } });
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-archive-ws-'));
  try {
    const url = await server.createDatabase('archive');
    const archive = await Archive.open(url);
    const cwd = process.cwd();
    try {
      // Documents are named by their path as given: run from the fixture, they are archived/….
      process.chdir(fixture);
      const s = await indexOnce(archive, { paths: ['archived'], db: url, watch: false, maxBytes: 10 * 1024 * 1024, jobs: 2, encoding: 'utf-8' }, process.stderr);
      console.log(`[archive] ${s.added} documents ingested into ${url}`);
    } finally {
      process.chdir(cwd);
      await archive.close();
    }
    fs.cpSync(path.join(fixture, 'workspace'), copy, { recursive: true });
    fs.writeFileSync(path.join(copy, '.verbatim.json'), `${JSON.stringify({ archive: url }, null, 2)}\n`);
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'headless', 'run-tests.mjs'), copy,
      '--tests', path.join(root, 'out', 'test', 'integration', 'archive', 'index'), ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, VERBATIM_TEST_ARCHIVE: JSON.stringify({ dir: server.dir, port: server.port, url }) },
    });
    return await new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  } finally {
    server.destroy();
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (e) => {
  console.error(`[archive] ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(2);
});
