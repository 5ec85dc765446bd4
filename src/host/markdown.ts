/**
 * Untrusted text into Markdown, inert: escaped text (see escape.ts) in a `MarkdownString` that is not
 * trusted and supports neither HTML nor theme icons.
 */
import * as vscode from 'vscode';
import { safeLinkDestination } from './escape';

export { escapeIcons, escapeMarkdown } from './escape';

/** An empty MarkdownString that runs nothing: not trusted, no HTML, no `$(icon)` syntax. */
export function inertMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/** A link destination for a URI the extension built itself. */
export function linkTarget(uri: vscode.Uri): string {
  return safeLinkDestination(uri.toString());
}
