/**
 * Reading workspace files for the engine through `vscode.workspace.fs` (works in remote and virtual
 * workspaces). Files over the size cap, binary files and vanished files are refused with a reason the
 * caller logs once; invalid UTF-8 is read with replacement characters and a note.
 */
import * as vscode from 'vscode';
import { nextTurn } from './platform';

/** What tells that a file changed since it was read: its modification time and size, as `stat` gave them before the read. */
export interface FileStamp {
  mtime: number;
  size: number;
}

export type ReadResult =
  | { ok: true; text: string; note?: string; stamp: FileStamp }
  | { ok: false; reason: string; missing: boolean };

const SNIFF_BYTES = 8192;

/** True when the first bytes contain a NUL, which text in any 8-bit encoding or UTF-8 never does. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function notFound(err: unknown): boolean {
  return err instanceof vscode.FileSystemError && (err.code === 'FileNotFound' || err.code === 'EntryNotFound');
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Reads `uri` as text unless it is over `maxBytes`, binary, a folder, or gone. */
export async function readText(uri: vscode.Uri, maxBytes: number): Promise<ReadResult> {
  let bytes: Uint8Array;
  let stamp: FileStamp;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { ok: false, reason: 'is a folder', missing: false };
    if (stat.size > maxBytes) return tooLarge(stat.size, maxBytes);
    // Taken before the read: a change during the read leaves a stamp that no longer matches, never the reverse.
    stamp = { mtime: stat.mtime, size: stat.size };
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (err) {
    const missing = notFound(err);
    return { ok: false, missing, reason: missing ? 'was deleted before it could be read' : `cannot be read: ${describe(err)}` };
  }
  if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
  if (looksBinary(bytes)) return { ok: false, reason: 'looks binary (it contains NUL bytes); skipped', missing: false };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), stamp };
  } catch {
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes), note: 'is not valid UTF-8; invalid bytes were read as U+FFFD', stamp };
  }
}

function tooLarge(size: number, maxBytes: number): ReadResult {
  const kb = (n: number) => Math.ceil(n / 1024);
  return {
    ok: false, missing: false,
    reason: `is ${kb(size)} KB, over the ${kb(maxBytes)} KB cap; raise verbatim.maxFileSizeKB to include it`,
  };
}

/** Resolves on the next turn of the event loop, so other extension-host work can run in between. */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => nextTurn(resolve));
}
