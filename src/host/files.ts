/**
 * Reading workspace files for the engine through `vscode.workspace.fs` (works in remote and virtual
 * workspaces), under the core's read policy (as the CLI reads them): files over the size cap, binary
 * files and vanished files are refused with a reason the caller logs once; invalid UTF-8 is read with
 * replacement characters and a note.
 */
import * as vscode from 'vscode';
import { decodeText, overCapMessage, type Encoding } from '../core/index';
import { localize } from './l10n';
import { nextTurn } from './platform';

/** What tells that a file changed since it was read: its modification time and size, as `stat` gave them before the read. */
export interface FileStamp {
  mtime: number;
  size: number;
}

export type ReadResult =
  | { ok: true; text: string; note?: string; stamp: FileStamp }
  | { ok: false; reason: string; missing: boolean; folder?: true };

function notFound(err: unknown): boolean {
  return err instanceof vscode.FileSystemError && (err.code === 'FileNotFound' || err.code === 'EntryNotFound');
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Reads `uri` as text unless it is over `maxBytes`, binary, a folder, or gone. */
export async function readText(uri: vscode.Uri, maxBytes: number, encoding: Encoding = 'utf-8'): Promise<ReadResult> {
  let bytes: Uint8Array;
  let stamp: FileStamp;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { ok: false, reason: vscode.l10n.t('is a folder'), missing: false, folder: true };
    if (overCapMessage(stat.size, maxBytes)) return tooLarge(stat.size, maxBytes);
    // Taken before the read: a change during the read leaves a stamp that no longer matches, never the reverse.
    stamp = { mtime: stat.mtime, size: stat.size };
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (err) {
    const missing = notFound(err);
    return { ok: false, missing, reason: missing ? vscode.l10n.t('was deleted before it could be read') : vscode.l10n.t('cannot be read: {0}', describe(err)) };
  }
  if (overCapMessage(bytes.length, maxBytes)) return tooLarge(bytes.length, maxBytes);
  const d = decodeText(bytes, maxBytes, encoding);
  if (!d.ok) return { ok: false, reason: vscode.l10n.t('{0}; skipped', localize(d.reasonL10n)), missing: false };
  return d.noteL10n ? { ok: true, text: d.text, note: localize(d.noteL10n), stamp } : { ok: true, text: d.text, stamp };
}

function tooLarge(size: number, maxBytes: number): ReadResult {
  return { ok: false, missing: false, reason: vscode.l10n.t("{0}; raise maxFileSizeKB (the configuration file's or verbatim.maxFileSizeKB) to include it", localize(overCapMessage(size, maxBytes)!)) };
}

/** How long the host's own work (listing, indexing, storing) holds its thread before giving it back. */
export const SLICE_MS = 10;

/** Resolves on the next turn of the event loop, so other extension-host work can run in between. */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => nextTurn(resolve));
}

/** The host's thread held in slices of SLICE_MS: a loop asks `spent` as it goes and then `pause`s. */
export class HostSlices {
  private start = Date.now();

  /** True once the current slice has run for SLICE_MS. */
  get spent(): boolean {
    return Date.now() - this.start > SLICE_MS;
  }

  /** Gives the thread back for a turn, then starts a new slice. */
  async pause(): Promise<void> {
    await yieldToHost();
    this.start = Date.now();
  }
}
