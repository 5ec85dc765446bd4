/**
 * Peer 1: a matcher built on fuse.js the obvious way — one Fuse over every source quote, and each draft
 * quote searched against it. Fuse's defaults, but `ignoreLocation` (without it, words past the 60th
 * character never match) and a result for every item under the default threshold (0.6).
 */
import Fuse from 'fuse.js';
import type { SourceQuote } from './exact';

export class FuseMatcher {
  private readonly fuse: Fuse<SourceQuote>;

  constructor(quotes: SourceQuote[]) {
    this.fuse = new Fuse(quotes, { keys: ['text'], ignoreLocation: true, includeScore: true, threshold: 0.6 });
  }

  match(text: string): SourceQuote[] {
    return this.fuse.search(text).map((r) => r.item);
  }
}
