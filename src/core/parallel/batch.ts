/**
 * How the engine analyses many documents at once: a BatchAnalyzer takes inputs and hands their
 * analyses to a sink in input order — one by one when analysed in this thread, or a batch at a time,
 * packed, when a worker analysed them. `analyzeInThread` is the plain one; front ends plug in a pool
 * of workers (src/parallel/pool.ts) with the same contract and the same results.
 */
import { analyze, type AnalyzedDoc } from '../analyze';
import type { BatchInput, PackedAnalyses } from './packedAnalyses';

export interface BatchSink {
  /** One document analysed in this thread. */
  doc(doc: AnalyzedDoc): void;
  /** A batch analysed elsewhere: `inputs` are its documents, in order, `packed` their analyses. */
  packed(inputs: readonly BatchInput[], packed: PackedAnalyses): void;
}

/**
 * Analyses `docs` (an iterable: it may read each document as it is asked for), handing each analysis to
 * `sink` in input order. `expectedChars`: about how much text there will be, when `docs` is not an array.
 */
export type BatchAnalyzer = (docs: Iterable<BatchInput>, sink: BatchSink, expectedChars?: number) => void;

/** Analyses each document in this thread, in order. */
export const analyzeInThread: BatchAnalyzer = (docs, sink) => {
  for (const d of docs) sink.doc(analyze(d, d.order));
};
