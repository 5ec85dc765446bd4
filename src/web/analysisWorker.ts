/**
 * Web Worker entry of an analysis worker (dist/web/analysisWorker.js): the same host-free worker logic
 * as the Node worker thread (src/core/parallel/analysisTask.ts) behind `onmessage`/`postMessage`, the
 * analyses transferred back as typed arrays. Without a SharedArrayBuffer (the web extension host is
 * not cross-origin isolated) no one waits synchronously: the sender awaits the reply message.
 */
import { runAnalysisRequest, type AnalysisRequest } from '../core/parallel/analysisTask';

interface WorkerScope {
  onmessage: ((event: { data: AnalysisRequest }) => void) | null;
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  const { reply, transfer } = runAnalysisRequest(event.data);
  scope.postMessage(reply, transfer);
};
