/**
 * Quotes the editor chose to ignore, kept in `.verbatim/ignore.json` in each workspace folder (never
 * in the article): `{ "version": 1, "quotes": [{ "file": "drafts/a.article", "text": "…" }] }`.
 * A quote is matched by its file and its words, so it stays ignored while the text around it moves.
 */
import * as vscode from 'vscode';
import { formatIgnoreFile, IGNORE_FILE as FILE, IgnoreList, parseIgnoreFile } from '../core/index';
import { watchAndReload } from './watchReload';

export class Ignores implements vscode.Disposable {
  private byFolder = new Map<string, IgnoreList>();
  /** Folders whose file could not be parsed: never overwritten, so nothing in it is lost. */
  private readonly broken = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Loads every folder's file and watches them. */
  async start(): Promise<void> {
    let first = true;
    // The folder too: deleting `.verbatim` as a whole may be reported for the folder only.
    const watch = watchAndReload([`**/${FILE}`, `**/${FILE.split('/')[0]}`], () => this.loadAll(), () => {
      if (!first) this.changed.fire();
    }, this.log);
    this.subscriptions.push(watch);
    await watch.reload();
    first = false;
  }

  /** True when the quote with this text in this document was ignored. */
  isIgnored(doc: vscode.Uri, text: string): boolean {
    const place = this.place(doc);
    return !!place && !!this.byFolder.get(place.folder.uri.toString())?.has(place.file, text);
  }

  /** Adds a quote to its folder's ignore file; false (with a message) when it cannot. */
  async add(doc: vscode.Uri, text: string): Promise<boolean> {
    const place = this.place(doc);
    if (!place) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Verbatim can only ignore quotes in files inside a workspace folder.'));
      return false;
    }
    const folderKey = place.folder.uri.toString();
    const list = new IgnoreList(await this.load(place.folder)).with(place.file, text);
    if (this.broken.has(folderKey)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Verbatim: {0} in {1} is not valid JSON; fix or delete it first.', FILE, place.folder.name));
      return false;
    }
    const uri = vscode.Uri.joinPath(place.folder.uri, FILE);
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(place.folder.uri, '.verbatim'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(formatIgnoreFile(list.entries)));
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Verbatim could not write {0}: {1}', FILE, err instanceof Error ? err.message : String(err)));
      return false;
    }
    this.byFolder.set(folderKey, list);
    this.log.info(vscode.l10n.t('Ignoring a quote in {0} ({1}).', place.file, FILE));
    this.changed.fire();
    return true;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }

  private place(doc: vscode.Uri): { folder: vscode.WorkspaceFolder; file: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(doc);
    if (!folder) return undefined;
    const base = folder.uri.path.replace(/\/$/, '') + '/';
    return { folder, file: doc.path.startsWith(base) ? doc.path.slice(base.length) : doc.path };
  }

  private async loadAll(): Promise<void> {
    // Built aside and swapped in, so no check in between sees an empty list.
    const next = new Map<string, IgnoreList>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) next.set(folder.uri.toString(), new IgnoreList(await this.load(folder)));
    this.byFolder = next;
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<ReturnType<typeof parseIgnoreFile>> {
    const key = folder.uri.toString();
    this.broken.delete(key);
    let raw: string;
    try {
      raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, FILE)));
    } catch {
      return []; // no file yet
    }
    try {
      return parseIgnoreFile(raw);
    } catch (err) {
      this.broken.add(key);
      this.log.warn(vscode.l10n.t('{0}/{1} is not valid JSON ({2}); no quotes are ignored until it is fixed.', folder.name, FILE, err instanceof Error ? err.message : String(err)));
      return [];
    }
  }
}
