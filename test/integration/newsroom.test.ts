/**
 * What a newsroom meets in its editor: no unbalanced-quote while the quote is being typed, the index's
 * progress while a large archive is read (with checks against what is indexed so far), and
 * `verbatim.enable` switching Verbatim off for a folder.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, diagnosticOn, draftUri, fixture, keepDraftOnDisk, openDraft, rangeOfText, revertDraft, ruleOf, sameBytes, sourceUri, verbatimLog, waitFor, waitForDiagnostics } from './helpers';

const TYPED = 'We are still typing this one';

/** The unbalanced-quote diagnostic on the opening mark of the quote that starts with `words`. */
function unclosedBefore(doc: vscode.TextDocument, ds: readonly vscode.Diagnostic[], words: string): vscode.Diagnostic | undefined {
  const at = rangeOfText(doc, words).start;
  return ds.find((d) => ruleOf(d) === 'unbalanced-quote' && d.range.start.line === at.line && d.range.end.isBeforeOrEqual(at) && d.range.end.character >= at.character - 1);
}

describe('Typing a quote', () => {
  before(api);
  keepDraftOnDisk();
  afterEach(revertDraft);

  it('shows no unbalanced-quote for the quote the cursor is in, and shows it once the cursor leaves', async () => {
    const verbatim = await api();
    const { doc, editor } = await openDraft();
    // The draft's own unclosed quote, away from the cursor, is reported as usual.
    await waitForDiagnostics(doc.uri, 'the draft’s unbalanced quote', (ds) => !!unclosedBefore(doc, ds, 'candid and constructive'));
    const end = doc.positionAt(doc.getText().length);
    assert.ok(await editor.edit((b) => b.insert(end, `\n\nA spokesman said “${TYPED}`)));
    const cursor = doc.positionAt(doc.getText().length);
    editor.selection = new vscode.Selection(cursor, cursor);
    // The typed quote is checked (no source has it: information) while its missing mark is not flagged.
    const typing = await waitForDiagnostics(doc.uri, 'the typed quote to be checked', (ds) => !!diagnosticOn(doc, ds, TYPED, 'unverified-quote'));
    await verbatim.whenIdle();
    assert.strictEqual(unclosedBefore(doc, typing, TYPED), undefined, 'no unbalanced-quote under the cursor');
    assert.ok(unclosedBefore(doc, typing, 'candid and constructive'), 'the other unclosed quote is still flagged');
    editor.selection = new vscode.Selection(new vscode.Position(0, 0), new vscode.Position(0, 0));
    await waitForDiagnostics(doc.uri, 'unbalanced-quote once the cursor left the quote', (ds) => !!unclosedBefore(doc, ds, TYPED));
  });

  it('flags an unclosed quote at once in a saved file, wherever the cursor is', async () => {
    const { doc, editor } = await openDraft();
    const at = doc.getText().indexOf('candid and constructive') + 3;
    editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at));
    const ds = await waitForDiagnostics(doc.uri, 'the unbalanced quote of the unmodified draft', (d) => !!unclosedBefore(doc, d, 'candid and constructive'));
    assert.ok(ds.length > 1);
  });
});

describe('Indexing progress', () => {
  before(api);
  keepDraftOnDisk();
  after(async () => {
    await revertDraft();
    await vscode.workspace.fs.delete(sourceUri('zz-progress'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await vscode.commands.executeCommand('verbatim.rebuildIndex');
  });

  it('counts the sources in the status bar and checks drafts against what is indexed so far', async function () {
    this.timeout(180_000);
    const verbatim = await api();
    const seed = await vscode.workspace.fs.readFile(sourceUri('003_64437838ff70a774.txt'));
    await vscode.workspace.fs.createDirectory(sourceUri('zz-progress'));
    for (let i = 0; i < 400; i++) await vscode.workspace.fs.writeFile(fixture('sources', 'zz-progress', `copy-${i}.txt`), seed);
    await verbatim.whenIdle();
    const { doc, editor } = await openDraft();
    await waitForDiagnostics(doc.uri, 'the draft’s first diagnostics', (ds) => ds.some((d) => ruleOf(d) === 'unverified-quote'));

    const rebuilt = vscode.commands.executeCommand<{ sources: number }>('verbatim.rebuildIndex');
    const shown = await waitFor('the status bar to count the sources being indexed', () => {
      const text = verbatim.statusText();
      return text && /Indexing sources [\d,]+\/[\d,]+/.test(text) ? text : undefined;
    }, 30_000);
    const total = Number(/\/([\d,]+)/.exec(shown)![1].replace(/,/g, ''));
    assert.ok(total >= 406, `the count names every source (${shown})`);

    // An edit during indexing is checked at once, without waiting for the index; "no source has it"
    // is not said while sources are still unread.
    const at = doc.positionAt(doc.getText().indexOf('keep on working') + 'keep'.length);
    assert.ok(await editor.edit((b) => b.insert(at, ' right')));
    const during = await waitFor('a check of the edited draft while indexing', () => {
      const report = verbatim.reportFor(doc.uri);
      const checked = report?.quotes.some((q) => q.quote.text.includes('keep right on working'));
      return checked && verbatim.statusText()?.startsWith('$(sync~spin)') ? report : undefined;
    }, 30_000).catch(() => undefined);
    const summary = await rebuilt;
    assert.strictEqual(summary.sources, total);
    if (during) {
      assert.ok(!during.quotes.some((q) => q.findings.some((f) => f.rule === 'unverified-quote')), 'no unverified-quote while indexing');
    }
    // When indexing ends the draft is checked again, and unverified quotes are reported.
    await waitForDiagnostics(doc.uri, 'unverified-quote again after indexing', (ds) => ds.some((d) => ruleOf(d) === 'unverified-quote'));
    assert.ok(!/Indexing/.test(verbatim.statusText() ?? ''), 'the count is gone when indexing ends');
    assert.ok(during, 'the edited draft was checked while indexing went on');
  });
});

describe('verbatim.enable', () => {
  before(api);
  after(async () => {
    await vscode.workspace.getConfiguration('verbatim').update('enable', undefined, vscode.ConfigurationTarget.Global);
    await (await api()).whenIdle();
  });

  it('switches Verbatim off for the workspace (no diagnostics, no sources) and back on', async () => {
    const verbatim = await api();
    const { doc } = await openDraft();
    await waitForDiagnostics(doc.uri, 'the draft’s diagnostics', (ds) => ds.length > 0);
    await vscode.workspace.getConfiguration('verbatim').update('enable', false, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(doc.uri, 'no diagnostics once disabled', (ds) => ds.length === 0);
    await verbatim.whenIdle();
    assert.deepStrictEqual(verbatim.sources(), [], 'no source is indexed in a disabled folder');
    assert.strictEqual(verbatim.reportFor(draftUri()), undefined);
    await vscode.workspace.getConfiguration('verbatim').update('enable', undefined, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(doc.uri, 'diagnostics again once enabled', (ds) => ds.length > 0);
  });
});

describe('Getting Started sample', () => {
  it('copies the five seeds as sources and a draft into Verbatim’s storage, byte for byte', async () => {
    const verbatim = await api();
    const folder = vscode.Uri.parse(await verbatim.prepareSample());
    const ext = vscode.extensions.getExtension('verbatim.verbatim')!;
    const sources = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder, 'sources'))).map(([n]) => n).sort();
    const seeds = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(ext.extensionUri, 'seeds'))).map(([n]) => n).filter((n) => n.endsWith('.txt')).sort();
    assert.strictEqual(sources.length, 5);
    assert.deepStrictEqual(sources, seeds);
    for (const n of sources) {
      const copy = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'sources', n));
      const seed = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'seeds', n));
      assert.ok(sameBytes(copy, seed), `${n} is copied unchanged`);
    }
    const draft = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'drafts', 'draft.article')));
    assert.match(draft, /follow through the common understandings/);
    assert.ok(!folder.toString().startsWith(vscode.workspace.workspaceFolders![0].uri.toString()), 'never inside the user’s workspace');
  });
});

describe('verbatim.encoding', () => {
  const archive = () => sourceUri('zz-cp1252-archive.txt');
  const JOB = 'We will keep talking until the job is done';
  before(api);
  after(async () => {
    await vscode.workspace.getConfiguration('verbatim').update('encoding', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(archive(), { useTrash: false }).then(undefined, () => undefined);
    await (await api()).whenIdle();
  });

  it('auto reads a Windows-1252 source as such (its curly quotes too) and logs it', async function () {
    this.timeout(60_000);
    const verbatim = await api();
    const { doc } = await openDraft();
    // An old archive file: “…” are the bytes 0x93 and 0x94 in Windows-1252, invalid as UTF-8.
    const bytes = Uint8Array.from([...new TextEncoder().encode('Archive, 1998.\n\n'), 0x93, ...new TextEncoder().encode(`${JOB},`), 0x94, ...new TextEncoder().encode(' Mr Blinken told reporters.\n')]);
    await vscode.workspace.fs.writeFile(archive(), bytes);
    await verbatim.whenIdle();
    const unverified = (ds: vscode.Diagnostic[]) => !!diagnosticOn(doc, ds, JOB, 'unverified-quote');
    await waitForDiagnostics(doc.uri, 'the quote unverified while the archive reads as UTF-8', unverified);
    await vscode.workspace.getConfiguration('verbatim').update('encoding', 'auto', vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(doc.uri, 'the quote found in the Windows-1252 archive', (ds) => ds.length > 0 && !unverified(ds));
    await verbatim.whenIdle();
    const report = verbatim.reportFor(doc.uri)!;
    const job = report.quotes.find((q) => q.quote.text.startsWith(JOB))!;
    assert.ok(job.matches.some((m) => m.quote.uri === archive().toString()), 'the archive’s quote is a match');
    const log = await waitFor('the log line for the Windows-1252 file', async () => {
      const text = await verbatimLog(verbatim);
      return /zz-cp1252-archive\.txt is not valid UTF-8; read as Windows-1252/.test(text) ? text : undefined;
    });
    assert.ok(log);
  });
});

describe('Localisation', () => {
  it('shows the manifest’s texts from package.nls.json: no %key% reaches the user', async () => {
    await api();
    const ext = vscode.extensions.getExtension('verbatim.verbatim')!;
    const { contributes } = ext.packageJSON as { contributes: { commands: { command: string; title: string; category: string }[]; walkthroughs: { title: string }[]; configuration: { properties: Record<string, { markdownDescription: string }> } } };
    const search = contributes.commands.find((c) => c.command === 'verbatim.searchQuotes')!;
    assert.deepStrictEqual([search.category, search.title], ['Verbatim', 'Search Quotes'], 'VS Code resolved %command.searchQuotes.title%');
    assert.strictEqual(contributes.walkthroughs[0].title, 'Get started with Verbatim');
    const texts = [...contributes.commands.flatMap((c) => [c.title, c.category]), ...Object.values(contributes.configuration.properties).map((p) => p.markdownDescription)];
    // (assert.ok: the web host's small assert has no doesNotMatch)
    for (const t of texts) assert.ok(!/^%.+%$/.test(t), `${t} is resolved`);
    // English is VS Code's default language: the host's texts and the engine's templates come back as written.
    assert.strictEqual(vscode.l10n.t('{0} quotes', 3), '3 quotes');
  });
});
