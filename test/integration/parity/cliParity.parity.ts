/**
 * Parity: the CLI (`verbatim check .` in the workspace) and the extension report the same findings on
 * test/fixtures/parity — a configuration file with sources, include, exclude, an authority order,
 * changed severities, a threshold and an ignore entry, and `.verbatim/ignore.json` — rule by rule,
 * range by range, and the same problems in the configuration file.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, ruleOf, waitFor, workspaceRoot } from '../helpers';

const LEVEL: Record<number, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error', [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info', [vscode.DiagnosticSeverity.Hint]: 'hint',
};

interface SarifResult {
  ruleId: string;
  message: { text: string };
  properties: { severity: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { charOffset: number; charLength: number } } }[];
}

/** Runs the built CLI with the extension host's own runtime (Node, or Electron as Node). */
function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const script = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
  return spawnSync(process.execPath, [script, ...args], { cwd: workspaceRoot().fsPath, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
}

const fileOf = (uri: vscode.Uri): string => path.relative(workspaceRoot().fsPath, uri.fsPath).split(path.sep).join('/');

describe('Parity of the CLI and the editor', () => {
  it('gives the same findings, rule by rule and range by range, and the same configuration problems', async function () {
    this.timeout(120_000);
    const verbatim = await api();
    const r = cli(['check', '.', '--format', 'sarif', '--fail-on', 'never']);
    assert.strictEqual(r.status, 0, r.stderr);
    const results: SarifResult[] = JSON.parse(r.stdout).runs[0].results;
    const fromCli = results.map((x) => {
      const loc = x.locations[0].physicalLocation;
      return `${loc.artifactLocation.uri} ${x.ruleId} ${x.properties.severity} ${loc.region.charOffset}-${loc.region.charOffset + loc.region.charLength} ${x.message.text}`;
    }).sort();

    const drafts = ['drafts/draft.article', 'drafts/second.article', 'drafts/old/stale.article'];
    const docs = await Promise.all(drafts.map((d) => vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), ...d.split('/')))));
    await vscode.commands.executeCommand('verbatim.checkWorkspace');
    await verbatim.whenIdle();
    const fromEditor = (): string[] => docs.flatMap((doc) => vscode.languages.getDiagnostics(doc.uri)
      .filter((d) => d.source === 'Verbatim')
      .map((d) => `${fileOf(doc.uri)} ${ruleOf(d)} ${LEVEL[d.severity]} ${doc.offsetAt(d.range.start)}-${doc.offsetAt(d.range.end)} ${d.message}`)).sort();
    await waitFor('the editor’s findings to equal the CLI’s', () => JSON.stringify(fromEditor()) === JSON.stringify(fromCli), 20_000)
      .catch(() => assert.deepStrictEqual(fromEditor(), fromCli));

    // The fixture exercises what it is for: every rule, the changed severities, the ignores and the exclude.
    const has = (re: RegExp) => fromCli.some((f) => re.test(f));
    assert.ok(has(/ speaker-differs error /), 'rules.speaker-differs: error');
    assert.ok(has(/ unverified-quote warning /), 'rules.unverified-quote: warning');
    assert.ok(has(/ quote-differs hint .*punctuation/), 'relations.punctuation: hint');
    assert.ok(has(/ unbalanced-quote warning /));
    assert.ok(has(/ quote-differs info \d+-\d+ Sources disagree: .*this quote follows sources\/003_64437838ff70a774\.txt/), 'the authority order picks 003');
    assert.ok(has(/^drafts\/second\.article /));
    assert.ok(!fromCli.some((f) => f.startsWith('drafts/old/')), 'exclude');
    const draft = docs[0].getText();
    const at = (words: string) => draft.indexOf(words);
    for (const ignored of ['This is something we are going to keep on working on,', 'I heard the same from my Chinese counterparts.']) {
      assert.ok(!fromCli.some((f) => f.includes(` ${at(ignored)}-`)), `ignored: ${ignored}`);
    }

    // Every problem in the configuration file, at the same line and column in both.
    const config = vscode.Uri.joinPath(workspaceRoot(), '.verbatim.jsonc');
    const cliProblems = [...r.stderr.matchAll(/^verbatim: \.verbatim\.jsonc:(\d+):(\d+): (.*)$/gm)].map((m) => `${m[1]}:${m[2]} ${m[3]}`).sort();
    assert.deepStrictEqual(cliProblems, ['6:38 include glob "notes/**" matches no file', '9:17 authority glob "transcripts/**" names no source file']);
    const editorProblems = () => vscode.languages.getDiagnostics(config).filter((d) => d.source === 'Verbatim')
      .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).sort();
    await waitFor('the configuration problems in the file', () => JSON.stringify(editorProblems()) === JSON.stringify(cliProblems), 20_000)
      .catch(() => assert.deepStrictEqual(editorProblems(), cliProblems));
    assert.ok(vscode.languages.getDiagnostics(config).every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
  });
});
