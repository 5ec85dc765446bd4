/**
 * The web extension host's analysis worker (in place of src/host/analysisWorkers.ts in the web bundle,
 * see scripts/webBuild.mjs): a Web Worker running dist/web/analysisWorker.js, the same engine worker
 * code as the Node worker thread. A worker script must come from the workbench's origin, so the
 * extension's file is read through `workspace.fs` and started from a Blob. The host has no
 * SharedArrayBuffer (not cross-origin isolated): replies are awaited as messages.
 */
import * as vscode from 'vscode';
import type { AnalysisReply } from '../core/index';
import type { AsyncAnalyzer } from '../host/analysisWorkers';
import { PendingReplies } from '../host/analysisReplies';
import { analyzerPool, analyzersFor } from '../host/analyzerPool';

interface WebWorker {
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: unknown) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

/** Web Workers for this machine (analyzerPool.ts; the browser's count of logical cores), or `count` of them. */
export function startAnalyzers(extensionUri: vscode.Uri, count = analyzersFor((globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 2)): AsyncAnalyzer {
  return analyzerPool(() => startAnalyzer(extensionUri), count, 'Web Worker');
}

function startAnalyzer(extensionUri: vscode.Uri): AsyncAnalyzer {
  const replies = new PendingReplies();
  const started: Promise<WebWorker> = (async () => {
    const WorkerClass = (globalThis as unknown as { Worker?: new (url: string) => WebWorker }).Worker;
    if (typeof WorkerClass !== 'function') throw new Error('this host offers no Web Worker');
    const code = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'analysisWorker.js'));
    const worker = new WorkerClass(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    worker.onmessage = (e) => replies.settle(e.data as AnalysisReply);
    worker.onerror = (e) => replies.fail(new Error(`the analysis worker failed: ${String((e as { message?: string })?.message ?? e)}`));
    return worker;
  })();
  started.catch((err: unknown) => replies.fail(err instanceof Error ? err : new Error(String(err))));
  return {
    kind: 'Web Worker',
    parallelism: 1,
    async analyze(docs) {
      const worker = await started;
      return replies.request((id) => worker.postMessage({ id, docs }));
    },
    dispose() {
      replies.fail(new Error('the analysis worker was stopped'));
      void started.then((w) => w.terminate(), () => undefined);
    },
  };
}
