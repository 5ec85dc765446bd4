/** `verbatim.*` settings from VS Code, resolved per workspace folder (most settings are resource-scoped). */
import * as vscode from 'vscode';
import { withOptions, type Options } from '../core/index';
import { readSettings, type HostSettings } from './settingsMap';

/** The settings that apply to one folder (or to files outside any folder). */
export interface Resolved {
  options: Options;
  host: HostSettings;
}

export class Settings implements vscode.Disposable {
  private readonly cache = new Map<string, Resolved>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  /** Fires after any `verbatim.*` setting changes, in any scope. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('verbatim')) return;
      this.cache.clear();
      this.log.info('Settings changed; checking again.');
      this.changed.fire();
    });
  }

  /** The settings for a document or folder; cached per workspace folder until a setting changes. */
  for(scope?: vscode.Uri | vscode.WorkspaceFolder): Resolved {
    const folder = scope === undefined ? undefined : scope instanceof vscode.Uri ? vscode.workspace.getWorkspaceFolder(scope) : scope;
    const key = folder?.uri.toString() ?? '';
    let resolved = this.cache.get(key);
    if (!resolved) {
      const config = vscode.workspace.getConfiguration('verbatim', folder?.uri);
      const read = readSettings((k) => config.get(k));
      for (const p of read.problems) this.log.warn(p);
      resolved = { options: withOptions(read.options), host: read.host };
      this.cache.set(key, resolved);
    }
    return resolved;
  }

  /** True when `verbatim.include` was set in some scope for `uri`, rather than left at its default. */
  includeSetByUser(uri: vscode.Uri): boolean {
    const i = vscode.workspace.getConfiguration('verbatim', uri).inspect('include');
    return !!i && [i.globalValue, i.workspaceValue, i.workspaceFolderValue].some((v) => v !== undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
