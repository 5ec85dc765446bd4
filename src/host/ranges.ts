/**
 * The one place where the engine's UTF-16 offsets become editor positions and back (DESIGN rule 2).
 * Open documents convert with `positionAt`; source texts that are not open (the indexed disk text the
 * offsets refer to) convert through `TextLines`, which splits lines the way `TextDocument` does.
 */
import * as vscode from 'vscode';
import { LineMap, type Span } from '../core/index';

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

/** Positions in a plain string, for texts that are not open documents (the engine's LineMap). */
export class TextLines implements Positioner {
  private readonly map: LineMap;

  constructor(text: string) {
    this.map = new LineMap(text);
  }

  positionAt(offset: number): vscode.Position {
    const p = this.map.position(offset);
    return new vscode.Position(p.line, p.column);
  }
}

const linesCache = new WeakMap<object, TextLines>();

/** `TextLines` for an indexed document, cached for as long as that version of it is indexed. */
export function linesOf(doc: { text: string }): TextLines {
  let lines = linesCache.get(doc);
  if (!lines) linesCache.set(doc, (lines = new TextLines(doc.text)));
  return lines;
}
