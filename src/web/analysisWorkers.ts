/**
 * The web extension host's analysis worker (in place of src/host/analysisWorkers.ts in the web bundle,
 * see scripts/webBuild.mjs): a Web Worker running dist/web/analysisWorker.js, the same engine worker
 * code as the Node worker thread. A worker script must come from the workbench's origin, so the
 * extension's file is read through `workspace.fs` and started from a Blob. The host has no
 * SharedArrayBuffer (not cross-origin isolated): replies are awaited as messages.
 */
import * as vscode from 'vscode';
import type { AnalysisReply, BatchInput, PackedAnalyses } from '../core/index';
import type { AsyncAnalyzer } from '../host/analysisWorkers';

interface WebWorker {
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: unknown) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

export function startAnalyzer(extensionUri: vscode.Uri): AsyncAnalyzer {
  const pending = new Map<number, { resolve: (p: PackedAnalyses) => void; reject: (e: Error) => void }>();
  let failed: Error | undefined;
  let next = 0;
  const failAll = (err: Error): void => {
    failed ??= err;
    for (const p of pending.values()) p.reject(failed);
    pending.clear();
  };
  const started: Promise<WebWorker> = (async () => {
    const WorkerClass = (globalThis as unknown as { Worker?: new (url: string) => WebWorker }).Worker;
    if (typeof WorkerClass !== 'function') throw new Error('this host offers no Web Worker');
    const code = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'analysisWorker.js'));
    const worker = new WorkerClass(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    worker.onmessage = (e) => {
      const reply = e.data as AnalysisReply;
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if ('packed' in reply) p.resolve(reply.packed);
      else p.reject(new Error(reply.error));
    };
    worker.onerror = (e) => failAll(new Error(`the analysis worker failed: ${String((e as { message?: string })?.message ?? e)}`));
    return worker;
  })();
  started.catch((err: unknown) => failAll(err instanceof Error ? err : new Error(String(err))));
  return {
    kind: 'Web Worker',
    async analyze(docs) {
      const worker = await started;
      if (failed) throw failed;
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, docs });
      });
    },
    dispose() {
      failAll(new Error('the analysis worker was stopped'));
      void started.then((w) => w.terminate(), () => undefined);
    },
  };
}
