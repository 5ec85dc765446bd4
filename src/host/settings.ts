/**
 * What applies to a document: the `verbatim.*` settings of its workspace folder, with the nearest
 * configuration file laid over them (the file wins for every key it sets; see README "Configuration").
 * Resolved per folder and configuration file, cached until either changes.
 */
import * as vscode from 'vscode';
import { IgnoreList, layerOptions, pathFilter, withOptions, type Options } from '../core/index';
import type { ConfigFile, ConfigFiles } from './configFiles';
import { readSettings, type HostSettings } from './settingsMap';

/** Globs and the folder they are relative to. */
export interface Globs {
  globs: readonly string[];
  base: vscode.Uri;
}

/** The settings that apply to one folder or configuration scope. */
export interface Resolved {
  options: Options;
  host: HostSettings;
  /** The configuration file that applies, if any. */
  config: ConfigFile | undefined;
  sources: Globs;
  include: Globs;
  exclude: Globs;
  /** The configuration file's ignore entries (relative to its folder). */
  ignore: IgnoreList;
  /** The size cap in bytes (the file's maxFileSizeKB, else verbatim.maxFileSizeKB). */
  maxBytes: number;
  /**
   * The archive's URL (the file's `archive`, its password already refused, else verbatim.archive.url,
   * whose password the archive links refuse with a warning); undefined for none. In Restricted Mode a configuration file's is not used (package.json's
   * restrictedConfigurations does the same for the workspace's setting): an untrusted folder must not
   * choose where the drafts' quotes are sent.
   */
  archive: string | undefined;
}

export class Settings implements vscode.Disposable {
  private readonly cache = new Map<string, Resolved>();
  private readonly fileExcludes = new Map<string, ((rel: string) => boolean) | undefined>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  /** Fires after any `verbatim.*` setting, `files.exclude` or configuration file changes. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel, private readonly configs: ConfigFiles) {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('verbatim') && !e.affectsConfiguration('files.exclude')) return;
        this.cache.clear();
        this.fileExcludes.clear();
        this.log.info(vscode.l10n.t('Settings changed; checking again.'));
        this.changed.fire();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.cache.clear();
        this.changed.fire();
      }),
      configs.onDidChange(() => {
        this.cache.clear();
        this.log.info(vscode.l10n.t('A configuration file changed; checking again.'));
        this.changed.fire();
      }),
    ];
  }

  /** The settings for a document or folder. */
  for(scope?: vscode.Uri | vscode.WorkspaceFolder): Resolved {
    const folder = scope === undefined ? undefined : scope instanceof vscode.Uri ? vscode.workspace.getWorkspaceFolder(scope) : scope;
    const config = this.configs.for(scope);
    const key = `${folder?.uri.toString() ?? ''}\n${config?.uri.toString() ?? ''}`;
    let resolved = this.cache.get(key);
    if (!resolved) {
      resolved = this.resolve(folder, config);
      this.cache.set(key, resolved);
    }
    return resolved;
  }

  /** True when `uri` is excluded: by the configuration's `exclude`, or by `files.exclude`. */
  excluded(uri: vscode.Uri): boolean {
    const r = this.for(uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (r.exclude.globs.length && !pathFilter([], r.exclude.globs)(relative(r.exclude.base, uri))) return true;
    if (!folder) return false;
    const filesExcluded = this.filesExclude(folder);
    return filesExcluded !== undefined && !filesExcluded(relative(folder.uri, uri));
  }

  /** `files.exclude` of a folder as a filter (false = excluded), cached like the rest; undefined when empty. */
  private filesExclude(folder: vscode.WorkspaceFolder): ((rel: string) => boolean) | undefined {
    const key = folder.uri.toString();
    if (!this.fileExcludes.has(key)) {
      const fx = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
      // Only plain `true` entries: a `{ when: … }` entry depends on sibling files and is left to the editor.
      const globs = Object.entries(fx).filter(([, on]) => on === true).map(([g]) => g);
      this.fileExcludes.set(key, globs.length ? pathFilter([], globs) : undefined);
    }
    return this.fileExcludes.get(key);
  }

  /** True when `verbatim.include` was set in some scope for `uri`, rather than left at its default. */
  includeSetByUser(uri: vscode.Uri): boolean {
    const i = vscode.workspace.getConfiguration('verbatim', uri).inspect('include');
    return !!i && [i.globalValue, i.workspaceValue, i.workspaceFolderValue].some((v) => v !== undefined);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }

  private resolve(folder: vscode.WorkspaceFolder | undefined, config: ConfigFile | undefined): Resolved {
    const settings = vscode.workspace.getConfiguration('verbatim', folder?.uri);
    const read = readSettings((k) => settings.get(k));
    for (const p of read.problems) this.log.warn(p);
    const file = config?.parsed.config;
    const root = folder?.uri ?? vscode.Uri.file('/');
    const globs = (fromFile: readonly string[] | undefined, fromSettings: readonly string[]): Globs =>
      fromFile ? { globs: fromFile, base: config!.dir } : { globs: fromSettings, base: root };
    return {
      options: withOptions(layerOptions(read.options, file?.options)),
      host: read.host,
      config,
      sources: globs(file?.sources, read.host.sources),
      include: globs(file?.include, read.host.include),
      exclude: globs(file?.exclude, []),
      ignore: new IgnoreList(file?.ignore ?? []),
      maxBytes: (file?.maxFileSizeKB ?? read.host.maxFileSizeKB) * 1024,
      archive: (vscode.workspace.isTrusted ? file?.archive : undefined) ?? (read.host.archiveUrl || undefined),
    };
  }
}

/** The path of `uri` relative to `base` (forward slashes), or its whole path when it is not under it. */
export function relative(base: vscode.Uri, uri: vscode.Uri): string {
  const b = base.path.replace(/\/$/, '') + '/';
  return uri.path.startsWith(b) ? uri.path.slice(b.length) : uri.path.replace(/^\/+/, '');
}
