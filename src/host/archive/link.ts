/**
 * One archive as the editor sees it: connecting, online or offline, with retries. Free of `vscode` and
 * of the database client (the driver is passed in), so a plain-Node unit test drives it with a fake
 * driver and clock. While offline, checks use the local sources only; the link retries with a doubling
 * delay (2 s up to 60 s) and, when the archive answers again, says so and asks for a re-check.
 * Exactly one log line per change of state: a server that stays down for a day writes one line.
 */
import type { CandidateSource } from '../../core/index';

/** An open archive, as a driver hands it over. */
export interface OpenedArchive {
  source: CandidateSource;
  /** How many documents it holds (shown in the status bar tooltip). */
  documents(): Promise<number>;
  /** Archived documents' texts by uri (for line numbers, related information and the read-only view). */
  texts(uris: readonly string[]): Promise<Map<string, string>>;
  /** Called when an idle connection dies (the server stopped between checks). */
  onLost(listener: (reason: string) => void): void;
  close(): Promise<void>;
}

/** Opens an archive; rejects with an Error whose message says why, in words, without the password. */
export type ArchiveDriver = {
  open(url: string, secret: () => Promise<string | undefined>): Promise<OpenedArchive>;
  /** Why a failed query failed, in words (the driver knows the client's error codes). */
  describe(error: unknown, url: string): string;
};

export type LinkState =
  | { kind: 'connecting' }
  | { kind: 'online'; documents: number }
  | { kind: 'offline'; reason: string; retryInMs: number };

export interface LinkLog {
  info(line: string): void;
  warn(line: string): void;
}

export interface Clock {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export const FIRST_RETRY_MS = 2000;
export const MAX_RETRY_MS = 60_000;
/** Archived texts kept for the open views (each check fetches the ones its matches need). */
const TEXT_CACHE = 500;

export class ArchiveLink {
  private current: LinkState = { kind: 'connecting' };
  private opened: OpenedArchive | undefined;
  private retryMs = FIRST_RETRY_MS;
  private timer: unknown;
  private disposed = false;
  private wasOnline = false;
  private readonly texts = new Map<string, string>();
  private attempt: Promise<void> | undefined;

  /**
   * `url` has no password (the display name, too); `onChange` fires on every change of state
   * (the status bar, and a re-check when the archive comes back).
   */
  constructor(
    readonly url: string,
    private readonly driver: ArchiveDriver,
    private readonly secret: () => Promise<string | undefined>,
    private readonly log: LinkLog,
    private readonly onChange: (link: ArchiveLink) => void,
    private readonly clock: Clock = realClock,
  ) {}

  get state(): LinkState {
    return this.current;
  }

  /** The archive's candidate source while it is online. */
  get source(): CandidateSource | undefined {
    return this.current.kind === 'online' ? this.opened?.source : undefined;
  }

  /** Connects (again). Resolves when this attempt settled; never rejects. One attempt at a time. */
  connect(): Promise<void> {
    this.attempt ??= this.attemptConnect().finally(() => { this.attempt = undefined; });
    return this.attempt;
  }

  private async attemptConnect(): Promise<void> {
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    let opened: OpenedArchive | undefined;
    try {
      opened = await this.driver.open(this.url, this.secret);
      const documents = await opened.documents();
      if (this.disposed) { await opened.close().catch(() => undefined); return; }
      this.opened = opened;
      opened.onLost((reason) => { if (this.opened === opened) this.failed(reason); });
      this.retryMs = FIRST_RETRY_MS;
      this.log.info(`Archive ${this.url}: ${this.wasOnline ? 'back online' : 'online'}, ${documents.toLocaleString('en-US')} document${documents === 1 ? '' : 's'}; checks ask it as well as the local sources.`);
      this.wasOnline = true;
      this.set({ kind: 'online', documents });
    } catch (e) {
      await opened?.close().catch(() => undefined);
      if (this.disposed) return;
      this.goOffline(e instanceof Error ? e.message : String(e));
    }
  }

  /** A query against the archive failed: offline until a retry connects. */
  failed(error: unknown): void {
    if (this.disposed || this.current.kind !== 'online') return;
    const reason = typeof error === 'string' ? error : this.driver.describe(error, this.url);
    const opened = this.opened;
    this.opened = undefined;
    void opened?.close().catch(() => undefined);
    this.goOffline(reason);
  }

  /** Tries to connect now instead of waiting for the next retry (after a new password, say). */
  retryNow(): Promise<void> {
    if (this.current.kind === 'online') return Promise.resolve();
    this.retryMs = FIRST_RETRY_MS;
    return this.connect();
  }

  /** Fetches and keeps the texts of `uris` not kept yet (failures leave the cache as it is). */
  async fetchTexts(uris: readonly string[]): Promise<void> {
    const missing = uris.filter((u) => !this.texts.has(u));
    if (!missing.length || !this.opened) return;
    for (const [uri, text] of await this.opened.texts(missing)) {
      if (this.texts.size >= TEXT_CACHE) this.texts.delete(this.texts.keys().next().value!);
      this.texts.set(uri, text);
    }
  }

  /** A kept archived text; `fetch` asks the archive when it is not kept. */
  text(uri: string): string | undefined {
    return this.texts.get(uri);
  }

  dispose(): void {
    this.disposed = true;
    this.clock.clearTimeout(this.timer);
    void this.opened?.close().catch(() => undefined);
    this.opened = undefined;
  }

  private goOffline(reason: string): void {
    const wasOffline = this.current.kind === 'offline';
    const retryInMs = this.retryMs;
    this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
    // One line when the archive goes offline; the retries that fail after it say nothing.
    if (!wasOffline) this.log.warn(`Archive ${this.url} is offline: ${reason}. Checking against the local sources only; retrying with backoff.`);
    this.timer = this.clock.setTimeout(() => { void this.connect(); }, retryInMs);
    this.set({ kind: 'offline', reason, retryInMs });
  }

  private set(state: LinkState): void {
    this.current = state;
    this.onChange(this);
  }
}
