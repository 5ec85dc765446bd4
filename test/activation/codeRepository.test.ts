/**
 * In a code repository (no sources folder, no Verbatim config) Verbatim does not activate for Markdown,
 * and once activated by other means it still leaves the README alone; an `.article` file is checked.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { VerbatimApi } from '../../src/extension';
import { EXTENSION_ID, waitFor } from '../integration/helpers';

const root = (): vscode.Uri => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the activation suite needs test/fixtures/coderepo open');
  return folder.uri;
};

describe('A code repository', () => {
  it('opening its Markdown README does not activate Verbatim', async () => {
    const ext = vscode.extensions.getExtension<VerbatimApi>(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root(), 'README.md'));
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'markdown');
    // A language activation event would have been handled by the time the editor has shown the file.
    await waitFor('the README to be the active editor', () => vscode.window.activeTextEditor?.document === doc);
    assert.strictEqual(ext.isActive, false, 'no activation event of Verbatim matches a code repository');
  });

  it('once active, leaves the README unchecked and checks an .article file', async () => {
    const ext = vscode.extensions.getExtension<VerbatimApi>(EXTENSION_ID)!;
    const verbatim = await ext.activate();
    await verbatim.whenIdle();
    const readme = vscode.Uri.joinPath(root(), 'README.md');
    const article = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root(), 'notes.article'));
    await vscode.window.showTextDocument(article);
    const report = await waitFor('the .article file to be checked', () => verbatim.reportFor(article.uri));
    assert.strictEqual(report.quotes.length, 1);
    await verbatim.whenIdle();
    assert.strictEqual(verbatim.reportFor(readme), undefined, 'the README is not checked');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(readme).filter((d) => d.source === 'Verbatim'), []);
    assert.deepStrictEqual(verbatim.sources(), []);
  });
});
