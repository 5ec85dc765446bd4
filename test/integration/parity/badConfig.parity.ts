/** A configuration file that cannot be parsed: a diagnostic at its line and column, a log line, the defaults used. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, ruleOf, verbatimLog, waitFor, waitForDiagnostics, workspaceRoot } from '../helpers';

const enc = (s: string) => new TextEncoder().encode(s);

describe('A broken configuration file in the editor', () => {
  const dir = () => vscode.Uri.joinPath(workspaceRoot(), 'drafts', 'nested');
  after(async () => {
    await vscode.workspace.fs.delete(dir(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await (await api()).whenIdle();
  });

  it('is a diagnostic in the file with its line and column and a log line; its folder’s articles get the defaults', async function () {
    this.timeout(60_000);
    const verbatim = await api();
    const article = vscode.Uri.joinPath(dir(), 'n.article');
    await vscode.workspace.fs.writeFile(article, enc('“We will keep talking until the job is done,” Mr Blinken said.\n'));
    const doc = await vscode.workspace.openTextDocument(article);
    // Under the workspace's file, unverified-quote is a warning.
    await waitForDiagnostics(doc.uri, 'unverified-quote as a warning', (ds) => ds.some((d) => ruleOf(d) === 'unverified-quote' && d.severity === vscode.DiagnosticSeverity.Warning));

    const config = vscode.Uri.joinPath(dir(), '.verbatim.json');
    await vscode.workspace.fs.writeFile(config, enc('{\n  "rules": { "unverified-quote": "error" }\n  "include": ["**"]\n}\n'));
    const [problem] = await waitFor('the syntax error in the file', () => {
      const ds = vscode.languages.getDiagnostics(config).filter((d) => d.source === 'Verbatim');
      return ds.length ? ds : undefined;
    });
    assert.strictEqual(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.match(problem.message, /^cannot parse: comma expected; using the defaults$/);
    assert.deepStrictEqual([problem.range.start.line, problem.range.start.character], [2, 2]);
    // The nearest file applies, and it gives nothing: the defaults (info), not the workspace file's warning, nor "error".
    await waitForDiagnostics(doc.uri, 'unverified-quote with the default severity', (ds) => ds.some((d) => ruleOf(d) === 'unverified-quote' && d.severity === vscode.DiagnosticSeverity.Information));
    await waitFor('the log line', async () => /drafts\/nested\/\.verbatim\.json:3:3: cannot parse: comma expected; using the defaults/.test(await verbatimLog(verbatim)));

    await vscode.workspace.fs.writeFile(config, enc('{\n  "rules": { "unverified-quote": "error" },\n}\n'));
    await waitForDiagnostics(doc.uri, 'the fixed file to apply', (ds) => ds.some((d) => ruleOf(d) === 'unverified-quote' && d.severity === vscode.DiagnosticSeverity.Error));
    await waitFor('the file’s diagnostic to clear', () => vscode.languages.getDiagnostics(config).length === 0);
  });
});
