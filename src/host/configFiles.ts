/**
 * The configuration files `.verbatim.json` / `.verbatim.jsonc` in the workspace: found, read with
 * `workspace.fs`, parsed by the core, and watched. A document's configuration is the nearest file above
 * it inside its workspace folder. Problems (a syntax error, an unknown key, a wrong type, a glob that
 * matches nothing, an authority glob that names no source) are diagnostics in the file and lines in the
 * Verbatim log; a file that cannot be parsed gives the defaults.
 */
import * as vscode from 'vscode';
import { CONFIG_FILES, configCandidates, fatalMessage, formatProblem, parseConfig, type LaterProblem, type ParsedConfig } from '../core/index';
import { localize } from './l10n';
import { watchAndReload } from './watchReload';

/** A configuration file as loaded. */
export interface ConfigFile {
  uri: vscode.Uri;
  /** Its folder: the globs and ignore entries in it are relative to this. */
  dir: vscode.Uri;
  folder: vscode.WorkspaceFolder;
  parsed: ParsedConfig;
}

const GLOB = `**/{${CONFIG_FILES.join(',')}}`;
const parent = (uri: vscode.Uri): vscode.Uri => uri.with({ path: uri.path.replace(/\/[^/]*$/, '') || '/' });

export class ConfigFiles implements vscode.Disposable {
  private byPath = new Map<string, ConfigFile>();
  /** Problems found after parsing (globs, authority), per file, kept until the file is read again. */
  private readonly later = new Map<string, LaterProblem[]>();
  private readonly collection = vscode.languages.createDiagnosticCollection('verbatim-config');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires after a configuration file was created, changed or deleted. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Reads every configuration file and watches them. */
  async start(): Promise<void> {
    let first = true;
    const watch = watchAndReload([GLOB], () => this.loadAll(), () => {
      if (!first) this.changed.fire();
    }, this.log);
    this.subscriptions.push(watch);
    await watch.reload();
    first = false;
  }

  /** The configuration that applies to a document (or, for a folder, the one at its root). */
  for(scope: vscode.Uri | vscode.WorkspaceFolder | undefined): ConfigFile | undefined {
    if (!scope) return undefined;
    const isFolder = !(scope instanceof vscode.Uri);
    const folder = isFolder ? scope : vscode.workspace.getWorkspaceFolder(scope);
    if (!folder) return undefined;
    const dir = isFolder ? folder.uri.path : parent(scope).path;
    for (const candidate of configCandidates(dir, CONFIG_FILES, folder.uri.path)) {
      const found = this.byPath.get(`${folder.uri.toString()}\n${candidate}`);
      if (found) return found;
    }
    return undefined;
  }

  /** Every configuration file in a workspace folder. */
  inFolder(folder: vscode.WorkspaceFolder): ConfigFile[] {
    return [...this.byPath.values()].filter((c) => c.folder.uri.toString() === folder.uri.toString());
  }

  /** Sets the problems found outside the parser (globs matching nothing) for one file, replacing earlier ones. */
  report(config: ConfigFile, problems: LaterProblem[]): void {
    const key = config.uri.toString();
    const before = JSON.stringify(this.later.get(key) ?? []);
    if (before === JSON.stringify(problems)) return;
    this.later.set(key, problems);
    for (const p of problems) this.log.warn(formatProblem(vscode.workspace.asRelativePath(config.uri), { ...p, message: localize(p.messageL10n) }));
    this.publish(config);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.collection.dispose();
    this.changed.dispose();
  }

  private async loadAll(): Promise<void> {
    const next = new Map<string, ConfigFile>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      let uris: vscode.Uri[] = [];
      try {
        uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, GLOB), '**/node_modules/**');
      } catch (err) {
        this.log.warn(vscode.l10n.t('Could not look for configuration files in {0}: {1}', folder.name, err instanceof Error ? err.message : String(err)));
      }
      // In one folder, .verbatim.json before .verbatim.jsonc (CONFIG_FILES order): the first found wins.
      uris.sort((a, b) => CONFIG_FILES.indexOf(a.path.split('/').pop()!) - CONFIG_FILES.indexOf(b.path.split('/').pop()!));
      for (const uri of uris) {
        const key = `${folder.uri.toString()}\n${uri.path}`;
        const dir = parent(uri);
        const shadowed = [...next.values()].find((c) => c.dir.toString() === dir.toString());
        if (shadowed) {
          this.log.warn(vscode.l10n.t('{0} is not read: {1} in the same folder comes first.', vscode.workspace.asRelativePath(uri), vscode.workspace.asRelativePath(shadowed.uri)));
          continue;
        }
        next.set(key, { uri, dir, folder, parsed: await this.parse(uri) });
      }
    }
    this.byPath = next;
    this.later.clear();
    this.collection.clear();
    for (const c of next.values()) this.publish(c);
  }

  private async parse(uri: vscode.Uri): Promise<ParsedConfig> {
    let text = '';
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (err) {
      this.log.warn(vscode.l10n.t('{0} cannot be read ({1}); using the defaults.', vscode.workspace.asRelativePath(uri), err instanceof Error ? err.message : String(err)));
    }
    const parsed = parseConfig(text);
    for (const p of parsed.problems) {
      this.log.warn(formatProblem(vscode.workspace.asRelativePath(uri), { ...p, message: localize(p.fatal ? fatalMessage(p.messageL10n) : p.messageL10n) }));
    }
    return parsed;
  }

  private publish(c: ConfigFile): void {
    const all = [...c.parsed.problems, ...(this.later.get(c.uri.toString()) ?? [])].map((p) => ({ ...p, message: localize('fatal' in p && p.fatal ? fatalMessage(p.messageL10n) : p.messageL10n) }));
    this.collection.set(c.uri, all.map((p) => {
      const start = new vscode.Position(p.line - 1, p.column - 1);
      const d = new vscode.Diagnostic(new vscode.Range(start, start.translate(0, Math.max(1, p.length))), p.message,
        'fatal' in p && p.fatal ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      d.source = 'Verbatim';
      return d;
    }));
  }
}
