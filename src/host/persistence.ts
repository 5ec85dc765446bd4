/**
 * The source index kept between sessions, in the extension's storage (`storageUri`, else
 * `globalStorageUri`; never in a workspace folder). One file: a header line (format, extension version,
 * and each source file's modification time, size and label) and then the engine's serialized index.
 * On activation the corpus takes it back and reads only the files whose stamp changed (corpus.ts).
 * It is written again a few seconds after indexing settles — only source changes schedule it, never
 * typing. A file of another format or version, or a damaged one, is not used: one log line, and every
 * source is read as on a first start.
 *
 * Loading and saving run on the extension host's thread, a slice at a time (core/index/slicedStore.ts):
 * the index is written and read as lines, and the thread is given back every SLICE_MS, so the host is
 * never held for long even at 10,000 articles (about 35 MB). A write the sources change in the middle
 * of is given up and scheduled again. Their times are logged.
 */
import * as vscode from 'vscode';
import { decodeSliced, encodeSliced, Engine, firstLine, type Encoding, type QuoteIndex, type Slicer } from '../core/index';
import type { Corpus, SourceStamp, StoredSources } from './corpus';
import { SLICE_MS, yieldToHost } from './files';
import { hashHex, uniqueSuffix } from './platform';

const FORMAT = 'verbatim-sources';
const VERSION = 1;
const FILE = 'source-index.json';
/** Quiet time after the last change to the sources before the index is written. */
const SAVE_DELAY_MS = 3000;
/**
 * Least time between two writes the sources' changes schedule: writing 10,000 articles is about half a
 * second of the host's time (in slices) and 35 MB written, which sources arriving every few seconds
 * must not repeat each time.
 */
const SAVE_INTERVAL_MS = 60_000;

interface Header {
  format: string;
  version: number;
  /** The extension version that wrote it: another version may analyse the same text differently. */
  extension: string;
  /** uri, mtime, size, label of every source in the index. */
  /** Per source: file, mtime, size, label, and the encoding it was read with (absent: utf-8). */
  files: [string, number, number, string, Encoding?][];
}

/** Where the index is stored, and how it went. */
export interface StoreState {
  uri: string | undefined;
  /** Times the index was written in this session. */
  saves: number;
  /** The line logged when a stored index was last refused, if one was. */
  problem: string | undefined;
}

export class IndexPersistence implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<boolean> = Promise.resolve(false);
  /** The index as last written or loaded: nothing to write while it is unchanged. */
  private current: { index: QuoteIndex; generation: number } | undefined;
  private saves = 0;
  private lastWrite = 0;
  /** Size of the index last loaded or written. */
  private lastBytes = 0;
  private problem: string | undefined;
  private refusedDir = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly storage: { storageUri: vscode.Uri | undefined; globalStorageUri: vscode.Uri },
    private readonly engine: Engine,
    private readonly corpus: Corpus,
    private readonly log: vscode.LogOutputChannel,
    private readonly version: string,
  ) {}

  /** Writes the index (debounced) whenever the sources change. */
  start(): void {
    this.subscriptions.push(this.corpus.onDidChange(() => this.schedule()));
  }

  get state(): StoreState {
    return { uri: this.file()?.toString(), saves: this.saves, problem: this.problem };
  }

  /** The stored index and its files' stamps; undefined (with one log line) when there is none or it cannot be used. */
  async load(): Promise<StoredSources | undefined> {
    const uri = this.file();
    if (!uri) return undefined;
    const started = Date.now();
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (err) {
      if (err instanceof vscode.FileSystemError && (err.code === 'FileNotFound' || err.code === 'EntryNotFound')) {
        this.log.info(vscode.l10n.t('No stored source index yet: every source is read.'));
      } else this.refuse(uri, err);
      return undefined;
    }
    try {
      const slicer = hostSlicer();
      const head = firstLine(bytes);
      if (!head) throw new Error('it has no header');
      const header = JSON.parse(head.line) as Header;
      if (header?.format !== FORMAT || !Array.isArray(header.files)) throw new Error('it is not a Verbatim source index');
      if (header.version !== VERSION) throw new Error(`its format version is ${String(header.version)}, not ${VERSION}`);
      if (header.extension !== this.version) throw new Error(`it was written by Verbatim ${String(header.extension)}, this is ${this.version}`);
      const reader = Engine.reader(this.engine.options);
      await decodeSliced(bytes, head.rest, (line) => reader.line(line), slicer);
      const engine = reader.finish();
      const stamps = new Map<string, SourceStamp>(header.files.map(([file, mtime, size, label, encoding]) => [file, { mtime, size, label, encoding: encoding ?? 'utf-8' }]));
      if (stamps.size !== engine.index.size.documents || [...stamps.keys()].some((file) => !engine.index.has(file))) {
        throw new Error('its list of files does not match its index');
      }
      this.current = { index: engine.index, generation: engine.index.generation };
      this.lastBytes = bytes.length;
      this.log.info(vscode.l10n.t('Loaded the stored source index ({0} sources, {1} MB) in {2} ms, in slices of {3} ms.', stamps.size, mb(bytes.length), Date.now() - started, SLICE_MS));
      return { engine, stamps };
    } catch (err) {
      this.refuse(uri, err);
      return undefined;
    }
  }

  /** Writes the index now if it changed since it was written or loaded; true when it was written. */
  save(): Promise<boolean> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.saving = this.saving.then(() => this.write(), () => this.write());
    return this.saving;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const s of this.subscriptions) s.dispose();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const wait = Math.max(SAVE_DELAY_MS, this.lastWrite + SAVE_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // After indexing settles: a rebuild under way would change the index again.
      if (this.corpus.isIdle) void this.save();
      else this.schedule();
    }, wait);
  }

  private async write(): Promise<boolean> {
    const uri = this.file();
    const index = this.engine.index;
    if (!uri || (this.current?.index === index && this.current.generation === index.generation)) return false;
    const started = Date.now();
    // The stamps and the index are taken in the same turn, so they always describe the same files.
    const generation = index.generation;
    const header: Header = { format: FORMAT, version: VERSION, extension: this.version, files: [] };
    for (const [file, s] of this.corpus.stamps()) header.files.push([file, s.mtime, s.size, s.label, s.encoding]);
    const engine = this.engine;
    // Another rebuild may take the index over (adopt) or change it between two slices: then what was
    // written so far describes no index that ever was, so the write is given up and scheduled again.
    const stale = () => engine.index !== index || index.generation !== generation;
    let bytes: Uint8Array | undefined;
    try {
      const head = JSON.stringify(header);
      await yieldToHost(); // the header of every file, then the index in slices
      bytes = stale() ? undefined : await encodeSliced(head, engine.serializeLines(), hostSlicer(), stale, this.sizeHint(header));
    } catch (err) {
      if (!stale()) throw err;
    }
    if (!bytes) {
      this.log.info(vscode.l10n.t('The sources changed while the source index was being written: it is written again later.'));
      this.schedule();
      return false;
    }
    const dir = vscode.Uri.joinPath(uri, '..');
    const temp = vscode.Uri.joinPath(dir, `${FILE}.${uniqueSuffix()}.tmp`);
    try {
      await vscode.workspace.fs.createDirectory(dir);
      await vscode.workspace.fs.writeFile(temp, bytes);
      // Renamed into place: a reader never sees half a file.
      await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
    } catch (err) {
      this.log.warn(vscode.l10n.t('Could not store the source index in {0}: {1}', dir.fsPath, err instanceof Error ? err.message : String(err)));
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      return false;
    }
    this.current = { index, generation };
    this.lastBytes = bytes.length;
    this.saves++;
    this.lastWrite = Date.now();
    this.log.info(vscode.l10n.t('Stored the source index ({0} sources, {1} MB) in {2} ms, in slices of {3} ms.', header.files.length, mb(bytes.length), Date.now() - started, SLICE_MS));
    return true;
  }

  /** The index file: in the workspace's storage, else one per set of folders in the global storage. */
  private file(): vscode.Uri | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) return undefined; // sources come from folders: nothing to keep
    const dir = this.storage.storageUri ?? this.storage.globalStorageUri;
    const inside = folders.find((f) => `${dir.toString()}/`.startsWith(`${f.uri.toString().replace(/\/$/, '')}/`));
    if (inside) {
      if (!this.refusedDir) this.log.warn(vscode.l10n.t('The extension storage {0} is inside the workspace folder {1}: the source index is not stored.', dir.fsPath, inside.name));
      this.refusedDir = true;
      return undefined;
    }
    if (this.storage.storageUri) return vscode.Uri.joinPath(dir, FILE);
    const key = hashHex(folders.map((f) => f.uri.toString()).sort().join('\n'));
    return vscode.Uri.joinPath(dir, `source-index-${key}.json`);
  }

  /**
   * The stored index's likely size, so it is encoded into one buffer: the last one's, else the sources'
   * bytes and a third (the quotes' texts and the posting lists come on top of the kept texts).
   */
  private sizeHint(header: Header): number {
    if (this.lastBytes) return Math.ceil(this.lastBytes * 1.05);
    let bytes = 0;
    for (const f of header.files) bytes += f[2];
    return Math.ceil(bytes * 1.35) + 65536;
  }

  private refuse(uri: vscode.Uri, err: unknown): void {
    this.problem = vscode.l10n.t('The stored source index {0} is not used ({1}): every source is read again.', uri.fsPath, err instanceof Error ? err.message : String(err));
    this.log.warn(this.problem);
  }
}

function hostSlicer(): Slicer {
  return { pause: yieldToHost, now: () => Date.now(), sliceMs: SLICE_MS };
}

function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}
