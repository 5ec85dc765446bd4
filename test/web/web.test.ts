/**
 * Only in the web run: the extension is the browser bundle in the web worker extension host, with none
 * of Node's globals to lean on, and the report says what that host offers a worker pool.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { analyze } from '../../src/core/analyze';
import type { AnalysisReply } from '../../src/core/parallel/analysisTask';
import { packAnalyses, type BatchInput } from '../../src/core/parallel/packedAnalyses';
import { api, EXTENSION_ID, sourceUri, verbatimLog, waitFor } from '../integration/helpers';
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

  it('ignores an archive setting with one information line: a browser cannot reach a database server', async () => {
    const verbatim = await api();
    const config = vscode.workspace.getConfiguration('verbatim');
    await config.update('archive.url', 'postgresql://editor@db.example:5432/archive', vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the information line in the log', async () =>
        /Archive postgresql:\/\/editor@db\.example:5432\/archive is ignored here: the web extension host cannot connect to a database server/.test(await verbatimLog(verbatim)));
      assert.strictEqual(verbatim.archiveStatus(), undefined, 'no archive status: there is no archive here');
    } finally {
      await config.update('archive.url', undefined, vscode.ConfigurationTarget.Global);
      await verbatim.whenIdle();
    }
  });
});

describe('Analysis in a Web Worker', () => {
  it('runs the engine’s worker code in a Web Worker started from the web host, with the analyses in-thread analysis gives', async function () {
    this.timeout(60_000);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    // A worker script must come from this origin: the extension's file is read and started from a Blob.
    const code = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'dist', 'web', 'analysisWorker.js'));
    const WorkerClass = (globalThis as unknown as { Worker: new (url: string) => WebWorker }).Worker;
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    const docs: BatchInput[] = [];
    for (const [name] of await vscode.workspace.fs.readDirectory(sourceUri(''))) {
      if (!name.endsWith('.txt')) continue;
      docs.push({ uri: sourceUri(name).toString(), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(sourceUri(name))), order: docs.length });
    }
    assert.ok(docs.length >= 5, 'the fixture has its sources');
    const worker = new WorkerClass(url);
    try {
      const started = Date.now();
      const reply = await new Promise<AnalysisReply>((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data as AnalysisReply);
        worker.onerror = (e) => reject(new Error(`the worker failed: ${String((e as { message?: string }).message ?? e)}`));
        worker.postMessage({ id: 7, docs });
      });
      const ms = Date.now() - started;
      assert.ok('packed' in reply, `the worker analysed the batch: ${'error' in reply ? reply.error : ''}`);
      assert.strictEqual(reply.id, 7);
      const here = packAnalyses(docs.map((d) => analyze(d, d.order)));
      for (const field of ['docs', 'quotes', 'stems', 'names', 'chars', 'ends'] as const) {
        assert.deepStrictEqual(Array.from(reply.packed[field]), Array.from(here[field]), `${field} as analysed in this thread`);
      }
      console.log(`${REPORT_MARK}    web worker: ${docs.length} sources, ${reply.packed.quotes.length / 9} quotes analysed in ${ms} ms (start-up included)`);
    } finally {
      worker.terminate();
      URL.revokeObjectURL(url);
    }
  });
});

interface WebWorker {
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: unknown) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}
