/** Quick fixes: canonical wording (exactly the quote, one undo), per-source wording, fix-all, ignore. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, diagnosticOn, fixture, keepDraftOnDisk, openDraft, rangeOfText, revertDraft, waitFor, waitForDiagnostics } from './helpers';

const IMPORTANT = 'The two sides have also made progress and reached agreement on some important issues,';
const SPECIFIC = 'The two sides have also made progress and reached agreement on some specific issues,';
const PROGRESS = 'Progress is hard. It takes time,';
const KEEP = 'This is something we are going to keep on working on,';
const KEPT = 'This is something we’re going to keep working on,';

function actionsAt(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind.value, 100);
}

describe('Code actions', () => {
  before(api);
  keepDraftOnDisk();
  afterEach(revertDraft);

  it('offers the canonical wording (preferred, with its reason) and each source’s wording', async () => {
    const { doc } = await openDraft();
    await waitForDiagnostics(doc.uri, 'quote-differs on the “important” quote', (d) => !!diagnosticOn(doc, d, IMPORTANT, 'quote-differs'));
    const actions = await actionsAt(doc.uri, rangeOfText(doc, 'some important'), vscode.CodeActionKind.QuickFix);
    const titles = actions.map((a) => a.title);
    const canonical = actions.find((a) => a.title.startsWith('Use the canonical wording'));
    assert.ok(canonical, `canonical fix among ${JSON.stringify(titles)}`);
    assert.strictEqual(canonical.title, 'Use the canonical wording (3 of 5 sources agree on it)');
    assert.ok(canonical.isPreferred);
    assert.ok(titles.includes('Use the wording of sources/000_e82ae43b6dd607f6.txt'), JSON.stringify(titles));
    assert.ok(titles.includes('Ignore this quote'));
    assert.ok(actions.every((a) => a.kind?.value === 'quickfix'), 'context.only is honoured');
  });

  it('applies the canonical wording to exactly the quote, clears its diagnostic, and one undo reverts it', async () => {
    const { doc } = await openDraft();
    const original = doc.getText();
    await waitForDiagnostics(doc.uri, 'quote-differs on the “keep on working on” quote', (d) => !!diagnosticOn(doc, d, KEEP, 'quote-differs'));
    const actions = await actionsAt(doc.uri, rangeOfText(doc, 'keep on working'), vscode.CodeActionKind.QuickFix);
    const canonical = actions.find((a) => a.isPreferred);
    assert.strictEqual(canonical?.title, 'Use the canonical wording (all 2 sources agree on it)');
    assert.ok(canonical.edit, 'the preferred fix resolves to an edit');
    assert.ok(await vscode.workspace.applyEdit(canonical.edit));
    assert.strictEqual(doc.getText(), original.replace(`“${KEEP}”`, `“${KEPT}”`), 'only the words between the marks changed; the marks stay');
    await waitForDiagnostics(doc.uri, 'the fixed quote’s diagnostic to clear', (d) => d.length > 0 && !diagnosticOn(doc, d, KEPT));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), original, 'one undo restores the draft');
    await waitForDiagnostics(doc.uri, 'the diagnostic to come back', (d) => !!diagnosticOn(doc, d, KEEP, 'quote-differs'));
  });

  it('offers a fix-all source action that only context.only = source.fixAll gets', async () => {
    const { doc } = await openDraft();
    const original = doc.getText();
    await waitForDiagnostics(doc.uri, 'the draft’s diagnostics', (d) => !!diagnosticOn(doc, d, IMPORTANT, 'quote-differs'));
    const whole = new vscode.Range(new vscode.Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end);
    const fixAll = await actionsAt(doc.uri, whole, vscode.CodeActionKind.SourceFixAll);
    assert.strictEqual(fixAll.length, 1, JSON.stringify(fixAll.map((a) => a.title)));
    assert.strictEqual(fixAll[0].kind?.value, 'source.fixAll.verbatim');
    assert.ok(fixAll[0].edit);
    assert.ok(await vscode.workspace.applyEdit(fixAll[0].edit));
    const fixed = doc.getText();
    assert.ok(fixed.includes(`“${SPECIFIC}”`));
    assert.ok(fixed.includes('“I heard the same from my Chinese counterparts.”'));
    assert.strictEqual(fixed.split('\n').length, original.split('\n').length);
    const quickFixes = await actionsAt(doc.uri, whole, vscode.CodeActionKind.QuickFix);
    assert.ok(quickFixes.every((a) => a.kind?.value !== 'source.fixAll.verbatim'));
  });

  it('ignores a quote through .verbatim/ignore.json, not the article', async () => {
    const { doc } = await openDraft();
    const original = doc.getText();
    const ignoreDir = fixture('.verbatim');
    await waitForDiagnostics(doc.uri, 'speaker-differs', (d) => !!diagnosticOn(doc, d, PROGRESS, 'speaker-differs'));
    const actions = await actionsAt(doc.uri, rangeOfText(doc, 'Progress is hard'), vscode.CodeActionKind.QuickFix);
    const ignore = actions.find((a) => a.title === 'Ignore this quote');
    assert.ok(ignore?.command, JSON.stringify(actions.map((a) => a.title)));
    try {
      await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
      await waitForDiagnostics(doc.uri, 'the ignored quote’s diagnostic to clear', (d) => d.length > 0 && !diagnosticOn(doc, d, PROGRESS));
      const stored = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ignoreDir, 'ignore.json'))));
      assert.deepStrictEqual(stored.quotes, [{ file: 'drafts/draft.article', text: PROGRESS }]);
      assert.strictEqual(doc.getText(), original);
      assert.ok(!doc.isDirty);
    } finally {
      await vscode.workspace.fs.delete(ignoreDir, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
    await waitForDiagnostics(doc.uri, 'the quote to be checked again', (d) => !!diagnosticOn(doc, d, PROGRESS, 'speaker-differs'));
  });

  it('offers nothing where there is no quote', async () => {
    const { doc } = await openDraft();
    await waitFor('the draft to be checked', async () => (await api()).reportFor(doc.uri));
    const actions = await actionsAt(doc.uri, rangeOfText(doc, 'Xi and Blinken agree'), vscode.CodeActionKind.QuickFix);
    assert.deepStrictEqual(actions.map((a) => a.title), []);
  });
});
