/** Diagnostics on the draft: the right quotes, related information to the right source quotes, severities from settings, live source changes. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, diagnosticOn, keepDraftOnDisk, openDraft, revertDraft, ruleOf, sourceUri, waitFor, waitForDiagnostics } from './helpers';

const SPECIFIC = 'The two sides have also made progress and reached agreement on some important issues,';
const XI_BALI = 'follow through the common understandings';
const THING = 'I heard the same thing from my Chinese counterparts.';
const VEHEMENTLY = 'profoundly – even vehemently – disagree';
const PROGRESS = 'Progress is hard. It takes time,';
const JOB = 'We will keep talking until the job is done,';

describe('Diagnostics', () => {
  before(api);
  keepDraftOnDisk();
  afterEach(revertDraft);

  it('opens the rules page at a rule’s section, rendered, from a rule code’s link', async () => {
    const line = await vscode.commands.executeCommand<number>('verbatim.showRule', 'unbalanced-quote');
    const rules = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('/docs/rules.md'));
    assert.ok(rules, 'docs/rules.md is open');
    assert.strictEqual(rules.lineAt(line).text, '## unbalanced-quote');
    const preview = await waitFor('the Markdown preview of the rules page', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)));
    assert.match(preview.label, /rules\.md/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('marks the quotes that differ, with rule codes linking to the rule docs', async () => {
    const { doc } = await openDraft();
    const ds = await waitForDiagnostics(doc.uri, 'the draft’s diagnostics', (d) => d.length >= 6);
    for (const d of ds) {
      assert.strictEqual(d.source, 'Verbatim');
      const code = d.code as { value: string; target: vscode.Uri };
      // A command link (hovers and the Problems view open those) to the rule's section of the rules page.
      assert.strictEqual(code.target.scheme, 'command', `code target ${code.target.toString()}`);
      assert.strictEqual(code.target.path, 'verbatim.showRule');
      assert.deepStrictEqual(JSON.parse(code.target.query), [code.value]);
    }
    const differs = diagnosticOn(doc, ds, SPECIFIC, 'quote-differs');
    assert.ok(differs, 'the “important issues” quote has quote-differs');
    assert.strictEqual(differs.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(differs.message, /differs from 5 sources/);
    assert.match(differs.message, /“important” → “specific”/);
    assert.strictEqual(doc.getText(differs.range), SPECIFIC, 'the range is exactly the words between the marks');
    assert.ok(diagnosticOn(doc, ds, XI_BALI, 'quote-differs'), 'Xi’s “follow through the common understandings” differs from 003');
    assert.ok(diagnosticOn(doc, ds, THING, 'quote-differs'), 'Blinken’s “same thing” differs from 002 and 003');
    assert.ok(diagnosticOn(doc, ds, PROGRESS, 'speaker-differs'), 'Blinken’s words given to Xi');
    assert.ok(diagnosticOn(doc, ds, JOB, 'unverified-quote'), 'a quote no source has');
    assert.ok(ds.some((d) => ruleOf(d) === 'unbalanced-quote' && doc.getText(d.range) === '“' && d.range.start.line === doc.lineCount - 2),
      'the last paragraph’s unclosed mark');
    assert.ok(!diagnosticOn(doc, ds, VEHEMENTLY), 'a punctuation-only difference is off by default');
  });

  it('points related information at each differing source quote', async () => {
    const { doc } = await openDraft();
    const ds = await waitForDiagnostics(doc.uri, 'quote-differs on the “important” quote', (d) => !!diagnosticOn(doc, d, SPECIFIC, 'quote-differs'));
    const related = diagnosticOn(doc, ds, SPECIFIC, 'quote-differs')!.relatedInformation ?? [];
    const files = related.map((r) => r.location.uri.path.split('/').pop()).sort();
    assert.deepStrictEqual(files, ['000_e82ae43b6dd607f6.txt', '001_d8c7d2a27543ca2a.txt', '002_e00a073127973d43.txt', '003_64437838ff70a774.txt', '004_9be2ed1abb9a5f30.txt']);
    for (const r of related) {
      const source = await vscode.workspace.openTextDocument(r.location.uri);
      const words = source.getText(r.location.range);
      assert.match(words, /reached agreement on some specific issues/, `${r.location.uri.path} ${JSON.stringify(words)}`);
      assert.match(r.message, /^variant \(Xi Jinping\)/);
    }
    const bali = diagnosticOn(doc, ds, XI_BALI, 'quote-differs')!;
    const to003 = bali.relatedInformation?.find((r) => r.location.uri.path.endsWith('003_64437838ff70a774.txt'));
    assert.ok(to003, 'Xi’s Bali quote relates to 003');
    const source003 = await vscode.workspace.openTextDocument(to003.location.uri);
    assert.match(source003.getText(to003.location.range), /follow through on the common understandings/);
  });

  it('follows a settings change to the severities', async () => {
    const { doc } = await openDraft();
    await waitForDiagnostics(doc.uri, 'a warning on the “important” quote', (d) => diagnosticOn(doc, d, SPECIFIC, 'quote-differs')?.severity === vscode.DiagnosticSeverity.Warning);
    const config = vscode.workspace.getConfiguration('verbatim');
    try {
      await config.update('relations.variant', 'info', vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(doc.uri, 'the “important” quote to become information', (d) => diagnosticOn(doc, d, SPECIFIC, 'quote-differs')?.severity === vscode.DiagnosticSeverity.Information);
      await config.update('rules.speakerDiffers', 'off', vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(doc.uri, 'speaker-differs to go away', (d) => !diagnosticOn(doc, d, PROGRESS, 'speaker-differs'));
    } finally {
      await config.update('relations.variant', undefined, vscode.ConfigurationTarget.Global);
      await config.update('rules.speakerDiffers', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(doc.uri, 'the defaults to come back', (d) =>
      diagnosticOn(doc, d, SPECIFIC, 'quote-differs')?.severity === vscode.DiagnosticSeverity.Warning && !!diagnosticOn(doc, d, PROGRESS, 'speaker-differs'));
  });

  it('checks the unsaved text as the editor types', async () => {
    const { doc, editor } = await openDraft();
    await waitForDiagnostics(doc.uri, 'quote-differs on “same thing”', (d) => !!diagnosticOn(doc, d, THING, 'quote-differs'));
    const thing = doc.getText().indexOf(' thing from my Chinese');
    await editor.edit((b) => b.delete(new vscode.Range(doc.positionAt(thing), doc.positionAt(thing + ' thing'.length))));
    // Now it reads like 002 and 003, the canonical wording, and only 004 differs: information, not a warning.
    await waitForDiagnostics(doc.uri, 'the edited quote to follow the canonical wording, 004 differing', (d) => {
      const diag = diagnosticOn(doc, d, 'I heard the same from my Chinese counterparts.', 'quote-differs');
      return !!diag && diag.severity === vscode.DiagnosticSeverity.Information
        && /^Sources disagree: sources\/004_9be2ed1abb9a5f30\.txt adds “thing”; this quote follows sources\/00[23]_\w+\.txt, the canonical wording\.$/.test(diag.message);
    });
  });

  it('with verbatim.run = onSave, leaves typing alone until the text is saved (or the settings change)', async () => {
    const verbatim = await api();
    const { doc, editor } = await openDraft();
    await waitForDiagnostics(doc.uri, 'quote-differs on “same thing”', (d) => !!diagnosticOn(doc, d, THING, 'quote-differs'));
    const config = vscode.workspace.getConfiguration('verbatim');
    try {
      await config.update('run', 'onSave', vscode.ConfigurationTarget.Global);
      await verbatim.whenIdle();
      const thing = doc.getText().indexOf(' thing from my Chinese');
      await editor.edit((b) => b.delete(new vscode.Range(doc.positionAt(thing), doc.positionAt(thing + ' thing'.length))));
      await verbatim.whenIdle();
      assert.notStrictEqual(verbatim.reportFor(doc.uri)?.quotes.length, undefined);
      assert.ok(verbatim.reportFor(doc.uri)?.quotes.some((q) => q.quote.text === THING), 'the published report is still the saved text’s');
    } finally {
      await config.update('run', undefined, vscode.ConfigurationTarget.Global);
    }
    // Back to onType: the settings change re-checks the unsaved text.
    await waitForDiagnostics(doc.uri, 'the edited text to be checked', (d) => !!diagnosticOn(doc, d, 'I heard the same from my Chinese counterparts.', 'quote-differs'));
  });

  it('updates when a source changes on disk', async function () {
    this.timeout(60_000);
    const { doc } = await openDraft();
    const verbatim = await api();
    const live = sourceUri('zz-live-edit.txt');
    const write = (text: string) => vscode.workspace.fs.writeFile(live, new TextEncoder().encode(text));
    await waitForDiagnostics(doc.uri, 'unverified-quote on the “job” quote', (d) => !!diagnosticOn(doc, d, JOB, 'unverified-quote'));
    try {
      await write('Transcript excerpt\n\n“We will keep talking until the work is done,” Mr Blinken told reporters.\n');
      let ds = await waitForDiagnostics(doc.uri, 'the new source to be found', (d) => !!diagnosticOn(doc, d, JOB, 'quote-differs'));
      const related = diagnosticOn(doc, ds, JOB, 'quote-differs')!.relatedInformation ?? [];
      assert.deepStrictEqual(related.map((r) => r.location.uri.toString()), [live.toString()]);
      assert.match(diagnosticOn(doc, ds, JOB, 'quote-differs')!.message, /“job” → “work”/);

      await write('Transcript excerpt\n\n“We will keep talking until the job is done,” Mr Blinken told reporters.\n');
      ds = await waitForDiagnostics(doc.uri, 'the edited source to agree with the draft', (d) => !diagnosticOn(doc, d, JOB));
      assert.ok(verbatim.sources().includes(live.toString()));
    } finally {
      await vscode.workspace.fs.delete(live, { useTrash: false }).then(undefined, () => undefined);
    }
    await waitForDiagnostics(doc.uri, 'the deleted source to be forgotten', (d) => !!diagnosticOn(doc, d, JOB, 'unverified-quote'));
    await waitFor('the index to drop the deleted source', () => !verbatim.sources().includes(live.toString()));
  });
});
