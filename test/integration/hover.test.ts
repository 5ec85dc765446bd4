/** Hovers: every other version, word-diffed; article and source text stays inert. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, hoverText, openDraft, rangeOfText, unescapeMarkdown, waitForDiagnostics } from './helpers';

async function verbatimHover(doc: vscode.TextDocument, words: string): Promise<vscode.MarkdownString> {
  const at = rangeOfText(doc, words).start.translate(0, 3);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
  const contents = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c && c.value.includes('Verbatim'));
  assert.strictEqual(contents.length, 1, `one Verbatim hover at “${words}”, got ${JSON.stringify(hovers.flatMap((h) => h.contents.map(hoverText)))}`);
  return contents[0];
}

describe('Hover', () => {
  before(api);

  it('shows the other versions with the changed words', async () => {
    const { doc } = await openDraft();
    await waitForDiagnostics(doc.uri, 'the draft to be checked', (d) => d.length > 0);
    const md = await verbatimHover(doc, 'follow through the common understandings');
    const shown = unescapeMarkdown(md.value);
    assert.match(shown, /quote by Xi Jinping/);
    assert.match(shown, /\*\*variant\*\* · 0\.\d\d · Xi Jinping \(0\.\d\d\) · \[sources\/003_64437838ff70a774\.txt\]/);
    assert.match(md.value, /follow through \*\*on\*\* the common understandings/, 'the source’s extra word in bold');
    assert.match(shown, /sources\/000_e82ae43b6dd607f6\.txt/, 'the identical-wording source is listed too');

    const specific = unescapeMarkdown((await verbatimHover(doc, 'reached agreement on some important')).value);
    assert.match(specific, /~~important~~ \*\*specific\*\*/, 'the draft’s word struck, the sources’ in bold');
    assert.match(specific, /Canonical wording: 3 of 5 sources agree on it/);
  });

  it('links each version to its source at the quote', async () => {
    const { doc } = await openDraft();
    const md = await verbatimHover(doc, 'reached agreement on some important');
    const targets = [...md.value.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => vscode.Uri.parse(m[1]));
    assert.strictEqual(targets.length, 5);
    for (const target of targets) {
      assert.ok(/^L\d+,\d+$/.test(target.fragment), `line fragment in ${target.toString()}`);
      const [line, col] = target.fragment.slice(1).split(',').map(Number);
      const source = await vscode.workspace.openTextDocument(target.with({ fragment: '' }));
      const at = source.offsetAt(new vscode.Position(line - 1, col - 1));
      assert.match(source.getText().slice(at, at + 120), /progress and reached agreement on some specific issues/);
    }
  });

  it('keeps markup and command links from the sources inert', async () => {
    const { doc } = await openDraft();
    const md = await verbatimHover(doc, 'in any form of talks');
    assert.ok(!md.isTrusted, 'the hover MarkdownString is not trusted');
    assert.ok(!md.supportHtml, 'no HTML in the hover');
    const value = md.value;
    assert.ok(!/\]\(command:/i.test(value), `no command link: ${value}`);
    assert.ok(!/(?<!\\)<\s*(img|script)/i.test(value), `no raw HTML tag: ${value}`);
    assert.match(value, /command\\: ?workbench\\\.action\\\.quit/, 'the link text is shown, escaped');
    assert.match(value, /\\<\s*img src\\= ?x onerror\\= ?alert\\\( ?1\\\)\\>/, 'the tag is shown, escaped');
    for (const m of value.matchAll(/(?<!\\)\]\(([^)\s]+)\)/g)) {
      assert.strictEqual(vscode.Uri.parse(m[1]).scheme, doc.uri.scheme, `every link points at a workspace file: ${m[1]}`);
    }
    assert.match(unescapeMarkdown(value), /sources\/briefing-notes\.txt/);
  });
});
