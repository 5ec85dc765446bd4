/**
 * Untrusted text on every surface: a source whose file name and quote carry `$(icon)` syntax, a command
 * link and a script tag, quoted by a draft that does the same. Each surface must show the text as text:
 * where VS Code renders `$(icon)` (QuickPick, status bar) it is escaped, where it renders Markdown
 * (hovers) it is escaped in an untrusted MarkdownString, and where it renders plain text (tree items,
 * diagnostics, code action titles, the log) it goes in as written — and nothing becomes a command.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Checker } from '../../src/host/checker';
import { CrossReferences, REVEAL_COMMAND, type RevealTarget } from '../../src/host/crossRefs';
import { excerpt } from '../../src/host/diagnostics';
import { acceptAndExpectOpened, api, diagnosticOn, fixture, hoverText, rangeOfText, ruleOf, sourceUri, verbatimLog, waitFor, waitForDiagnostics } from './helpers';

const LINK = '[x](command:workbench.action.quit)';
const TAG = '<script>1</script>';
/** The source's file name: every special at once (Linux allows all of them). */
const SOURCE_NAME = `zz-$(zap) ${LINK} <script>.txt`;
const SOURCE_LABEL = `sources/${SOURCE_NAME}`;
const DRAFT_NAME = 'zz-hostile.article';
/** The draft's quote; the source says “never” where it says “not” and `$(flame)` where it has `$(zap)`. */
const QUOTED = `We said $(zap) ${TAG} ${LINK} and we will not allow any of it in the final agreement,`;
const SOURCE_QUOTE = `We said $(flame) ${TAG} ${LINK} and we will never allow any of it in the final agreement,`;
const SOURCE_TEXT = `Transcript of the summit\n\n“${SOURCE_QUOTE}” Ms Warren said.\n`;
const DRAFT_TEXT = `Hostile draft\n\n“${QUOTED}” Ms Warren said.\n`;
/** Words only the two quotes hold (never in a file name): they must not reach the log. */
const ARTICLE_WORDS = ['final agreement', '$(flame)', TAG, 'We said'];

const enc = (s: string) => new TextEncoder().encode(s);
const draftUri = () => fixture('drafts', DRAFT_NAME);

/** `$(` that VS Code would render as an icon: not preceded by a backslash. */
const LIVE_ICON = /(?<!\\)\$\(/;
/** What a reader sees of a label VS Code renders with `$(icon)` syntax: `\$(` shows as `$(`. */
const shownWithIcons = (s: string | undefined) => (s ?? '').replace(/\\\$\(/g, '$(');

/** Markdown characters that are not backslash-escaped. */
function unescapedSpecials(md: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < md.length; i++) {
    if (md[i] === '\\') i++;
    else if (/[<>[\]()$`*_]/.test(md[i])) found.push(md[i]);
  }
  return found;
}

async function openHostileDraft(): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(draftUri());
  await vscode.window.showTextDocument(doc, { preview: false });
  await waitForDiagnostics(doc.uri, 'quote-differs on the hostile quote', (d) => !!diagnosticOn(doc, d, QUOTED, 'quote-differs'));
  return doc;
}

describe('Untrusted text on every surface', () => {
  before(async function () {
    this.timeout(60_000);
    const verbatim = await api();
    await vscode.workspace.fs.writeFile(sourceUri(SOURCE_NAME), enc(SOURCE_TEXT));
    await vscode.workspace.fs.writeFile(draftUri(), enc(DRAFT_TEXT));
    await waitFor('the hostile source to be indexed', () => verbatim.sources().includes(sourceUri(SOURCE_NAME).toString()));
    await verbatim.whenIdle();
  });

  after(async function () {
    this.timeout(60_000);
    for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
      const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
      if (uri && (uri.toString() === draftUri().toString() || uri.path.endsWith(SOURCE_NAME))) await vscode.window.tabGroups.close(tab);
    }
    await vscode.workspace.fs.delete(draftUri(), { useTrash: false }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(sourceUri(SOURCE_NAME), { useTrash: false }).then(undefined, () => undefined);
    const verbatim = await api();
    await waitFor('the hostile source to leave the index', () => !verbatim.sources().includes(sourceUri(SOURCE_NAME).toString()));
  });

  it('keeps the Cross-references items plain text: label, description and tooltip as written, only reveal commands', async () => {
    const verbatim = await api();
    const doc = await openHostileDraft();
    const label = `“${excerpt(QUOTED, 70)}”`;
    assert.ok(label.includes('$(zap)') && label.includes(TAG) && label.includes(LINK), `the label holds all three: ${label}`);
    const roots = await waitFor('the view to show the hostile quote', () => {
      const items = verbatim.crossReferences();
      return items.some((r) => r.label === label && r.children.length > 0) ? items : undefined;
    });
    const quote = roots.find((r) => r.label === label)!;
    // Tree items render plain strings as text ($(icon) is not rendered there): escaping would show backslashes.
    assert.ok(!quote.label.includes('\\'), `no backslash in ${quote.label}`);
    const child = quote.children.find((c) => c.label === SOURCE_NAME);
    assert.ok(child, `the hostile source’s file name is the child’s label, as written: ${JSON.stringify(quote.children.map((c) => c.label))}`);
    assert.match(child.description, /^variant · 0\.\d\d · .*“not” → “never”/);
    for (const item of [quote, ...quote.children]) {
      assert.strictEqual(item.command?.command, REVEAL_COMMAND, `${item.label} only reveals`);
      const target = item.command.arguments?.[0] as RevealTarget;
      assert.strictEqual(vscode.Uri.parse(target.uri).scheme, doc.uri.scheme, `reveals a workspace file: ${target.uri}`);
    }
    // The reveal of the hostile source goes to its quote, and nothing else runs.
    await vscode.commands.executeCommand(child.command!.command, ...(child.command!.arguments ?? []));
    const editor = await waitFor('the hostile source to be revealed', () =>
      vscode.window.activeTextEditor?.document.uri.path.endsWith(SOURCE_NAME) && vscode.window.activeTextEditor);
    const revealed = editor.document.getText(editor.selection);
    assert.ok(revealed.includes('final agreement') && SOURCE_QUOTE.startsWith(revealed), `the source’s quote is selected: ${revealed}`);

    // Tooltips: the API's snapshot has none, so the view's own provider is asked for the same report.
    await openHostileDraft();
    const report = await waitFor('the report', () => verbatim.reportFor(doc.uri));
    const checker = {
      onDidCheck: () => new vscode.Disposable(() => undefined),
      onDidForget: () => new vscode.Disposable(() => undefined),
      isCheckable: (d: vscode.TextDocument) => d.uri.toString() === doc.uri.toString(),
      published: (uri: vscode.Uri) => uri.toString() === doc.uri.toString() ? { uri, version: doc.version, report, ignored: new Set<number>() } : undefined,
    } as unknown as Checker;
    const view = new CrossReferences(checker);
    try {
      const nodes = view.getChildren().flatMap((n) => [n, ...view.getChildren(n)]);
      const items = nodes.map((n) => view.getTreeItem(n));
      const snapshot = verbatim.crossReferences().flatMap((r) => [r, ...r.children]);
      assert.deepStrictEqual(items.map((i) => [i.label, i.description]), snapshot.map((s) => [s.label, s.description]), 'the same items as the view shows');
      for (const item of items) {
        const tooltip = item.tooltip;
        if (tooltip instanceof vscode.MarkdownString) {
          assert.ok(!tooltip.isTrusted && !tooltip.supportHtml && !tooltip.supportThemeIcons, `an inert MarkdownString tooltip for ${String(item.label)}`);
          assert.deepStrictEqual(unescapedSpecials(tooltip.value).filter((c) => c !== '(' && c !== ')'), [], tooltip.value);
          assert.ok(!/\]\(command:/i.test(tooltip.value), tooltip.value);
        } else {
          assert.strictEqual(typeof tooltip, 'string', `${String(item.label)} has a tooltip`);
        }
      }
      const [quoteTip, ...childTips] = items.map((i) => (i.tooltip instanceof vscode.MarkdownString ? i.tooltip.value : String(i.tooltip)));
      if (typeof items[0].tooltip === 'string') {
        assert.ok(quoteTip.startsWith(QUOTED), `the quote’s tooltip shows its words as written: ${quoteTip}`);
        assert.ok(quoteTip.includes(SOURCE_LABEL), 'and the finding, naming the source as written');
        assert.ok(childTips.some((t) => t.includes(SOURCE_QUOTE)), 'the source item’s tooltip shows the source’s words');
      }
    } finally {
      view.dispose();
    }
  });

  it('escapes $(icon) syntax in the Search Quotes items, and choosing one only opens it', async () => {
    const verbatim = await api();
    await openHostileDraft();
    const found = verbatim.searchQuotes('final agreement');
    assert.ok(found.some((e) => e.label === SOURCE_LABEL && e.text === SOURCE_QUOTE), JSON.stringify(found.map((e) => e.label)));
    assert.ok(found.some((e) => e.label === `drafts/${DRAFT_NAME}` && e.text === QUOTED), 'the open draft’s quote too');
    const chosen = vscode.commands.executeCommand<{ uri: string; text: string } | undefined>('verbatim.searchQuotes', 'final agreement');
    const state = await waitFor('the QuickPick to show the hostile quotes', () => {
      const s = verbatim.searchState();
      return s && !s.busy && s.value === 'final agreement' && s.shown.some((i) => shownWithIcons(i.detail) === SOURCE_LABEL) ? s : undefined;
    });
    assert.strictEqual(state.shown.length, state.items.length);
    state.shown.forEach((item, i) => {
      const entry = state.items[i];
      for (const [what, value] of [['label', item.label], ['description', item.description], ['detail', item.detail]] as const) {
        assert.ok(!LIVE_ICON.test(value ?? ''), `${what} renders no icon: ${value}`);
      }
      assert.strictEqual(shownWithIcons(item.label), `“${excerpt(entry.text, 110)}”`, 'the label reads as the quote');
      assert.strictEqual(shownWithIcons(item.detail), entry.label, 'the detail reads as the file');
    });
    const source = state.shown.find((i) => shownWithIcons(i.detail) === SOURCE_LABEL)!;
    assert.ok(source.label.includes('\\$(flame)') && source.detail!.includes('\\$(zap)'), `${source.label} / ${source.detail}`);
    assert.ok(source.label.includes(LINK) && source.label.includes(TAG), 'links and tags are plain text in a QuickPick label');
    // Choosing a quote opens it at the quote; the link in it runs nothing.
    const entry = await acceptAndExpectOpened(chosen);
    assert.ok(entry.text === SOURCE_QUOTE || entry.text === QUOTED, entry.text);
  });

  it('puts plain text in diagnostics and their related information', async () => {
    const doc = await openHostileDraft();
    const ds = await waitForDiagnostics(doc.uri, 'the hostile quote’s diagnostic', (d) => !!diagnosticOn(doc, d, QUOTED, 'quote-differs'));
    const d = diagnosticOn(doc, ds, QUOTED, 'quote-differs')!;
    // Diagnostic messages are plain text in VS Code (the Problems view and hovers render them as text).
    assert.strictEqual(typeof d.message, 'string');
    assert.ok(d.message.includes(SOURCE_LABEL), `the source is named as written: ${d.message}`);
    assert.ok(!d.message.includes('\\'), `nothing escaped into view: ${d.message}`);
    assert.strictEqual(doc.getText(d.range), QUOTED, 'the range is the quote');
    const code = d.code as { value: string; target: vscode.Uri };
    assert.ok(code.target.scheme === 'command' && code.target.path === 'verbatim.showRule' && code.target.query === JSON.stringify([ruleOf(d)]),
      `the code links the rule docs only: ${code.target.toString()}`);
    const related = d.relatedInformation ?? [];
    assert.strictEqual(related.length, 1, JSON.stringify(related.map((r) => r.message)));
    assert.ok(related[0].location.uri.path.endsWith(`/sources/${SOURCE_NAME}`), related[0].location.uri.toString());
    const source = await vscode.workspace.openTextDocument(related[0].location.uri);
    const words = source.getText(related[0].location.range);
    assert.ok(words.includes('final agreement') && SOURCE_QUOTE.startsWith(words), `the related location is the source’s quote: ${words}`);
    assert.strictEqual(related[0].message, `variant (Warren): “${excerpt(words)}”`, 'the source’s words as written');
    assert.ok(related[0].message.includes('$(flame)') && related[0].message.includes(TAG) && related[0].message.includes(LINK));
  });

  it('titles code actions in plain text; fixes are edits of the quote, Ignore the only command', async () => {
    const doc = await openHostileDraft();
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, rangeOfText(doc, 'will not allow'), vscode.CodeActionKind.QuickFix.value, 100);
    const titles = actions.map((a) => a.title);
    const canonical = actions.find((a) => a.isPreferred);
    assert.ok(canonical?.title.startsWith('Use the canonical wording') && canonical.title.includes(SOURCE_LABEL), `the source named as written: ${JSON.stringify(titles)}`);
    for (const a of actions) {
      assert.ok(!a.title.includes('\\'), `nothing escaped into view: ${a.title}`);
      if (a.title === 'Ignore this quote') {
        assert.strictEqual(a.command?.command, 'verbatim.ignoreQuote');
        assert.deepStrictEqual(a.command.arguments, [doc.uri.toString(), QUOTED], 'the quote travels as data');
      } else {
        assert.strictEqual(a.command, undefined, `${a.title} is an edit, not a command`);
        assert.ok(a.edit, `${a.title} resolves to an edit`);
        const edits = a.edit.entries();
        assert.deepStrictEqual(edits.map(([uri]) => uri.toString()), [doc.uri.toString()], 'it edits the draft only');
        assert.ok(edits[0][1].every((e) => doc.getText(e.range) === QUOTED), 'and only the quote’s words');
      }
    }
    const replacement = canonical!.edit!.entries()[0][1][0].newText;
    assert.ok(replacement.includes(`$(flame) ${TAG} ${LINK}`), `the source’s words go in as text: ${replacement}`);
  });

  it('keeps the status bar to its own icon and counts', async () => {
    const verbatim = await api();
    await openHostileDraft();
    const text = await waitFor('the status bar for the hostile draft', () => verbatim.statusText() === '$(quote) 1 quote, 1 differs' && verbatim.statusText());
    assert.strictEqual(text.match(/\$\(/g)?.length, 1, 'one icon, Verbatim’s own');
  });

  it('shows the hostile source in an inert hover, linked by its escaped name', async () => {
    const doc = await openHostileDraft();
    const at = rangeOfText(doc, 'will not allow').start;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const contents = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c && c.value.includes('Verbatim'));
    assert.strictEqual(contents.length, 1, JSON.stringify(hovers.flatMap((h) => h.contents.map(hoverText))));
    const md = contents[0];
    assert.ok(!md.isTrusted && !md.supportHtml && !md.supportThemeIcons, 'untrusted, no HTML, no icons');
    assert.ok(!LIVE_ICON.test(md.value), `no live $(icon): ${md.value}`);
    assert.ok(!/\]\(command:/i.test(md.value) && !/(?<!\\)<\s*script/i.test(md.value), md.value);
    const links = [...md.value.matchAll(/(?<!\\)\]\(([^)\s]+)\)/g)].map((m) => vscode.Uri.parse(m[1]));
    assert.ok(links.every((l) => l.scheme === doc.uri.scheme), `links to workspace files only: ${md.value}`);
    assert.ok(links.some((l) => l.with({ fragment: '' }).toString() === sourceUri(SOURCE_NAME).toString()), `a link opens the hostile source: ${md.value}`);
  });

  it('logs no article text; file names appear as plain text', async function () {
    this.timeout(30_000);
    const verbatim = await api();
    // The watcher's line names the hostile source: the log is read once it says something about it.
    const log = await waitFor('the Verbatim log to name the hostile source', async () => {
      const text = await verbatimLog(verbatim);
      return text.includes(SOURCE_LABEL) && text;
    });
    for (const words of ARTICLE_WORDS) assert.ok(!log.includes(words), `“${words}” is not in the log:\n${log}`);
    assert.ok(!log.includes(`\\$(zap)`) && !log.includes('\\['), 'nothing escaped: the log is plain text');
  });
});
