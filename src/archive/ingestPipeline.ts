/**
 * Ingest as a two-stage pipeline: while the analysis workers analyse one batch of documents, this
 * thread writes the batch before it to the server. Analysing a batch synchronously (the pool's
 * analyzeAll) held this thread, so the writes in flight drained and the server idled until the batch
 * was done: analysis and writes took turns. `verbatim index` and the archive bench both ingest
 * through this class, so the bench measures what the command does.
 */
import type { AnalyzedDoc, BatchInput } from '../core';

export type Analyse = (docs: readonly BatchInput[]) => Promise<AnalyzedDoc[]>;

export class IngestPipeline<J> {
  private inFlight: { jobs: J[]; analysed: Promise<AnalyzedDoc[]> } | null = null;
  /** Time spent waiting for analyses, in ms: the writes outran the workers for that long. */
  waitedMs = 0;

  /** `write` takes each job with its document's analysis, in order (it may bound its own concurrency). */
  constructor(private readonly analyse: Analyse, private readonly write: (job: J, doc: AnalyzedDoc) => Promise<void>) {}

  /** Starts analysing `inputs` (one per job), then writes the batch added before. */
  async add(jobs: J[], inputs: readonly BatchInput[]): Promise<void> {
    if (jobs.length !== inputs.length) throw new Error(`ingest: ${jobs.length} jobs for ${inputs.length} documents`);
    const previous = this.inFlight;
    this.inFlight = null;
    if (jobs.length) {
      const analysed = this.analyse(inputs);
      // Settled later (or never, when an earlier write fails): not an unhandled rejection meanwhile.
      analysed.catch(() => undefined);
      this.inFlight = { jobs, analysed };
    }
    if (previous) await this.writeAll(previous);
  }

  /** Writes the last batch added. */
  async finish(): Promise<void> {
    const last = this.inFlight;
    this.inFlight = null;
    if (last) await this.writeAll(last);
  }

  private async writeAll(b: { jobs: J[]; analysed: Promise<AnalyzedDoc[]> }): Promise<void> {
    const t0 = performance.now();
    const docs = await b.analysed;
    this.waitedMs += performance.now() - t0;
    for (let k = 0; k < b.jobs.length; k++) await this.write(b.jobs[k], docs[k]);
  }
}
