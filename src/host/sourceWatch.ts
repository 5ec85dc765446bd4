/**
 * File watchers on the source globs, their events gathered for WATCH_DELAY_MS (a save is often several
 * events, a checkout hundreds) and handed on together, once per quiet spell. Files under node_modules,
 * and excluded files that are not sources, are not handed on.
 */
import * as vscode from 'vscode';
import type { Settings } from './settings';
import type { SourceScope } from './sourceList';

/** Watcher events are gathered this long before the sources are re-read. */
const WATCH_DELAY_MS = 75;

export class SourceWatch implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private readonly queue = new Map<string, vscode.Uri>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly settings: Settings,
    private readonly isSource: (key: string) => boolean,
    /** Gets the files that were created, changed or deleted (in the order first met). */
    private readonly onChanges: (uris: vscode.Uri[]) => void,
  ) {}

  /** True while events wait to be handed on. */
  get pending(): boolean {
    return this.queue.size > 0 || this.timer !== undefined;
  }

  /** Watches the globs of `scopes`, in place of what was watched before. */
  watch(scopes: readonly SourceScope[]): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const scope of scopes) {
      for (const glob of scope.globs) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(scope.base, glob));
        const onEvent = (uri: vscode.Uri) => this.enqueue(uri);
        this.watchers.push(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
      }
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.queue.clear();
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
  }

  private enqueue(uri: vscode.Uri): void {
    if (/\/node_modules\//.test(uri.path) || (this.settings.excluded(uri) && !this.isSource(uri.toString()))) return;
    this.queue.set(uri.toString(), uri);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const uris = [...this.queue.values()];
      this.queue.clear();
      if (uris.length) this.onChanges(uris);
    }, WATCH_DELAY_MS);
  }
}
