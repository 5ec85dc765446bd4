/**
 * The one place where the engine's UTF-16 offsets become editor positions and back (DESIGN rule 2).
 * Open documents convert with `positionAt`; source texts that are not open (the indexed disk text the
 * offsets refer to) convert through `TextLines`, which splits lines the way `TextDocument` does.
 */
import * as vscode from 'vscode';
import type { Span } from '../core/index';

/** Anything that maps an offset to a position: a `TextDocument` or a `TextLines`. */
export interface Positioner {
  positionAt(offset: number): vscode.Position;
}

/** The range of `span` in `doc`. */
export function rangeOf(doc: Positioner, span: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

/** The offset of `position` in an open document. */
export function offsetOf(doc: vscode.TextDocument, position: vscode.Position): number {
  return doc.offsetAt(position);
}

/** Line starts of a plain string, for texts that are not open documents; `\r\n`, `\n` and `\r` end lines. */
export class TextLines implements Positioner {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) this.starts.push(i + 1);
    }
  }

  positionAt(offset: number): vscode.Position {
    const o = Math.max(0, Math.min(Math.floor(offset), this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return new vscode.Position(lo, o - this.starts[lo]);
  }
}

const linesCache = new WeakMap<object, TextLines>();

/** `TextLines` for an indexed document, cached for as long as that version of it is indexed. */
export function linesOf(doc: { text: string }): TextLines {
  let lines = linesCache.get(doc);
  if (!lines) linesCache.set(doc, (lines = new TextLines(doc.text)));
  return lines;
}
