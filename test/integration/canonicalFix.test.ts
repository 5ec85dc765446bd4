/** The preferred fix ends the warning: a quote that has the canonical wording is information at most. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, diagnosticOn, hoverText, keepDraftOnDisk, openDraft, rangeOfText, revertDraft, unescapeMarkdown, waitForDiagnostics } from './helpers';

const WITHOUT_ON = 'the two sides have agreed to follow through the common understandings President Biden and I had reached in Bali.';
const WITH_ON = 'the two sides have agreed to follow through on the common understandings President Biden and I had reached in Bali.';

describe('Canonical fix clears the warning', () => {
  before(api);
  keepDraftOnDisk();
  afterEach(revertDraft);

  it('applies the preferred fix to Mr Xi’s “follow through on” and the warning goes; the sources’ disagreement stays as information and in the hover', async () => {
    const { doc, editor } = await openDraft();
    assert.ok(await editor.edit((b) => b.replace(rangeOfText(doc, WITHOUT_ON), WITH_ON)));
    const ds = await waitForDiagnostics(doc.uri, 'a warning on “follow through on”', (d) =>
      diagnosticOn(doc, d, WITH_ON, 'quote-differs')?.severity === vscode.DiagnosticSeverity.Warning);
    assert.match(diagnosticOn(doc, ds, WITH_ON, 'quote-differs')!.message, /^Quote differs from/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, rangeOfText(doc, 'follow through on'), vscode.CodeActionKind.QuickFix.value, 100);
    const preferred = actions.find((a) => a.isPreferred);
    assert.strictEqual(preferred?.title, 'Use the canonical wording (the earliest source, sources/000_e82ae43b6dd607f6.txt, has it)', JSON.stringify(actions.map((a) => a.title)));
    assert.ok(preferred.edit && await vscode.workspace.applyEdit(preferred.edit));
    assert.ok(doc.getText().includes(`“${WITHOUT_ON}”`), 'the quote now has the canonical wording');

    const after = await waitForDiagnostics(doc.uri, 'the fixed quote to be information, not a warning', (d) =>
      diagnosticOn(doc, d, WITHOUT_ON, 'quote-differs')?.severity === vscode.DiagnosticSeverity.Information);
    const info = diagnosticOn(doc, after, WITHOUT_ON, 'quote-differs')!;
    assert.match(info.message, /^Sources disagree: sources\/003_64437838ff70a774\.txt adds “on”; .*this quote follows sources\/000_e82ae43b6dd607f6\.txt, the canonical wording\.$/);
    assert.ok(!after.some((d) => d.range.intersection(info.range) && d.severity <= vscode.DiagnosticSeverity.Warning), 'no warning or error is left on the quote');
    const again = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, rangeOfText(doc, 'follow through the'), vscode.CodeActionKind.QuickFix.value, 100);
    assert.ok(!again.some((a) => a.isPreferred), `no canonical fix is offered again: ${JSON.stringify(again.map((a) => a.title))}`);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, rangeOfText(doc, 'follow through the').start);
    const text = unescapeMarkdown(hovers.flatMap((h) => h.contents.map(hoverText)).join('\n'));
    assert.match(text, /003_64437838ff70a774\.txt/, 'the hover still lists 003’s version');
    assert.match(text, /through \*\*on\*\* the common/, 'with its extra word in bold');
  });
});
