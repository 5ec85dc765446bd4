/**
 * Analysis off the extension host's thread, in the desktop (Node) host: one worker thread running the
 * engine's own worker code (dist/analysisWorker.js, the CLI's too), asked asynchronously — the host
 * never waits on it, so typing is answered while sources are analysed. The web bundle has
 * src/web/analysisWorkers.ts in this module's place (scripts/webBuild.mjs), a Web Worker behind the
 * same interface.
 */
import * as vscode from 'vscode';
import * as os from 'node:os';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { AnalysisReply, BatchInput, PackedAnalyses } from '../core/index';
import { PendingReplies } from './analysisReplies';
import { analyzerPool, analyzersFor } from './analyzerPool';

export interface AsyncAnalyzer {
  /** Where the analysis runs, for the log and the tests. */
  readonly kind: string;
  /** How many batches it analyses at once (its workers). */
  readonly parallelism: number;
  /** The batch's analyses, packed; rejects when the worker failed (the caller analyses in-thread). */
  analyze(docs: BatchInput[]): Promise<PackedAnalyses>;
  dispose(): void;
}

/** Analysis workers for this machine (analyzerPool.ts), or `count` of them. */
export function startAnalyzers(extensionUri: vscode.Uri, count = analyzersFor(typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length)): AsyncAnalyzer {
  return analyzerPool(() => startAnalyzer(extensionUri), count, 'worker thread');
}

function startAnalyzer(extensionUri: vscode.Uri): AsyncAnalyzer {
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'analysisWorker.js').fsPath;
  const { port1, port2 } = new MessageChannel();
  // The worker bumps this counter for the CLI's pool, which may wait on it; here nobody waits.
  const worker = new Worker(script, { workerData: { port: port2, signal: new SharedArrayBuffer(4) }, transferList: [port2] });
  const replies = new PendingReplies();
  port1.on('message', (reply: AnalysisReply) => replies.settle(reply));
  worker.on('error', (err) => replies.fail(err));
  worker.on('exit', (code) => replies.fail(new Error(`the analysis worker exited (code ${code})`)));
  worker.unref();
  port1.unref();
  return {
    kind: 'worker thread',
    parallelism: 1,
    analyze: (docs) => replies.request((id) => port1.postMessage({ id, docs })),
    dispose() {
      replies.fail(new Error('the analysis worker was stopped'));
      port1.close();
      void worker.terminate();
    },
  };
}
