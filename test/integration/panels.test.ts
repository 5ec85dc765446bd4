/** The Cross-references view, the quote search, the status bar and the workspace commands. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CrossRefSnapshot } from '../../src/extension';
import { acceptAndExpectOpened, api, fixture, openDraft, waitFor } from './helpers';

describe('Cross-references view', () => {
  before(api);

  it('lists the active article’s quotes with their source quotes, relation and score', async () => {
    const verbatim = await api();
    const { doc } = await openDraft();
    const items = await waitFor('the view to show the draft', () => {
      const roots = verbatim.crossReferences();
      return roots.some((r) => r.label.includes('have also made progress')) && verbatim.reportFor(doc.uri) ? roots : undefined;
    });
    const important = items.find((r) => r.label.includes('have also made progress'))!;
    assert.strictEqual(important.icon, 'warning', 'worst relation: variant');
    const progress = items.find((r) => r.label.includes('Progress is hard'));
    assert.strictEqual(progress?.icon, 'warning', 'an excerpt given to another speaker is still a warning');
    assert.match(important.description, /^Xi Jinping · 5 versions/);
    assert.strictEqual(important.children.length, 5);
    for (const child of important.children) {
      assert.match(child.label, /^00\d_[0-9a-f]+\.txt$/);
      assert.match(child.description, /^variant · 0\.\d\d · .*“important” → “specific”/);
    }
    const vehement = items.find((r) => r.label.includes('vehemently'));
    assert.ok(vehement, 'the punctuation-only quote is listed');
    assert.strictEqual(vehement.icon, 'info', 'worst relation: punctuation');
    assert.deepStrictEqual(vehement.children.map((c) => c.description.split(' · ')[0]).sort(), ['identical', 'identical', 'punctuation']);
    const unbalanced = items.find((r: CrossRefSnapshot) => r.label.includes('candid and constructive'));
    assert.ok(unbalanced && unbalanced.children.length === 0, 'a quote with a finding but no versions is listed without children');
  });

  it('reveals a source quote when its item is selected', async () => {
    const verbatim = await api();
    await openDraft();
    const roots = await waitFor('the view', () => verbatim.crossReferences().find((r) => r.label.includes('have also made progress')));
    const child = roots.children.find((c) => c.label === '002_e00a073127973d43.txt');
    assert.ok(child?.command, 'a source item has a command');
    await vscode.commands.executeCommand(child.command.command, ...(child.command.arguments ?? []));
    const editor = await waitFor('the source to be shown', () =>
      vscode.window.activeTextEditor?.document.uri.path.endsWith('002_e00a073127973d43.txt') && vscode.window.activeTextEditor);
    assert.match(editor.document.getText(editor.selection), /^The two sides have also made progress and reached agreement on some specific issues/);
  });

  it('opens from its command and the status bar counts the quotes', async () => {
    const verbatim = await api();
    const { doc } = await openDraft();
    await vscode.commands.executeCommand('verbatim.showCrossReferences');
    const report = await waitFor('the report', () => verbatim.reportFor(doc.uri));
    const quotes = report.quotes.filter((q) => q.quote.kind !== 'term').length;
    const differ = report.quotes.filter((q) => q.findings.some((f) => f.rule === 'quote-differs' || f.rule === 'speaker-differs')).length;
    await waitFor('the status bar', () => verbatim.statusText() === `$(quote) ${quotes} quotes, ${differ} differ`);
    assert.ok(differ >= 4 && quotes >= 7, verbatim.statusText());
  });
});

describe('Search Quotes', () => {
  before(api);

  it('finds “vehemently” in the sources and the open draft', async () => {
    const verbatim = await api();
    await openDraft();
    const found = verbatim.searchQuotes('vehemently');
    const files = new Set(found.map((e) => e.label));
    for (const f of ['sources/002_e00a073127973d43.txt', 'sources/003_64437838ff70a774.txt', 'sources/004_9be2ed1abb9a5f30.txt', 'drafts/draft.article']) {
      assert.ok(files.has(f), `${f} among ${JSON.stringify([...files])}`);
    }
    assert.ok(found.every((e) => /vehement/i.test(e.text) || /vehement/i.test(e.speaker ?? '')), JSON.stringify(found.map((e) => e.text)));
    const byBlinken = verbatim.searchQuotes('Blinken').slice(0, 5);
    assert.ok(byBlinken.length === 5 && byBlinken.every((e) => /Blinken/.test(e.speaker ?? '')), JSON.stringify(byBlinken.map((e) => [e.speaker, e.text])));
  });

  it('names a source quote’s speaker in full where its article used the surname only', async () => {
    const verbatim = await api();
    // briefing-notes.txt says “Mr Blinken told reporters”; the seeds name Antony Blinken.
    const [notes] = verbatim.searchQuotes('any form of communication').filter((e) => e.label.endsWith('briefing-notes.txt'));
    assert.ok(notes, 'the briefing notes’ quote is found');
    assert.strictEqual(notes.speaker, 'Antony Blinken');
    assert.ok(verbatim.searchQuotes('Antony').some((e) => e.label.endsWith('briefing-notes.txt')), 'a word of the full name finds it');
  });

  it('drives the QuickPick: typing shows matches, accepting opens the quote', async () => {
    const verbatim = await api();
    await openDraft();
    const chosen = vscode.commands.executeCommand<{ uri: string; text: string } | undefined>('verbatim.searchQuotes', 'vehemently');
    const state = await waitFor('the QuickPick to show results', () => {
      const s = verbatim.searchState();
      return s && !s.busy && s.value === 'vehemently' && s.items.length > 0 ? s : undefined;
    });
    assert.match(state.items[0].text, /vehemently/);
    await acceptAndExpectOpened(chosen);
    assert.strictEqual(verbatim.searchState(), undefined, 'the QuickPick is gone');
  });
});

describe('Workspace commands', () => {
  before(api);

  it('Rebuild Source Index re-reads every source', async () => {
    const summary = await vscode.commands.executeCommand<{ sources: number; quotes: number; cancelled: boolean }>('verbatim.rebuildIndex');
    assert.strictEqual(summary.sources, 6);
    assert.ok(summary.quotes > 40, `${summary.quotes} quotes`);
    assert.strictEqual(summary.cancelled, false);
  });

  it('Check Workspace checks every article, open or not', async () => {
    const summary = await vscode.commands.executeCommand<{ articles: number; quotes: number; differing: number }>('verbatim.checkWorkspace');
    assert.ok(summary.articles >= 7, JSON.stringify(summary));
    assert.ok(summary.differing >= 5, JSON.stringify(summary));
    const closedSource = fixture('sources', '004_9be2ed1abb9a5f30.txt');
    const ds = vscode.languages.getDiagnostics(closedSource).filter((d) => d.source === 'Verbatim');
    assert.ok(ds.length > 0, 'a source that is not open got diagnostics from the others');
  });
});
