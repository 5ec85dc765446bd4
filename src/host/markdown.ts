/**
 * Untrusted text into Markdown, inert. Article and source text may hold anything — `[x](command:…)`,
 * `<img onerror=…>`, bare URLs — so every ASCII punctuation character is backslash-escaped (valid
 * CommonMark for all of them): no link, emphasis, HTML or autolink can form. Used with a
 * `MarkdownString` that is not trusted and supports neither HTML nor theme icons.
 */
import * as vscode from 'vscode';

/** `text` as Markdown that renders exactly as the characters, on one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&').replace(/\s+/g, ' ');
}

/** An empty MarkdownString that runs nothing: not trusted, no HTML, no `$(icon)` syntax. */
export function inertMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/** A link destination for a URI the extension built itself; characters Markdown treats specially are encoded. */
export function linkTarget(uri: vscode.Uri): string {
  return uri.toString().replace(/[()<>\s\\[\]]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** For labels that VS Code renders with `$(icon)` syntax (QuickPick items, tree labels, status bar). */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}
