/**
 * Where a diagnostic's rule code leads. The code's target is a command link (the hover and the Problems
 * view open them with commands allowed): it opens the bundled docs/rules.md at that rule's section and
 * renders it in the Markdown preview, which follows the editor's line. A plain file link would open
 * the Markdown source at its top, whatever the fragment.
 */
import * as vscode from 'vscode';

export const SHOW_RULE = 'verbatim.showRule';

/** The command link a diagnostic of `rule` carries as its code target. */
export function ruleLink(rule: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE}?${encodeURIComponent(JSON.stringify([rule]))}`);
}

/** The line of the `## rule` heading in the rules page, or 0. */
export function headingLine(markdown: string, rule: string): number {
  const lines = markdown.split(/\r?\n/);
  const at = lines.findIndex((l) => /^#{1,6}\s/.test(l) && l.replace(/^#+\s*/, '').replace(/`/g, '').trim() === rule);
  return Math.max(0, at);
}

/** Opens the rules page at `rule`'s section, rendered when the Markdown preview is there; returns the line. */
export async function showRule(rulesDoc: vscode.Uri, rule: unknown): Promise<number> {
  const doc = await vscode.workspace.openTextDocument(rulesDoc);
  const line = typeof rule === 'string' ? headingLine(doc.getText(), rule) : 0;
  const at = new vscode.Range(line, 0, line, 0);
  const editor = await vscode.window.showTextDocument(doc, { selection: at, preview: true });
  editor.revealRange(at, vscode.TextEditorRevealType.AtTop);
  try {
    await vscode.commands.executeCommand('markdown.showPreview');
  } catch {
    // No Markdown preview in this editor: the page's source, at the rule's section, stays open.
  }
  return line;
}
