/**
 * Node entry of an analysis worker thread: the thin port adapter around the engine's own worker logic
 * (src/core/parallel/analysisTask.ts). After each reply it bumps a shared counter and wakes the pool,
 * which may be waiting synchronously (see pool.ts). A Web Worker would wrap the same function in
 * `onmessage` / `postMessage`.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { runAnalysisRequest, type AnalysisRequest } from '../core/parallel/analysisTask';

const { port, signal } = workerData as { port: MessagePort; signal: SharedArrayBuffer };
const replies = new Int32Array(signal);

port.on('message', (req: AnalysisRequest) => {
  const { reply, transfer } = runAnalysisRequest(req);
  port.postMessage(reply, transfer);
  Atomics.add(replies, 0, 1);
  Atomics.notify(replies, 0);
});
