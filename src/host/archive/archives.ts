/**
 * The shared archives the open documents are checked against (issue 14): one link per archive URL that
 * the settings or a configuration file name, opened through the host's driver (none in the web build),
 * its password from SecretStorage under a per-login key (Verbatim: Set Archive Password), PGPASSWORD or
 * ~/.pgpass. Archived documents open read-only under the `verbatim-archive:` scheme, from the texts the
 * checks fetched. A status bar item says whether the active document's archive is online.
 */
import * as vscode from 'vscode';
import { withoutPassword, type CandidateSource, type DocumentReport } from '../../core/index';
import { loginOf, secretKey } from '../../archive/login';
import { archiveDriver } from './driver';
import { ArchiveLink, type ArchiveDriver } from './link';
import type { Settings } from '../settings';

export const ARCHIVE_SCHEME = 'verbatim-archive';
export const SET_ARCHIVE_PASSWORD = 'verbatim.setArchivePassword';

/** What a check needs of the archive of its document. */
export interface ArchiveUse {
  source: CandidateSource;
  /** The query failed: the link goes offline and retries. */
  failed(error: unknown): void;
  /** Fetches the texts of archived documents a report points at. */
  fetchTexts(uris: readonly string[]): Promise<void>;
  /** The read-only document an archived uri opens as, with its text when fetched. */
  document(uri: string, label: string): { uri: vscode.Uri; text: string } | undefined;
}

/** An archived document a report points at: the read-only document it opens as, and its text. */
export interface ArchivedSource {
  uri: vscode.Uri;
  text: string;
}

/**
 * The documents of `report`'s matches and related locations that came from the archive (local
 * documents shadow archived ones of the same uri, so whatever the index lacks), their texts fetched.
 */
export async function archivedSources(report: DocumentReport, local: (uri: string) => boolean, archive: ArchiveUse): Promise<Map<string, ArchivedSource>> {
  const labels = new Map<string, string>();
  for (const q of report.quotes) for (const m of q.matches) if (!local(m.quote.uri)) labels.set(m.quote.uri, m.quote.label);
  for (const q of report.quotes) for (const f of q.findings) for (const r of f.related) if (!local(r.uri)) labels.set(r.uri, labels.get(r.uri) ?? r.uri);
  await archive.fetchTexts([...labels.keys()]);
  const out = new Map<string, ArchivedSource>();
  for (const [uri, label] of labels) {
    const d = archive.document(uri, label);
    if (d) out.set(uri, d);
  }
  return out;
}

/** A short, stable name for an archive URL, the authority of its documents' uris. */
function idOf(url: string): string {
  let h = 5381;
  for (let i = 0; i < url.length; i++) h = (Math.imul(h, 33) ^ url.charCodeAt(i)) >>> 0;
  return `a${h.toString(36)}`;
}

export class Archives implements vscode.Disposable {
  private readonly links = new Map<string, ArchiveLink>();
  private readonly warned = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly item = vscode.window.createStatusBarItem('verbatim.archive', vscode.StatusBarAlignment.Right, 99);
  private readonly subscriptions: vscode.Disposable[];
  /** Fires when an archive comes online (a re-check is due) or goes offline. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly settings: Settings,
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
    private readonly driver: ArchiveDriver | undefined = archiveDriver,
  ) {
    this.item.name = 'Verbatim Archive';
    this.subscriptions = [
      settings.onDidChange(() => this.sync()),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateItem()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.sync()),
      vscode.workspace.onDidOpenTextDocument(() => this.sync()),
      vscode.workspace.registerTextDocumentContentProvider(ARCHIVE_SCHEME, { provideTextDocumentContent: (uri) => this.provideTextDocumentContent(uri) }),
      vscode.commands.registerCommand(SET_ARCHIVE_PASSWORD, () => this.setPassword()),
      secrets.onDidChange((e) => {
        for (const link of this.links.values()) if (e.key === this.keyOf(link.url)) void link.retryNow();
      }),
    ];
    this.sync();
  }

  /** The archive a document is checked against, while it is online. */
  useFor(uri: vscode.Uri): ArchiveUse | undefined {
    const link = this.linkFor(uri);
    const source = link?.source;
    if (!link || !source) return undefined;
    const id = idOf(link.url);
    return {
      source,
      failed: (e) => link.failed(e),
      fetchTexts: (uris) => link.fetchTexts(uris),
      document: (u, label) => {
        const text = link.text(u);
        return text === undefined ? undefined : { uri: archiveUri(id, u, label), text };
      },
    };
  }

  /** The state of the archive of `uri` (for tests and the status bar); undefined when it has none. */
  stateFor(uri: vscode.Uri | undefined): { url: string; state: ArchiveLink['state'] } | undefined {
    const link = this.linkFor(uri);
    return link && { url: link.url, state: link.state };
  }

  /** The status bar item's text and tooltip, when shown. */
  get status(): { text: string; tooltip: string } | undefined {
    return this.item.text ? { text: this.item.text, tooltip: String(this.item.tooltip ?? '') } : undefined;
  }

  /** An archived document's text, for the read-only view (fetched from its archive when not kept). */
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target = new URLSearchParams(uri.query).get('uri') ?? '';
    const link = [...this.links.values()].find((l) => idOf(l.url) === uri.authority);
    if (!link) return `(the archive this document came from is no longer configured: ${target})`;
    if (link.text(target) === undefined) await link.fetchTexts([target]).catch(() => undefined);
    return link.text(target) ?? `(the archive is offline; ${target} cannot be shown now)`;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    for (const l of this.links.values()) l.dispose();
    this.links.clear();
    this.item.dispose();
    this.changed.dispose();
  }

  private linkFor(uri: vscode.Uri | undefined): ArchiveLink | undefined {
    const url = this.urlFor(uri);
    return url === undefined ? undefined : this.links.get(url);
  }

  /** The archive URL that applies to `uri`, password taken out (with a warning once per URL). */
  private urlFor(uri: vscode.Uri | vscode.WorkspaceFolder | undefined): string | undefined {
    const raw = this.settings.for(uri).archive;
    if (!raw) return undefined;
    const bare = withoutPassword(raw);
    if (bare.hadPassword && !this.warned.has(bare.url)) {
      this.warned.add(bare.url);
      // Refused rather than used: settings are synced and committed, and a password that worked there
      // would never be moved somewhere safe. Connecting without it fails visibly with the reason.
      const message = `verbatim.archive.url holds a password: it is ignored (settings are stored in plain text and synced). Remove it from the URL and use Set Archive Password, PGPASSWORD or ~/.pgpass.`;
      this.log.warn(message);
      void vscode.window.showWarningMessage(`Verbatim: ${message}`, 'Set Archive Password').then((pick) => {
        if (pick) void this.setPassword(bare.url);
      });
    }
    return bare.url;
  }

  /** Opens links for the URLs now configured and closes the others. */
  private sync(): void {
    const scopes: (vscode.WorkspaceFolder | undefined)[] = vscode.workspace.workspaceFolders?.length ? [...vscode.workspace.workspaceFolders] : [undefined];
    const wanted = new Set<string>();
    for (const scope of scopes) {
      const url = this.urlFor(scope);
      if (url) wanted.add(url);
    }
    // Configuration files below a folder's root can name their own archive: the open documents' count too.
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === 'file' || doc.uri.scheme === 'vscode-remote' || doc.uri.scheme === 'vscode-vfs') {
        const url = this.urlFor(doc.uri);
        if (url) wanted.add(url);
      }
    }
    for (const [url, link] of this.links) {
      if (wanted.has(url)) continue;
      link.dispose();
      this.links.delete(url);
      this.log.info(`Archive ${url} is no longer configured; closed.`);
    }
    for (const url of wanted) {
      if (this.links.has(url)) continue;
      if (!this.driver) {
        if (!this.warned.has(`web:${url}`)) {
          this.warned.add(`web:${url}`);
          this.log.info(`Archive ${url} is ignored here: the web extension host cannot connect to a database server (use desktop VS Code or the CLI's --db).`);
        }
        continue;
      }
      let wasOnline = false;
      const link = new ArchiveLink(url, this.driver, () => this.secret(url), this.log, (l) => {
        this.updateItem();
        // Re-check when the archive comes or goes, not on every failed retry while it is away.
        const online = l.state.kind === 'online';
        if (online !== wasOnline) this.changed.fire();
        wasOnline = online;
      });
      this.links.set(url, link);
      void link.connect();
    }
    this.updateItem();
  }

  private keyOf(url: string): string | undefined {
    try {
      return secretKey(loginOf(url, typeof process === 'object' ? process.env : {}));
    } catch {
      return undefined;
    }
  }

  private async secret(url: string): Promise<string | undefined> {
    const key = this.keyOf(url);
    return key ? this.secrets.get(key) : undefined;
  }

  /** Verbatim: Set Archive Password — for the active document's archive, else the one picked. */
  private async setPassword(preset?: string): Promise<void> {
    const urls = [...new Set([...this.links.keys(), ...(this.urlFor(vscode.window.activeTextEditor?.document.uri) ? [this.urlFor(vscode.window.activeTextEditor?.document.uri)!] : [])])];
    let url = preset ?? this.urlFor(vscode.window.activeTextEditor?.document.uri) ?? (urls.length === 1 ? urls[0] : undefined);
    if (!url && urls.length > 1) url = await vscode.window.showQuickPick(urls, { placeHolder: 'Which archive?' });
    if (!url) url = await vscode.window.showInputBox({ prompt: 'The archive URL, without the password', placeHolder: 'postgresql://user@host:5432/archive', ignoreFocusOut: true });
    const key = url && this.keyOf(url);
    if (!url || !key) return;
    const login = loginOf(url, typeof process === 'object' ? process.env : {});
    const password = await vscode.window.showInputBox({
      prompt: `Password for ${login.user} on ${login.host}:${login.port}/${login.database} (kept in VS Code's secret storage; empty to forget it)`,
      password: true, ignoreFocusOut: true,
    });
    if (password === undefined) return;
    if (password === '') await this.secrets.delete(key);
    else await this.secrets.store(key, password);
    this.log.info(`The archive password for ${login.user}@${login.host}:${login.port}/${login.database} was ${password === '' ? 'forgotten' : 'stored'}.`);
    await this.links.get(url)?.retryNow();
  }

  private updateItem(): void {
    const s = this.stateFor(vscode.window.activeTextEditor?.document.uri) ?? (this.links.size === 1 ? this.stateFor(undefined) : undefined);
    if (!s) {
      this.item.text = '';
      this.item.hide();
      return;
    }
    const st = s.state;
    this.item.backgroundColor = st.kind === 'offline' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    if (st.kind === 'online') {
      this.item.text = '$(database) Archive';
      this.item.tooltip = `Verbatim archive ${s.url}: online, ${st.documents.toLocaleString('en-US')} document${st.documents === 1 ? '' : 's'}. Drafts are checked against it and the local sources.`;
    } else if (st.kind === 'connecting') {
      this.item.text = '$(sync~spin) Archive';
      this.item.tooltip = `Verbatim archive ${s.url}: connecting…`;
    } else {
      this.item.text = '$(debug-disconnect) Archive offline';
      this.item.tooltip = `Verbatim archive ${s.url} is offline: ${st.reason}. Drafts are checked against the local sources only; retrying in ${Math.round(st.retryInMs / 1000)} s.`;
    }
    this.item.show();
  }
}

/** The read-only uri an archived document opens as: its label for the tab, its archive uri in the query. */
export function archiveUri(id: string, uri: string, label: string): vscode.Uri {
  return vscode.Uri.from({ scheme: ARCHIVE_SCHEME, authority: id, path: `/${label.replace(/^\/+/, '')}`, query: new URLSearchParams({ uri }).toString() });
}
