/**
 * Packing while a long ingest goes on. A pack (pack.ts) never changes what checks find and ingests never
 * write what it rewrites, so the ingest need not wait for it: awaited in line, the packs of a
 * 1,000,000-article ingest stopped the writes for 127 of its 1,105 s (bench/RESULTS.md, session 35).
 * At most one pack is in flight; asked again while one runs, the packer skips (the next pack, or the
 * one at the end of the run, takes those quotes). A pack's failure is thrown by the next call.
 */
export class BackgroundPacker {
  private running: Promise<void> | null = null;
  private failure: { error: unknown } | null = null;
  /** How many packs were started. */
  started = 0;

  constructor(private readonly pack: () => Promise<unknown>) {}

  /** Starts a pack unless one is running; throws the failure of an earlier one. */
  start(): void {
    this.throwFailure();
    if (this.running) return;
    this.started++;
    this.running = this.pack().then(
      () => { this.running = null; },
      (error: unknown) => { this.failure ??= { error }; this.running = null; },
    );
  }

  /** Waits for the pack in flight, if any; throws what a pack threw. */
  async settle(): Promise<void> {
    await this.running;
    this.throwFailure();
  }

  /** Resolves when no pack is in flight; never throws (for a run that is failing anyway). */
  async idle(): Promise<void> {
    await this.running;
  }

  private throwFailure(): void {
    const f = this.failure;
    if (f) {
      this.failure = null;
      throw f.error;
    }
  }
}
