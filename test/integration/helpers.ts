/**
 * Shared helpers for the integration suites: the extension's API, the fixture's files, and waiting —
 * on events or with a capped poll, never a fixed sleep (the pattern of Harper's vscode-plugin helper.ts).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { VerbatimApi } from '../../src/extension';

export const EXTENSION_ID = 'verbatim.verbatim';
const DEFAULT_TIMEOUT_MS = 20_000;
const POLL_MS = 40;

/** The activated extension's API, once its first index and checks have settled. */
export async function api(): Promise<VerbatimApi> {
  const ext = vscode.extensions.getExtension<VerbatimApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this host`);
  const verbatim = await ext.activate();
  await verbatim.whenIdle();
  return verbatim;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need the fixture workspace open (test/fixtures/workspace)');
  return folder.uri;
}

export const fixture = (...path: string[]): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), ...path);
export const draftUri = (): vscode.Uri => fixture('drafts', 'draft.article');
export const sourceUri = (name: string): vscode.Uri => fixture('sources', name);

/** Polls `probe` until it returns something truthy; fails after `timeoutMs` saying what it waited for. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Resolves with the document's diagnostics as soon as they satisfy `accept`: checked now and on every
 * diagnostics change event, with a time cap.
 */
export function waitForDiagnostics(uri: vscode.Uri, what: string, accept: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const mine = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Verbatim');
    const done = (fn: () => void) => {
      clearTimeout(timer);
      sub.dispose();
      fn();
    };
    const check = () => {
      const ds = mine();
      if (accept(ds)) done(() => resolve(ds));
    };
    const timer = setTimeout(() => done(() => reject(new Error(
      `timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now: ${JSON.stringify(mine().map((d) => [d.code, d.message]))}`))), timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

/** The rule id of a Verbatim diagnostic. */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code && typeof code === 'object') return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** The range of the first occurrence of `words` in the document. */
export function rangeOfText(doc: vscode.TextDocument, words: string): vscode.Range {
  const at = doc.getText().indexOf(words);
  assert.ok(at >= 0, `“${words}” is not in ${doc.uri.path}`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + words.length));
}

/** The Verbatim diagnostic whose range covers `words`. */
export function diagnosticOn(doc: vscode.TextDocument, ds: readonly vscode.Diagnostic[], words: string, rule?: string): vscode.Diagnostic | undefined {
  const r = rangeOfText(doc, words);
  return ds.find((d) => d.range.contains(r) && (!rule || ruleOf(d) === rule));
}

/** Opens the fixture draft in an editor, unmodified. */
export async function openDraft(): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(draftUri());
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (doc.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
  return { doc, editor };
}

/** Throws away unsaved changes to the draft (tests never save it). */
export async function revertDraft(): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === draftUri().toString());
  if (!doc?.isDirty) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor('the draft to be reverted', () => !doc.isDirty);
}

/**
 * Mocha hooks for a suite that edits the draft: if anything saved it (an auto-save setting, a stray
 * command), its original bytes are put back on disk after the suite.
 */
export function keepDraftOnDisk(): void {
  let original: Uint8Array | undefined;
  before(async () => {
    original = await vscode.workspace.fs.readFile(draftUri());
  });
  after(async () => {
    await revertDraft();
    if (!original) return;
    const now = await vscode.workspace.fs.readFile(draftUri());
    if (!sameBytes(now, original)) {
      await vscode.workspace.fs.writeFile(draftUri(), original);
      assert.fail('the draft was saved during the suite; its original text was restored');
    }
  });
}

/** True when two byte arrays hold the same bytes (no Buffer: the suites also run in the web extension host). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Markdown with its backslash escapes removed: the text a reader sees. */
export function unescapeMarkdown(value: string): string {
  return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The string value of a hover content. */
export function hoverText(content: vscode.MarkdownString | vscode.MarkedString): string {
  return typeof content === 'string' ? content : content.value;
}

/** The text of the Verbatim log: the `.log` files of its output channel, in the extension's log folder. */
export async function verbatimLog(verbatim: VerbatimApi): Promise<string> {
  const dir = vscode.Uri.parse(verbatim.logFolder());
  const entries = await vscode.workspace.fs.readDirectory(dir).then((e) => e, () => [] as [string, vscode.FileType][]);
  const texts = await Promise.all(entries.filter(([name]) => name.endsWith('.log')).map(async ([name]) =>
    new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name)))));
  return texts.join('\n');
}

/**
 * Accepts the QuickPick's active item and checks what a choice must do: the search command resolves with
 * the chosen quote, and that quote opens, selected. Returns the chosen entry.
 */
export async function acceptAndExpectOpened(chosen: Thenable<{ uri: string; text: string } | undefined>): Promise<{ uri: string; text: string }> {
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  const entry = await chosen;
  assert.ok(entry, 'the command resolves with the chosen quote');
  // The selection can reach this host a moment after the editor does (the web extension host's
  // messages arrive one by one): wait for both, then check.
  const opened = () => vscode.window.activeTextEditor?.document.uri.toString() === entry.uri && vscode.window.activeTextEditor;
  await waitFor('the chosen quote to open', opened);
  const editor = await waitFor('the chosen quote to be selected', () => {
    const e = opened();
    return e && e.document.getText(e.selection) === entry.text ? e : undefined;
  }, 5000).catch(() => opened() as vscode.TextEditor);
  assert.strictEqual(editor.document.getText(editor.selection), entry.text);
  return entry;
}
