/** Broken sources and fast typing: bad files are skipped with a reason, the rest indexed; no stale result wins. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, fixture, keepDraftOnDisk, openDraft, revertDraft, sourceUri, waitFor, waitForDiagnostics } from './helpers';

const SEEDS = 6;
const enc = (s: string) => new TextEncoder().encode(s);

/** Sources for the holds test: VERBATIM_HOLD_SOURCES where the host has an environment (not the web's), else 300. */
function holdSources(): number {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const n = Number(env?.VERBATIM_HOLD_SOURCES);
  return Number.isInteger(n) && n > 0 ? n : 300;
}

async function removeTestSources(): Promise<void> {
  for (const [name] of await vscode.workspace.fs.readDirectory(sourceUri(''))) {
    if (name.startsWith('zz-')) await vscode.workspace.fs.delete(sourceUri(name), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  }
}

describe('Broken sources', () => {
  before(api);
  after(async () => {
    await removeTestSources();
    await vscode.commands.executeCommand('verbatim.rebuildIndex');
    const verbatim = await api();
    assert.strictEqual(verbatim.sources().length, SEEDS);
  });

  it('indexes the readable files and skips binary and oversized ones with a reason', async function () {
    this.timeout(60_000);
    const verbatim = await api();
    const latin1 = Uint8Array.from([...enc('Notes. Mr Blinken said: "We will keep talking until the job is done," in the caf'), 0xe9, ...enc('.\n')]);
    await vscode.workspace.fs.writeFile(sourceUri('zz-binary.txt'), Uint8Array.from([...enc('“a quote in a binary file,” he said'), 0, 1, 2, 0, 255]));
    await vscode.workspace.fs.writeFile(sourceUri('zz-latin1.txt'), latin1);
    await vscode.workspace.fs.writeFile(sourceUri('zz-empty.txt'), new Uint8Array());
    await vscode.workspace.fs.writeFile(sourceUri('zz-big.txt'), enc('“Big words,” he said. '.repeat(420_000)));
    // The watcher may read the new files before the rebuild does; either way they end up the same.
    await vscode.commands.executeCommand('verbatim.rebuildIndex');
    await verbatim.whenIdle();
    assert.strictEqual(verbatim.sources().length, SEEDS + 2, JSON.stringify(verbatim.sources()));
    const skipped = new Map(verbatim.skippedSources().map((s) => [s.uri.split('/').pop(), s.reason]));
    assert.match(skipped.get('zz-binary.txt') ?? '', /binary/);
    assert.match(skipped.get('zz-big.txt') ?? '', /over the 10240 KB size cap \(maxFileSizeKB\); raise maxFileSizeKB/);
    const sources = verbatim.sources().map((u) => u.split('/').pop());
    assert.ok(sources.includes('zz-latin1.txt') && sources.includes('zz-empty.txt'), JSON.stringify(sources));
    const { doc } = await openDraft();
    // The Latin-1 file (invalid UTF-8) is read with a replacement character, and its quote is found.
    await waitFor('the draft to quote the Latin-1 source', () =>
      verbatim.reportFor(doc.uri)?.quotes.some((q) => q.matches.some((m) => m.quote.uri.endsWith('zz-latin1.txt'))));
  });

  it('survives sources deleted while they are being indexed', async function () {
    this.timeout(60_000);
    const verbatim = await api();
    const names = Array.from({ length: 40 }, (_, i) => `zz-vanishing-${i}.txt`);
    for (const name of names) await vscode.workspace.fs.writeFile(sourceUri(name), enc(`“Quote number ${name} is here,” Mr Xi said.\n`));
    const rebuilding = vscode.commands.executeCommand<{ sources: number }>('verbatim.rebuildIndex');
    await Promise.all(names.map((name) => vscode.workspace.fs.delete(sourceUri(name), { useTrash: false })));
    await rebuilding;
    await verbatim.whenIdle();
    await waitFor('the deleted files to leave the index', () => !verbatim.sources().some((u) => u.includes('zz-vanishing-')));
    assert.ok(verbatim.sources().filter((u) => /\/0\d\d_/.test(u)).length === 5, 'the seeds are still indexed');
  });
});

describe('Indexing in slices', () => {
  before(api);
  after(async () => {
    await removeTestSources();
    await vscode.commands.executeCommand('verbatim.rebuildIndex');
  });

  // 300 by default; VERBATIM_HOLD_SOURCES=10000 (desktop host, passed on by scripts/headless/run-tests.mjs)
  // measures the 10,000-source case where it happens, in about 75 s: the title gives the
  // longest hold and every probe gap over 30 ms.
  const many = holdSources();
  it(`never holds the extension host for long while indexing ${many} sources`, async function () {
    this.timeout(120_000 + many * 80);
    const verbatim = await api();
    const seeds = (await vscode.workspace.fs.readDirectory(sourceUri(''))).map(([n]) => n).filter((n) => /^0\d\d_/.test(n));
    const texts = await Promise.all(seeds.map((n) => vscode.workspace.fs.readFile(sourceUri(n))));
    await vscode.workspace.fs.createDirectory(sourceUri('zz-many'));
    for (let i = 0; i < many; i++) await vscode.workspace.fs.writeFile(fixture('sources', 'zz-many', `copy-${i}.txt`), texts[i % texts.length]);
    await verbatim.whenIdle();
    let worst = 0;
    let turns = 0;
    let rebuildMs = 0;
    const gaps: number[] = [];
    let last = Date.now();
    const probe = setInterval(() => {
      const now = Date.now();
      worst = Math.max(worst, now - last);
      if (now - last > 30) gaps.push(now - last);
      last = now;
      turns++;
    }, 5);
    try {
      const summary = await vscode.commands.executeCommand<{ sources: number; ms: number }>('verbatim.rebuildIndex');
      assert.strictEqual(summary.sources, SEEDS + many);
      rebuildMs = summary.ms;
    } finally {
      clearInterval(probe);
    }
    // No bound on the time itself (a shared CI machine is slow at random; bench/ measures the holds):
    // a rebuild that held the thread in one go would let the probe run once or twice, not dozens of times.
    assert.ok(turns >= 20, `the extension host was given back only ${turns} times while indexing ${many} sources`);
    this.test!.title += ` (rebuilt in ${rebuildMs} ms; longest hold ${worst} ms; gaps over 30 ms: ${gaps.join(' ') || 'none'}; ${turns} turns)`;
  });

  it('analyses the sources in a worker off the host’s thread, with the findings an in-thread analysis gives', async function () {
    this.timeout(180_000);
    const verbatim = await api();
    const { doc } = await openDraft();
    const before = verbatim.analysisWorker().batches;
    await vscode.commands.executeCommand('verbatim.rebuildIndex');
    await verbatim.whenIdle();
    const withWorker = verbatim.analysisWorker().batches;
    assert.ok(withWorker > before, 'a rebuild of 300 sources was analysed in the worker');
    const report = JSON.stringify(verbatim.checkAfresh(doc.uri));
    const sources = verbatim.sources().sort();
    verbatim.analysisWorker(false);
    try {
      await vscode.commands.executeCommand('verbatim.rebuildIndex');
      await verbatim.whenIdle();
      assert.strictEqual(verbatim.analysisWorker().batches, withWorker, 'with the worker off, this thread analysed everything');
      assert.deepStrictEqual(verbatim.sources().sort(), sources);
      assert.strictEqual(JSON.stringify(verbatim.checkAfresh(doc.uri)), report, 'the same findings either way');
      // Two workers sharing the batches (a machine with three cores or more has them by default).
      verbatim.analysisWorker(true, 2);
      await vscode.commands.executeCommand('verbatim.rebuildIndex');
      await verbatim.whenIdle();
      const two = verbatim.analysisWorker();
      assert.match(two.kind ?? '', /^pool of 2 (worker threads|Web Workers)$/);
      assert.ok(two.batches > withWorker, 'the two workers analysed the rebuild');
      assert.deepStrictEqual(verbatim.sources().sort(), sources);
      assert.strictEqual(JSON.stringify(verbatim.checkAfresh(doc.uri)), report, 'the same findings with two workers');
    } finally {
      verbatim.analysisWorker(true);
    }
  });
});

describe('Fast typing', () => {
  before(api);
  keepDraftOnDisk();
  afterEach(revertDraft);

  it('a thousand quick edits end with exactly the diagnostics of a fresh check', async function () {
    this.timeout(180_000);
    const verbatim = await api();
    const { doc, editor } = await openDraft();
    await waitForDiagnostics(doc.uri, 'the draft’s diagnostics', (d) => d.length > 0);
    const at = doc.positionAt(doc.getText().indexOf('keep on working') + 'keep'.length);
    for (let i = 0; i < 999; i++) {
      const ok = i % 2 === 0
        ? await editor.edit((b) => b.insert(at, ' really'), { undoStopBefore: false, undoStopAfter: false })
        : await editor.edit((b) => b.delete(new vscode.Range(at, at.translate(0, ' really'.length))), { undoStopBefore: false, undoStopAfter: false });
      assert.ok(ok, `edit ${i} applied`);
    }
    const important = doc.getText().indexOf('some important issues') + 'some '.length;
    await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(important), doc.positionAt(important + 'important'.length)), 'specific'));
    assert.ok(doc.getText().includes('keep really on working'), 'an odd number of toggles leaves the insertion');
    await verbatim.whenIdle();
    const fresh = verbatim.checkAfresh(doc.uri);
    assert.ok(fresh);
    const expected = fresh.quotes.flatMap((q) => q.findings.map((f) => `${f.rule} ${doc.positionAt(f.start).line}:${doc.positionAt(f.start).character}-${doc.positionAt(f.end).character} ${f.message}`)).sort();
    const render = (ds: vscode.Diagnostic[]) => ds.map((d) => `${(d.code as { value: string }).value} ${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`).sort();
    const published = await waitForDiagnostics(doc.uri, 'the diagnostics of a fresh check', (ds) => JSON.stringify(render(ds)) === JSON.stringify(expected), 10_000);
    assert.deepStrictEqual(render(published), expected);
    assert.ok(expected.some((e) => e.includes('keep really on working') || e.startsWith('quote-differs')), JSON.stringify(expected));
  });
});
