/**
 * The Getting Started walkthrough's sample workspace: the five seed articles as sources and a draft
 * that misquotes them, copied from the extension into a fresh folder of Verbatim's global storage
 * (never into the user's files), then opened.
 */
import * as vscode from 'vscode';

export const OPEN_SAMPLE = 'verbatim.openSample';

/** Copies the sample into a new folder under `storage` and returns that folder. */
export async function prepareSample(extensionUri: vscode.Uri, storage: vscode.Uri): Promise<vscode.Uri> {
  const folder = vscode.Uri.joinPath(storage, 'sample-workspace', new Date().toISOString().replace(/[:.]/g, '-'));
  const seeds = vscode.Uri.joinPath(extensionUri, 'seeds');
  const names = (await vscode.workspace.fs.readDirectory(seeds)).filter(([n, t]) => t === vscode.FileType.File && n.endsWith('.txt')).map(([n]) => n);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, 'sources'));
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, 'drafts'));
  for (const n of names) await vscode.workspace.fs.copy(vscode.Uri.joinPath(seeds, n), vscode.Uri.joinPath(folder, 'sources', n));
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(extensionUri, 'media', 'sample', 'draft.article'), vscode.Uri.joinPath(folder, 'drafts', 'draft.article'));
  return folder;
}

/** Prepares the sample and opens it in a new window. */
export async function openSample(extensionUri: vscode.Uri, storage: vscode.Uri): Promise<vscode.Uri> {
  const folder = await prepareSample(extensionUri, storage);
  await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: true });
  return folder;
}
