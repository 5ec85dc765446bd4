/**
 * The work an analysis worker does, written against no host API so the same code runs in a Node
 * worker thread and in a Web Worker: a request carries documents (texts in), the reply carries their
 * analyses packed into typed arrays to be transferred back. A host adapter only moves the messages.
 */
import { analyze } from '../analyze';
import { packAnalyses, transferables, type BatchInput, type PackedAnalyses } from './packedAnalyses';

export interface AnalysisRequest {
  id: number;
  docs: BatchInput[];
}

export type AnalysisReply = { id: number; packed: PackedAnalyses } | { id: number; error: string };

/** Analyses a request's documents; the reply and the buffers to transfer with it. Never throws. */
export function runAnalysisRequest(req: AnalysisRequest): { reply: AnalysisReply; transfer: ArrayBuffer[] } {
  try {
    const packed = packAnalyses(req.docs.map((d) => analyze(d, d.order)));
    return { reply: { id: req.id, packed }, transfer: transferables(packed) };
  } catch (e) {
    // The sender analyses the batch itself, so the error surfaces where a caller can see it.
    return { reply: { id: req.id, error: String((e as Error)?.stack ?? e) }, transfer: [] };
  }
}
