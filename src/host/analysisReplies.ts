/**
 * The requests an analysis worker has not answered yet, for both hosts' workers (a worker thread in
 * analysisWorkers.ts, a Web Worker in src/web/analysisWorkers.ts): each request gets an id, each reply
 * settles the request with its id, and once the worker fails every request — pending or later — is
 * refused with the first failure, so the corpus falls back to analysing in its own thread.
 */
import type { AnalysisReply, PackedAnalyses } from '../core/index';

export class PendingReplies {
  private readonly pending = new Map<number, { resolve: (p: PackedAnalyses) => void; reject: (e: Error) => void }>();
  private failed: Error | undefined;
  private next = 0;

  /** Sends a request through `post` with a fresh id; resolves with the worker's packed analyses. */
  request(post: (id: number) => void): Promise<PackedAnalyses> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      post(id);
    });
  }

  /** Settles the request a reply answers (a reply to nothing pending is dropped). */
  settle(reply: AnalysisReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if ('packed' in reply) p.resolve(reply.packed);
    else p.reject(new Error(reply.error));
  }

  /** Refuses every pending request and every later one. */
  fail(err: Error): void {
    this.failed ??= err;
    for (const p of this.pending.values()) p.reject(this.failed);
    this.pending.clear();
  }
}
