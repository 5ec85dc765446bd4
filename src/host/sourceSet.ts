/**
 * The source files of the index, one by one: which are indexed and with what stamp (modification
 * time, size, label, encoding), which were left out and why, reading one and putting the read into
 * the engine or taking it out. Reads are numbered, so that an older read finishing after a newer one
 * never wins. The corpus (corpus.ts) decides when; this decides how, for one file.
 */
import * as vscode from 'vscode';
import type { BatchInput, Encoding, Engine, PackedBatch } from '../core/index';
import { HostSlices, readText, type FileStamp, type ReadResult } from './files';
import type { ConfigFiles } from './configFiles';
import type { Settings } from './settings';
import { listSources } from './sourceList';

/** The stamp of an indexed source file: what must be unchanged for its stored analysis to stand. */
export interface SourceStamp extends FileStamp {
  label: string;
  /** The encoding it was read with: a change of `verbatim.encoding` reads it again. */
  encoding: Encoding;
}

/** A stored index: an engine holding it, and the stamp of every source in it. */
export interface StoredSources {
  engine: Engine;
  stamps: ReadonlyMap<string, SourceStamp>;
}

/** A stored index ready to take: its engine, and each source's key, uri and stamp. */
export interface PreparedSources {
  engine: Engine;
  entries: [string, vscode.Uri, SourceStamp][];
  folders: Set<string>;
}

/** One read of a source file, numbered among all reads. */
export interface SourceRead {
  seq: number;
  result: ReadResult;
}

export class SourceSet {
  /** The indexed sources. */
  readonly uris = new Map<string, vscode.Uri>();
  /** The stamp each indexed source was read with. */
  private readonly stampOf = new Map<string, SourceStamp>();
  /** Files matching the source globs that are not indexed, with the reason (as logged). */
  private readonly skippedFiles = new Map<string, string>();
  /** The latest read started per uri: an older read finishing later must not win. */
  private readonly readSeq = new Map<string, number>();
  private seq = 0;
  /** Sort position for files added by the watcher after a rebuild ("earliest source" ties). */
  nextOrder = 0;
  private foldersWithSources = new Set<string>();

  constructor(
    private readonly engine: Engine,
    private readonly settings: Settings,
    private readonly configs: ConfigFiles,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * The stamp of every indexed source (what a stored index must record with it): the live map, not a
   * copy (10,000 entries copied were a fifth of a write's first hold), so read it before the next turn.
   */
  stamps(): ReadonlyMap<string, SourceStamp> {
    return this.stampOf;
  }

  /** Source files left out of the index and why, e.g. binary or over the size cap. */
  skipped(): { uri: string; reason: string }[] {
    return [...this.skippedFiles].map(([uri, reason]) => ({ uri, reason }));
  }

  /** Forgets why files were left out (a rebuild finds out again). */
  clearSkipped(): void {
    this.skippedFiles.clear();
  }

  /**
   * True when `uri` lies in a workspace folder that has sources: a newsroom's folder rather than, say,
   * a code repository whose README happens to be Markdown.
   */
  inNewsroomFolder(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return !!folder && this.foldersWithSources.has(folder.uri.toString());
  }

  /** The source files the settings and configuration files name now, by uri, in the source order. */
  async list(): Promise<Map<string, vscode.Uri>> {
    const found = await listSources(this.settings, this.configs, this.log);
    // Each file's folder is a few microseconds: at 10,000 files, the thread is given back between slices.
    const folders = new Set<string>();
    const out = new Map<string, vscode.Uri>();
    const slice = new HostSlices();
    for (const u of found) {
      const folder = vscode.workspace.getWorkspaceFolder(u);
      if (folder) folders.add(folder.uri.toString());
      out.set(u.toString(), u);
      if (slice.spent) await slice.pause();
    }
    this.foldersWithSources = folders;
    return out;
  }

  async read(uri: vscode.Uri): Promise<SourceRead> {
    const seq = ++this.seq;
    this.readSeq.set(uri.toString(), seq);
    const settings = this.settings.for(uri);
    const result = await readText(uri, settings.maxBytes, settings.host.encoding);
    return { seq, result };
  }

  /**
   * Gives back the place of a read that will not be applied (a rebuild stopped after reading ahead):
   * a read of the same file made before it, by the watcher say, then applies after all.
   */
  release(uri: vscode.Uri, read: SourceRead): void {
    const key = uri.toString();
    if (this.readSeq.get(key) === read.seq) this.readSeq.delete(key);
  }

  /**
   * A stored index's sources made ready to take (`adopt`): their uris parsed and their folders found,
   * a few microseconds each, in slices (at 10,000 sources, a third of the reload's longest hold).
   */
  async prepare(stored: StoredSources): Promise<PreparedSources> {
    const entries: [string, vscode.Uri, SourceStamp][] = [];
    const folders = new Set<string>();
    const slice = new HostSlices();
    for (const [key, stamp] of stored.stamps) {
      const uri = vscode.Uri.parse(key);
      entries.push([key, uri, stamp]);
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder) folders.add(folder.uri.toString());
      if (slice.spent) await slice.pause();
    }
    return { engine: stored.engine, entries, folders };
  }

  /** Takes a stored index in place of the engine's: its sources, with the stamps they were read with. */
  adopt(ready: PreparedSources): void {
    this.engine.adopt(ready.engine);
    this.uris.clear();
    this.stampOf.clear();
    for (const [key, uri, stamp] of ready.entries) {
      this.uris.set(key, uri);
      this.stampOf.set(key, stamp);
    }
    for (const f of ready.folders) this.foldersWithSources.add(f);
  }

  /** True when `uri` is indexed as read with the same stamp and label, and is still within the size cap. */
  async unchanged(uri: vscode.Uri): Promise<boolean> {
    const key = uri.toString();
    const stamp = this.stampOf.get(key);
    if (!stamp || !this.engine.index.has(key) || stamp.label !== this.labelOf(uri) || stamp.encoding !== this.settings.for(uri).host.encoding) return false;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      return !(stat.type & vscode.FileType.Directory) && stat.mtime === stamp.mtime && stat.size === stamp.size
        && stat.size <= this.settings.for(uri).maxBytes;
    } catch {
      return false; // reading it says why
    }
  }

  /** Keeps an unchanged source as stored, at the rank `order` gives it among the sources. */
  keep(uri: vscode.Uri, order: number): void {
    const key = uri.toString();
    const doc = this.engine.index.get(key);
    if (!doc) return;
    if (doc.order !== order) this.engine.index.set({ ...doc, order }); // a file before it came or went
    this.uris.set(key, uri);
  }

  private labelOf(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  /** The worker inputs for a batch's readable files; `first` is the first one's rank among the sources. */
  inputsOf(batch: vscode.Uri[], reads: (SourceRead | undefined)[], first: number): BatchInput[] {
    const inputs: BatchInput[] = [];
    reads.forEach((read, j) => {
      if (read?.result.ok) inputs.push({ uri: batch[j].toString(), label: this.labelOf(batch[j]), text: read.result.text, order: first + j });
    });
    return inputs;
  }

  /**
   * Puts one read into the index (or takes the file out); false when the file was skipped. `analysed`
   * is the worker's analysis of it (document `at` of a packed batch), used when it is of this text,
   * label and order.
   */
  apply(uri: vscode.Uri, { seq, result }: SourceRead, order?: number, analysed?: { batch: PackedBatch; at: number }): boolean {
    const key = uri.toString();
    if ((this.readSeq.get(key) ?? 0) > seq) return true; // a newer read of this file will apply
    const label = this.labelOf(uri);
    if (!result.ok) {
      if (result.missing) this.log.info(vscode.l10n.t('{0} {1}.', label, result.reason));
      else this.log.warn(vscode.l10n.t('{0} {1}.', label, result.reason));
      if (result.missing) this.skippedFiles.delete(key);
      else this.skippedFiles.set(key, result.reason);
      this.drop(key);
      return false;
    }
    this.skippedFiles.delete(key);
    if (result.note) this.log.warn(vscode.l10n.t('{0} {1}.', label, result.note));
    try {
      order ??= this.engine.index.get(key)?.order ?? this.nextOrder++;
      const input = analysed && analysed.batch.inputs[analysed.at];
      if (analysed && input && input.text === result.text && input.label === label && input.order === order) this.engine.index.setPackedDoc(analysed.batch, analysed.at);
      else this.engine.setSource({ uri: key, text: result.text, label, order });
      this.uris.set(key, uri);
      this.stampOf.set(key, { ...result.stamp, label, encoding: this.settings.for(uri).host.encoding });
      return true;
    } catch (err) {
      // The engine should never throw; if it does, one bad file must not stop the others.
      this.log.error(vscode.l10n.t('{0} could not be analysed: {1}', label, err instanceof Error ? err.stack ?? err.message : String(err)));
      this.skippedFiles.set(key, 'could not be analysed');
      this.drop(key);
      return false;
    }
  }

  drop(key: string): void {
    this.stampOf.delete(key);
    if (this.uris.delete(key)) this.engine.removeSource(key);
  }

  /** Drops every source under a folder that is gone. */
  dropUnder(folder: vscode.Uri): void {
    const prefix = folder.toString() + '/';
    for (const key of [...this.uris.keys()]) if (key.startsWith(prefix)) this.drop(key);
  }
}
