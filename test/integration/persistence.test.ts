/** The source index kept in the extension's storage: written when indexing settles, taken back on activation. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, openDraft, sourceUri, waitFor, workspaceRoot } from './helpers';

const enc = (s: string) => new TextEncoder().encode(s);
const PREFIX = 'zz-persist-';

async function removePersistSources(): Promise<void> {
  for (const [file] of await vscode.workspace.fs.readDirectory(sourceUri(''))) {
    if (file.startsWith(PREFIX)) await vscode.workspace.fs.delete(sourceUri(file), { useTrash: false }).then(undefined, () => undefined);
  }
}

/** Every line of the extension's log files. */
async function logLines(folder: string): Promise<string[]> {
  const dir = vscode.Uri.parse(folder);
  const lines: string[] = [];
  for (const [file] of await vscode.workspace.fs.readDirectory(dir).then((e) => e, () => [] as [string, vscode.FileType][])) {
    if (file.endsWith('.log')) lines.push(...new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, file))).split('\n'));
  }
  return lines;
}

describe('Stored source index', () => {
  before(api);
  after(async () => {
    await removePersistSources();
    await vscode.commands.executeCommand('verbatim.rebuildIndex');
  });

  it('is written to the extension’s storage once indexing settles, never into the workspace', async () => {
    const verbatim = await api();
    const uri = vscode.Uri.parse(await waitFor('the index to have a place', () => verbatim.storedIndex().uri));
    const root = workspaceRoot().toString().replace(/\/$/, '');
    assert.ok(!uri.toString().startsWith(`${root}/`), `${uri.toString()} is outside the workspace`);
    const stat = await waitFor('the index to be stored', async () => {
      try {
        return await vscode.workspace.fs.stat(uri);
      } catch {
        return undefined;
      }
    });
    assert.ok(stat.size > 1000, `${stat.size} bytes`);
  });

  it('takes the stored index back: reads only new and changed files, drops deleted ones, and checks as a fresh build does', async function () {
    this.timeout(90_000);
    const verbatim = await api();
    const gone = sourceUri(`${PREFIX}a-gone.txt`);
    const kept = sourceUri(`${PREFIX}b-kept.txt`);
    const changed = sourceUri(`${PREFIX}c-changed.txt`);
    const added = sourceUri(`${PREFIX}d-new.txt`);
    await vscode.workspace.fs.writeFile(gone, enc('“This file will not be here for long,” Smith said.\n'));
    await vscode.workspace.fs.writeFile(kept, enc('Mayor Jane Smith said: “The bridge is a priority for the whole city.”\n'));
    await vscode.workspace.fs.writeFile(changed, enc('“We will rebuild the bridge by the spring,” Smith said.\n'));
    await waitFor('the new sources to be indexed', () => [gone, kept, changed].every((u) => verbatim.sources().includes(u.toString())));
    await verbatim.whenIdle();
    await verbatim.saveIndex();
    assert.ok(verbatim.storedIndex().saves > 0, 'the index was stored');

    // Behind the stored index's back: a file deleted (the one after it moves up a rank), one changed, one added.
    await vscode.workspace.fs.delete(gone, { useTrash: false });
    await vscode.workspace.fs.writeFile(changed, enc('“We will rebuild the bridge by the summer, not the spring,” Smith said.\n'));
    await vscode.workspace.fs.writeFile(added, enc('“Nobody has quoted this yet,” Smith added.\n'));
    await waitFor('the watcher to apply the changes', () => {
      const sources = verbatim.sources();
      return !sources.includes(gone.toString()) && sources.includes(added.toString())
        && verbatim.searchQuotes('summer').some((e) => e.uri === changed.toString());
    });
    await verbatim.whenIdle();

    const load = await verbatim.reloadIndex();
    const seeds = load.sources - 3;
    assert.deepStrictEqual(
      { fromStore: load.fromStore, restored: load.restored, read: load.read, dropped: load.dropped, cancelled: load.cancelled },
      { fromStore: true, restored: seeds + 1, read: 2, dropped: 1, cancelled: false },
      JSON.stringify(load),
    );
    assert.ok(seeds >= 6, `${seeds} fixture sources`);

    const { doc } = await openDraft();
    const snapshot = async () => {
      await verbatim.whenIdle();
      return {
        sources: [...verbatim.sources()].sort(),
        draft: verbatim.checkAfresh(doc.uri),
        bridge: verbatim.searchQuotes('bridge'),
        smith: verbatim.searchQuotes('Smith'),
        vehemently: verbatim.searchQuotes('vehemently'),
      };
    };
    const reloaded = await snapshot();
    assert.ok(reloaded.bridge.some((e) => e.uri === changed.toString() && e.text.includes('summer')), 'the changed file was read again');
    assert.ok(reloaded.smith.some((e) => e.uri === added.toString() && e.speaker === 'Jane Smith'), JSON.stringify(reloaded.smith));
    const rebuilt = await vscode.commands.executeCommand<{ read: number; fromStore: boolean }>('verbatim.rebuildIndex');
    assert.strictEqual(rebuilt.fromStore, false);
    assert.deepStrictEqual(reloaded, await snapshot());
    this.test!.title += ` (${load.restored} restored, ${load.read} read, ${load.dropped} dropped in ${load.ms} ms)`;
  });

  it('reads every source again, with one log line, when the stored index is damaged or of another version', async function () {
    this.timeout(90_000);
    const verbatim = await api();
    await verbatim.whenIdle();
    await verbatim.saveIndex();
    const uri = vscode.Uri.parse(verbatim.storedIndex().uri!);
    const good = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const cases: [string, string, RegExp][] = [
      ['cut short', good.slice(0, Math.floor(good.length / 2)), /JSON|Unexpected|Unterminated/i],
      ['of another index version', good.replace(/("format":"verbatim-index","version":)(\d+)/, (_, head: string, v: string) => `${head}${Number(v) + 100}`), /version \d+ is not supported/],
      ['of another extension version', good.replace(/"extension":"[^"]*"/, '"extension":"0.0.0-old"'), /written by Verbatim 0\.0\.0-old/],
      ['not an index at all', 'Hello, world\n{}', /JSON|Unexpected/i],
    ];
    for (const [what, data, reason] of cases) {
      assert.notStrictEqual(data, good, `${what}: the case changes the file`);
      await vscode.workspace.fs.writeFile(uri, enc(data));
      const load = await verbatim.reloadIndex();
      assert.strictEqual(load.fromStore, false, what);
      assert.strictEqual(load.restored, 0, what);
      assert.ok(load.read >= load.sources && load.sources >= 6, `${what}: ${JSON.stringify(load)}`);
      const problem = verbatim.storedIndex().problem ?? '';
      assert.match(problem, /^The stored source index .* is not used \(.*\): every source is read again\.$/, what);
      assert.match(problem, reason, what);
      assert.ok(!problem.includes('\n'), 'one line');
      const lines = await waitFor(`${what}: the line in the log file`, async () => {
        const found = (await logLines(verbatim.logFolder())).filter((l) => l.includes(problem));
        return found.length > 0 && found;
      });
      assert.strictEqual(lines.length, 1, `${what}: logged once`);
      assert.match(lines[0], /\[warning\]/);
    }
    // The next save (now, or the one a rebuild scheduled) puts a good index back, and it is taken again.
    await verbatim.saveIndex();
    const load = await verbatim.reloadIndex();
    assert.ok(load.fromStore && load.read === 0 && load.restored === load.sources, JSON.stringify(load));
  });
});
