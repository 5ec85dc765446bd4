/** The editor's files.exclude is respected like the configuration's exclude: an excluded article is not checked. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, waitForDiagnostics, workspaceRoot } from '../helpers';

describe('files.exclude in the editor', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Global);
    await (await api()).whenIdle();
  });

  it('drops the diagnostics of an article files.exclude names, and checks it again when the setting goes', async function () {
    this.timeout(60_000);
    const verbatim = await api();
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'drafts', 'second.article'));
    await waitForDiagnostics(doc.uri, 'the article to be checked', (ds) => ds.length > 0);
    await vscode.workspace.getConfiguration('files').update('exclude', { '**/second.article': true }, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(doc.uri, 'the excluded article’s diagnostics to go', (ds) => ds.length === 0);
    await verbatim.whenIdle();
    assert.strictEqual(verbatim.reportFor(doc.uri), undefined, 'no report is kept for it');
    await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(doc.uri, 'the article to be checked again', (ds) => ds.length > 0);
  });
});
