/**
 * Persistence of the source index as one JSON string, so a front end can store it (the extension in its
 * storage, the CLI in a cache file) and reload an archive without analysing it again. Pure: strings in
 * and out. Slot numbers, tombstones included, are kept as they are, so a reloaded index gives exactly
 * the candidates — and checks — the saved one gave.
 */
import { QuoteIndex, type IndexState } from './sourceIndex';

const FORMAT = 'verbatim-index';
// 3: words fold by transliteration, written numbers are one token (issue 15): older keys differ.
const VERSION = 3;

interface Stored {
  format: string;
  version: number;
  meta: Record<string, unknown>;
  state: Omit<IndexState, 'postings'> & { postings: [string, number[]][] };
}

/** The index (and any small `meta` a front end wants back) as a string. */
export function serializeIndex(index: QuoteIndex, meta: Record<string, unknown> = {}): string {
  const state = index.exportState();
  // Posting lists are ascending: store the gaps, which are short numbers.
  const postings = state.postings.map(([stem, slots]): [string, number[]] => [stem, slots.map((s, i) => (i === 0 ? s : s - slots[i - 1]))]);
  const stored: Stored = { format: FORMAT, version: VERSION, meta, state: { ...state, postings } };
  return JSON.stringify(stored);
}

/** The index stored by `serializeIndex`, and its `meta`. Throws on anything else. */
export function deserializeIndex(data: string): { index: QuoteIndex; meta: Record<string, unknown> } {
  const stored = JSON.parse(data) as Stored;
  if (!stored || stored.format !== FORMAT) throw new Error('not a Verbatim index');
  if (stored.version !== VERSION) throw new Error(`Verbatim index version ${stored.version} is not supported (expected ${VERSION})`);
  for (const entry of stored.state.postings) {
    const slots = entry[1];
    for (let i = 1; i < slots.length; i++) slots[i] += slots[i - 1];
  }
  return { index: QuoteIndex.fromState(stored.state), meta: stored.meta ?? {} };
}
