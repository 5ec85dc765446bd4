/**
 * Root hooks: every file under the fixture's sources/ has the same bytes after the whole suite as
 * before it. Verbatim only reads sources; files the tests themselves add and remove are not counted.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { fixture } from './helpers';

async function checksums(): Promise<Map<string, string>> {
  const sums = new Map<string, string>();
  const root = fixture('sources');
  for (const [name, type] of await vscode.workspace.fs.readDirectory(root)) {
    if (type !== vscode.FileType.File || name.startsWith('zz-')) continue;
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, name));
    // The bytes themselves, in hex (no Node crypto: the suites also run in the web extension host).
    sums.set(name, Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''));
  }
  return sums;
}

let before_: Map<string, string>;

before(async () => {
  before_ = await checksums();
  assert.ok(before_.size >= 6, 'the fixture has its sources');
});

after(async () => {
  assert.deepStrictEqual(await checksums(), before_, 'no source file was written');
});
