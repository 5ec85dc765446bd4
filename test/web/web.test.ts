/**
 * Only in the web run: the extension is the browser bundle in the web worker extension host, with none
 * of Node's globals to lean on, and the report says what that host offers a worker pool.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from '../integration/helpers';
import { REPORT_MARK } from './runner';

describe('Web extension host', () => {
  it('runs the browser bundle in the web worker extension host', async () => {
    await api();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    // A web worker host runs extensions of the UI kind; code-server's Node host runs them as Workspace.
    assert.strictEqual(ext.extensionKind, vscode.ExtensionKind.UI);
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
    const g = globalThis as Record<string, unknown>;
    assert.strictEqual(typeof g.setImmediate, 'undefined', 'no Node timers here: the host chose its browser path');
    assert.strictEqual(typeof g.Buffer, 'undefined');
  });

  it('reports what the host offers analysis workers', () => {
    const g = globalThis as Record<string, unknown>;
    const offers = {
      Worker: typeof g.Worker,
      SharedArrayBuffer: typeof g.SharedArrayBuffer,
      crossOriginIsolated: g.crossOriginIsolated,
      hardwareConcurrency: (g.navigator as { hardwareConcurrency?: number } | undefined)?.hardwareConcurrency,
    };
    console.log(`${REPORT_MARK}    web host: ${JSON.stringify(offers)}`);
    assert.strictEqual(typeof g.postMessage, 'function', 'the host is itself a worker');
  });
});
