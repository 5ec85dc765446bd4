/**
 * Quotes the editor chose to ignore, kept in `.verbatim/ignore.json` in each workspace folder (never
 * in the article): `{ "version": 1, "quotes": [{ "file": "drafts/a.article", "text": "…" }] }`.
 * A quote is matched by its file and its words, so it stays ignored while the text around it moves.
 */
import * as vscode from 'vscode';

const FILE = '.verbatim/ignore.json';

interface Entry {
  file: string;
  text: string;
}

const norm = (text: string): string => text.replace(/\s+/g, ' ').trim();
const keyOf = (file: string, text: string): string => `${file}\n${norm(text)}`;

export class Ignores implements vscode.Disposable {
  private readonly byFolder = new Map<string, Set<string>>();
  /** Folders whose file could not be parsed: never overwritten, so nothing in it is lost. */
  private readonly broken = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Loads every folder's file and watches them. */
  async start(): Promise<void> {
    const reload = () => void this.loadAll().then(() => this.changed.fire());
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${FILE}`);
    this.subscriptions.push(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(reload));
    await this.loadAll();
  }

  /** True when the quote with this text in this document was ignored. */
  isIgnored(doc: vscode.Uri, text: string): boolean {
    const place = this.place(doc);
    return !!place && !!this.byFolder.get(place.folder.uri.toString())?.has(keyOf(place.file, text));
  }

  /** Adds a quote to its folder's ignore file; false (with a message) when it cannot. */
  async add(doc: vscode.Uri, text: string): Promise<boolean> {
    const place = this.place(doc);
    if (!place) {
      void vscode.window.showWarningMessage('Verbatim can only ignore quotes in files inside a workspace folder.');
      return false;
    }
    const folderKey = place.folder.uri.toString();
    const entries = await this.load(place.folder);
    if (this.broken.has(folderKey)) {
      void vscode.window.showErrorMessage(`Verbatim: ${FILE} in ${place.folder.name} is not valid JSON; fix or delete it first.`);
      return false;
    }
    if (!entries.some((e) => keyOf(e.file, e.text) === keyOf(place.file, text))) entries.push({ file: place.file, text: norm(text) });
    const uri = vscode.Uri.joinPath(place.folder.uri, FILE);
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(place.folder.uri, '.verbatim'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify({ version: 1, quotes: entries }, null, 2) + '\n'));
    } catch (err) {
      void vscode.window.showErrorMessage(`Verbatim could not write ${FILE}: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
    this.byFolder.set(folderKey, new Set(entries.map((e) => keyOf(e.file, e.text))));
    this.log.info(`Ignoring a quote in ${place.file} (${FILE}).`);
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
    this.byFolder.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const entries = await this.load(folder);
      this.byFolder.set(folder.uri.toString(), new Set(entries.map((e) => keyOf(e.file, e.text))));
    }
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<Entry[]> {
    const key = folder.uri.toString();
    this.broken.delete(key);
    let raw: string;
    try {
      raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, FILE)));
    } catch {
      return []; // no file yet
    }
    try {
      const data = JSON.parse(raw) as { quotes?: unknown };
      const quotes = Array.isArray(data.quotes) ? data.quotes : [];
      return quotes.filter((q): q is Entry => !!q && typeof q.file === 'string' && typeof q.text === 'string');
    } catch (err) {
      this.broken.add(key);
      this.log.warn(`${folder.name}/${FILE} is not valid JSON (${err instanceof Error ? err.message : String(err)}); no quotes are ignored until it is fixed.`);
      return [];
    }
  }
}
