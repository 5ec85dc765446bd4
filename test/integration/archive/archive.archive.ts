/**
 * The shared archive in the real extension host, against a real PostgreSQL server (started by
 * test/integration/archive/run.ts, which ingested test/fixtures/archive/archived and wrote the
 * workspace's .verbatim.json): a draft's quote found only in the archive is flagged with related
 * information into the archived document, and marked as the archive's in the hover and the
 * Cross-references view; then, with the server stopped, the status bar says the archive is offline,
 * the log says so once, and the local source's finding stays; started again, the archive is back.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { PgServer } from '../../support/pgServer';
import { api, diagnosticOn, fixture, hoverText, rangeOfText, ruleOf, unescapeMarkdown, verbatimLog, waitFor, waitForDiagnostics } from '../helpers';

const where = JSON.parse(process.env.VERBATIM_TEST_ARCHIVE ?? 'null') as { dir: string; port: number; url: string } | null;
const GOVERNOR = 'act firmly if inflation';
const MAYOR = 'before the end of next year';

async function hoverAt(doc: vscode.TextDocument, words: string): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, rangeOfText(doc, words).start.translate(0, 2));
  const texts = hovers.flatMap((h) => h.contents.map(hoverText)).filter((t) => t.includes('Verbatim'));
  assert.strictEqual(texts.length, 1, `one Verbatim hover at “${words}”`);
  return unescapeMarkdown(texts[0]);
}

describe('The shared archive (PostgreSQL)', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    assert.ok(where, 'VERBATIM_TEST_ARCHIVE is set by test/integration/archive/run.ts');
    await api();
    doc = await vscode.workspace.openTextDocument(fixture('drafts', 'draft.article'));
    await vscode.window.showTextDocument(doc, { preview: false });
  });

  it('relates a draft’s quote to an archive-only source, and marks it as the archive’s in the hover and the panel', async () => {
    const verbatim = await api();
    await waitFor('the archive to be online', () => verbatim.archiveStatus()?.text === '$(database) Archive');
    assert.match(verbatim.archiveStatus()!.tooltip, /^Verbatim archive postgresql:\/\/postgres@127\.0\.0\.1:\d+\/archive: online, 1 document\./);
    const ds = await waitForDiagnostics(doc.uri, 'the governor’s quote flagged against the archive',
      (d) => diagnosticOn(doc, d, GOVERNOR, 'quote-differs') !== undefined && diagnosticOn(doc, d, MAYOR, 'quote-differs') !== undefined);
    const governor = diagnosticOn(doc, ds, GOVERNOR, 'quote-differs')!;
    assert.match(governor.message, /archived\/wire-2019-governor\.txt: “firmly” → “decisively”/);
    assert.strictEqual(governor.relatedInformation?.length, 1);
    const related = governor.relatedInformation[0];
    assert.strictEqual(related.location.uri.scheme, 'verbatim-archive', 'the related source opens from the archive');
    assert.match(related.message, /act decisively if inflation/);
    // The archived document opens read-only with the archive's text; the related range is the quote there.
    const archived = await vscode.workspace.openTextDocument(related.location.uri);
    assert.match(archived.getText(), /^Governor vows to act on inflation\n/);
    assert.match(archived.getText(related.location.range), /will not hesitate to act decisively if inflation stays high/);
    const mayor = diagnosticOn(doc, ds, MAYOR, 'quote-differs')!;
    assert.strictEqual(mayor.relatedInformation?.[0].location.uri.toString(), fixture('sources', 'city-hall.txt').toString(), 'a local source stays a local file');

    const governorHover = await hoverAt(doc, GOVERNOR);
    assert.match(governorHover, /\*\*variant\*\* · 0\.\d\d · Maria Ellison \(0\.\d\d\) · \[archived\/wire-2019-governor\.txt\]\(verbatim-archive:[^)]*\) · \*archive\*/);
    assert.doesNotMatch(await hoverAt(doc, MAYOR), /\*archive\*/, 'a local source is not marked');

    const items = verbatim.crossReferences();
    const byLabel = new Map(items.flatMap((q) => q.children).map((c) => [c.label, c]));
    assert.match(byLabel.get('wire-2019-governor.txt')?.description ?? '', /^archive · variant · /);
    assert.match(byLabel.get('city-hall.txt')?.description ?? '', /^variant · /);
    const reveal = byLabel.get('wire-2019-governor.txt')!.command!;
    await vscode.commands.executeCommand(reveal.command, ...(reveal.arguments ?? []));
    await waitFor('the archived quote revealed', () => vscode.window.activeTextEditor?.document.uri.scheme === 'verbatim-archive'
      && vscode.window.activeTextEditor.document.getText(vscode.window.activeTextEditor.selection).includes('act decisively'));
    await vscode.window.showTextDocument(doc, { preview: false });
  });

  it('checks a draft that is not open against the archive too (Check Workspace)', async () => {
    const verbatim = await api();
    const closed = fixture('drafts', 'closed.article');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), 'the second draft is not open');
    await vscode.commands.executeCommand('verbatim.checkWorkspace');
    const report = await waitFor('the closed draft’s report', () => verbatim.reportFor(closed));
    const matches = report.quotes.flatMap((q) => q.matches);
    assert.deepStrictEqual(matches.map((m) => [m.quote.uri, m.relation]), [['archived/wire-2019-governor.txt', 'variant']]);
  });

  it('says the archive is offline when the server stops, once in the log, and keeps checking locally', async () => {
    const verbatim = await api();
    PgServer.attach(where!).stop();
    // An edit makes a check that asks the archive (if the dropped connections did not already tell).
    await vscode.window.showTextDocument(doc, { preview: false });
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.positionAt(doc.getText().length), '\nMore to follow.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the archive to be offline', () => verbatim.archiveStatus()?.text === '$(debug-disconnect) Archive offline');
    assert.match(verbatim.archiveStatus()!.tooltip, /is offline: .+\. Drafts are checked against the local sources only; retrying in \d+ s\./);
    const ds = await waitForDiagnostics(doc.uri, 'local findings only',
      (d) => diagnosticOn(doc, d, MAYOR, 'quote-differs') !== undefined && diagnosticOn(doc, d, GOVERNOR, 'quote-differs') === undefined);
    assert.ok(ds.some((d) => ruleOf(d) === 'quote-differs'), 'the local source’s finding remains');
    await verbatim.whenIdle();
    const log = await waitFor('the offline line in the log', async () => {
      const text = await verbatimLog(verbatim);
      return /is offline: /.test(text) && text;
    });
    assert.strictEqual(log.match(/is offline: /g)?.length, 1, 'one line for the change of state, none per retry or check');
    assert.strictEqual(log.match(/: online, 1 document/g)?.length, 1);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('comes back online by itself when the server returns, and checks the open draft against it again', async function () {
    // The retries double from 2 s; the server has been away a few seconds, so the next is at most 16 s off.
    this.timeout(90_000);
    const verbatim = await api();
    PgServer.attach(where!).startServer();
    await waitFor('the archive to be back online', () => verbatim.archiveStatus()?.text === '$(database) Archive', 75_000);
    await waitForDiagnostics(doc.uri, 'the governor’s quote flagged against the archive again', (d) => diagnosticOn(doc, d, GOVERNOR, 'quote-differs') !== undefined);
    const log = await waitFor('the back-online line in the log', async () => {
      const text = await verbatimLog(verbatim);
      return /: back online, 1 document/.test(text) && text;
    });
    assert.strictEqual(log.match(/is offline: /g)?.length, 1, 'still one offline line: the failed retries wrote nothing');
  });
});
