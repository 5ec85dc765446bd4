/**
 * Where the corpus's sources are analysed: in the analysis workers (analysisWorkers.ts, started with
 * the first batch that needs them), or, when there are none, they failed or they are switched off,
 * nowhere here: the corpus then analyses in its own thread, in slices. A failure is logged once and
 * nothing is lost.
 */
import * as vscode from 'vscode';
import { PackedBatch, type BatchInput } from '../core/index';
import type { AsyncAnalyzer } from './analysisWorkers';

/**
 * A batch as the workers analysed it, kept packed (no quote objects until a document is read back):
 * a file's analysis by uri, as its batch and its place in it.
 */
export interface Analysed {
  of(uri: string): { batch: PackedBatch; at: number } | undefined;
}

export class SourceAnalysis implements vscode.Disposable {
  /** The workers once started; false once they failed (for the rest of the session). */
  private worker: AsyncAnalyzer | false | undefined;
  /** Workers to start (setCount); undefined: as many as this machine gives. */
  private count: number | undefined;
  /** Batches the workers analysed, for the tests and the log. */
  batches = 0;
  /** Off: every analysis in the corpus's thread (a test compares the two). */
  on = true;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly start?: (count?: number) => AsyncAnalyzer,
  ) {}

  /** Batches the workers analyse at once (1 before they start). */
  get parallelism(): number {
    return this.worker ? this.worker.parallelism : 1;
  }

  /** Where the sources are analysed, once the workers have started. */
  get kind(): string | undefined {
    return this.worker ? this.worker.kind : undefined;
  }

  /** How many workers start next (undefined: this machine's number); the current ones stop. */
  setCount(count: number | undefined): void {
    this.count = count;
    if (this.worker) {
      this.worker.dispose();
      this.worker = undefined;
    }
  }

  /**
   * The analyses of `inputs` by uri, made by the workers while the caller's thread goes on with other
   * work (a keystroke's check, say); undefined when there are no workers to make them.
   */
  async analyse(inputs: BatchInput[]): Promise<Analysed | undefined> {
    if (!this.on || !this.start || this.worker === false || inputs.length === 0) return undefined;
    let worker: AsyncAnalyzer | undefined;
    try {
      if (!this.worker) {
        this.worker = this.start(this.count);
        this.log.info(vscode.l10n.t('Sources are analysed in a {0}.', this.worker.kind));
      }
      worker = this.worker;
      const batch = new PackedBatch(inputs, await worker.analyze(inputs));
      this.batches++;
      const place = new Map(inputs.map((input, k) => [input.uri, k]));
      return { of: (uri) => { const at = place.get(uri); return at === undefined ? undefined : { batch, at }; } };
    } catch (err) {
      // Workers replaced meanwhile (setCount) refuse what they had: this batch is analysed in the corpus's thread.
      if (worker && worker !== this.worker) return undefined;
      // Nothing is lost: the corpus analyses from here on, in slices as before.
      this.log.warn(vscode.l10n.t('The analysis worker failed ({0}); sources are analysed in the extension host from now on.', err instanceof Error ? err.message : String(err)));
      if (this.worker) this.worker.dispose();
      this.worker = false;
      return undefined;
    }
  }

  dispose(): void {
    if (this.worker) this.worker.dispose();
    this.worker = false;
  }
}
