/**
 * Escaping untrusted text for the editor's surfaces, kept free of `vscode` so plain-Node unit tests
 * can feed it hostile strings. Article and source text may hold anything — `[x](command:…)`,
 * `<img onerror=…>`, bare URLs, `$(icon)` syntax.
 */

/**
 * `text` as Markdown that renders exactly as its characters, on one line: every ASCII punctuation
 * character is backslash-escaped (valid CommonMark for all of them), so no link, emphasis, HTML, code
 * span or autolink can form.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&').replace(/\s+/g, ' ');
}

/** For labels VS Code renders with `$(icon)` syntax (QuickPick items, tree items, status bar). */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

/** A URI string made safe as a Markdown link destination: characters Markdown treats specially are percent-encoded. */
export function safeLinkDestination(uri: string): string {
  return uri.replace(/[()<>\s\\[\]`*_]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
