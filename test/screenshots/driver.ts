/**
 * Runs inside the extension host for `npm run screenshots` (scripts/screenshots.mjs): puts the
 * workbench into each state worth showing — diagnostics, hover, quick fix, Cross-references view,
 * search — and asks the script outside, which holds the browser, to take a picture of it.
 *
 * The two sides talk through files in $VERBATIM_SHOTS: `<name>.request` (JSON: the CSS selector to
 * wait for) from here, `<name>.done` from the script once the PNG is written.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { VerbatimApi } from '../../src/extension';

async function until<T>(what: string, probe: () => T | undefined | false | null, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function shot(name: string, selector: string): Promise<void> {
  const dir = process.env.VERBATIM_SHOTS;
  if (!dir) throw new Error('VERBATIM_SHOTS is not set; run `npm run screenshots`');
  fs.writeFileSync(path.join(dir, `${name}.request`), JSON.stringify({ name, selector }));
  await until(`the ${name} screenshot`, () => fs.existsSync(path.join(dir, `${name}.done`)), 60_000);
}

async function cursorIn(editor: vscode.TextEditor, words: string): Promise<void> {
  const at = editor.document.getText().indexOf(words);
  if (at < 0) throw new Error(`“${words}” is not in the draft`);
  const pos = editor.document.positionAt(at + 2);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
}

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<VerbatimApi>('verbatim.verbatim');
  if (!ext) throw new Error('Verbatim is not loaded');
  const verbatim = await ext.activate();
  await verbatim.whenIdle();
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'drafts', 'draft.article'));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await until('diagnostics', () => vscode.languages.getDiagnostics(doc.uri).length >= 6);

  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await cursorIn(editor, 'some important issues');
  await shot('diagnostics', '.markers-panel .monaco-list-row');
  await vscode.commands.executeCommand('workbench.action.closePanel');

  await cursorIn(editor, 'reached agreement on some important');
  await vscode.commands.executeCommand('editor.action.showHover');
  // The diagnostic comes first in the hover; page down to Verbatim's versions.
  await new Promise((r) => setTimeout(r, 500));
  await vscode.commands.executeCommand('editor.action.showHover');
  await vscode.commands.executeCommand('editor.action.pageDownHover').then(undefined, () => undefined);
  await shot('hover', '.monaco-hover .rendered-markdown');
  await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);

  await cursorIn(editor, 'keep on working');
  await vscode.commands.executeCommand('editor.action.quickFix');
  await shot('quick-fix', '.action-widget .monaco-list-row');
  await vscode.commands.executeCommand('hideCodeActionWidget').then(undefined, () => undefined);

  await vscode.commands.executeCommand('verbatim.showCrossReferences');
  await cursorIn(editor, 'some important issues');
  // With the editor focused, a narrower editor is a wider sidebar.
  for (let i = 0; i < 5; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
  await until('the Cross-references view', () => verbatim.crossReferences().length > 0);
  await shot('cross-references', '.pane-body .monaco-list-row');

  const search = vscode.commands.executeCommand('verbatim.searchQuotes', 'vehemently');
  await until('search results', () => (verbatim.searchState()?.items.length ?? 0) > 0 && !verbatim.searchState()?.busy);
  await shot('search', '.quick-input-widget .monaco-list-row');
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  await search;
}
