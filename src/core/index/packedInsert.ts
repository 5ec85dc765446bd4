/**
 * Indexing a worker's packed analyses (parallel/packedAnalyses.ts) straight into the columns: no quote
 * objects are built on the receiving thread, and each interned string of the batch is looked up in the
 * index once, not once per use. The index holds the same as after `set` of each analysis; its
 * documents are kept compactly (their text too when keepText), their quotes rebuilt when read.
 *
 * A batch can be indexed whole (the CLI, the bench) or a document at a time (the extension, which
 * decides file by file whether a worker's analysis still applies). Quote objects made for a whole batch
 * and kept until their turn were most of what the extension host's minor collections copied.
 */
import type { BatchInput, PackedAnalyses } from '../parallel/packedAnalyses';
import { QUOTE_FIELDS, UNDEFINED, NULL, batchStrings } from '../parallel/packedAnalyses';
import type { DocRecord, IndexData } from './indexData';
import { Postings } from './postings';
import { FLAG_INFERRED, FLAG_UNBALANCED, confidenceBits } from './slotTable';

/** A worker's packed batch as the receiving thread holds it: its strings decoded once, each document's place. */
export class PackedBatch {
  readonly strings: string[];
  /** Per document: its first quote, first stem and first name in the packed arrays. */
  readonly firstQuote: Int32Array;
  readonly firstStem: Int32Array;
  readonly firstName: Int32Array;
  /**
   * Batch string id → the index's string id and posting list, resolved on first use, for one index
   * between two compactions (which delete emptied lists; string ids never change).
   */
  private cachedFor: IndexData | null = null;
  private cachedAt = -1;
  interned = new Int32Array(0);
  lists: (Postings | undefined)[] = [];

  constructor(readonly inputs: readonly BatchInput[], readonly packed: PackedAnalyses) {
    this.strings = batchStrings(packed);
    const n = inputs.length;
    this.firstQuote = new Int32Array(n);
    this.firstStem = new Int32Array(n);
    this.firstName = new Int32Array(n);
    const p = packed;
    for (let di = 0, q = 0, s = 0, m = 0; di < n; di++) {
      this.firstQuote[di] = q;
      this.firstStem[di] = s;
      this.firstName[di] = m;
      m += p.docs[di * 2 + 1];
      for (let k = p.docs[di * 2]; k > 0; k--) s += p.quotes[q++ * QUOTE_FIELDS + 8];
    }
  }

  /** The caches, valid for `data` as it is now. */
  cacheFor(data: IndexData): void {
    if (this.cachedFor === data && this.cachedAt === data.compactions) return;
    this.cachedFor = data;
    this.cachedAt = data.compactions;
    this.interned = new Int32Array(this.strings.length).fill(-1);
    this.lists = new Array(this.strings.length);
  }
}

/**
 * Adds the documents of a packed batch numbered `docs` (none of which is in the index: the caller
 * deletes them first) and hands each new record to `register`.
 */
export function insertPacked(data: IndexData, keepText: boolean, batch: PackedBatch, docs: Iterable<number>, register: (rec: DocRecord) => void): void {
  batch.cacheFor(data);
  const { strings, interned, lists, inputs, packed: p } = batch;
  const intern = (n: number): number => {
    if (n === NULL) return data.strings.id(null);
    if (n === UNDEFINED) return data.strings.id(undefined);
    if (interned[n] < 0) interned[n] = data.strings.id(strings[n]);
    return interned[n];
  };
  const t = data.table;
  const f = p.quotes;
  for (const di of docs) {
    const input = inputs[di];
    const count = p.docs[di * 2];
    const names: string[] = [];
    for (let k = p.docs[di * 2 + 1], ni = batch.firstName[di]; k > 0; k--) names.push(strings[p.names[ni++]]);
    const rec: DocRecord = {
      id: data.nextDocId++, uri: input.uri, label: count > 0 ? input.label ?? input.uri : input.uri, order: input.order, names,
      doc: null, first: t.count, count,
    };
    if (keepText) rec.text = input.text;
    let qi = batch.firstQuote[di];
    let si = batch.firstStem[di];
    for (let k = 0; k < count; k++) {
      const at = qi++ * QUOTE_FIELDS;
      const slot = t.add();
      const c = t.col;
      const start = f[at];
      const end = f[at + 1];
      c.doc[slot] = rec.id;
      c.start[slot] = start;
      c.end[slot] = end;
      c.index[slot] = f[at + 2];
      c.kind[slot] = intern(f[at + 3]);
      c.speaker[slot] = intern(f[at + 4]);
      data.addSpeakerSlot(slot);
      c.open[slot] = intern(f[at + 5]);
      c.close[slot] = intern(f[at + 6]);
      const flags = f[at + 7];
      c.flags[slot] = (flags & 1 ? FLAG_INFERRED : 0) | (flags & 2 ? FLAG_UNBALANCED : 0) | confidenceBits((flags >> 2) / 20);
      const stems = f[at + 8];
      c.stems[slot] = stems;
      c.textAt[slot] = -1;
      if (!keepText) data.storeText(slot, input.text, start, end);
      data.live++;
      for (let s = 0; s < stems; s++) {
        const id = p.stems[si++];
        let list = lists[id];
        if (!list) {
          list = data.postings.get(strings[id]);
          if (!list) {
            data.postings.set(strings[id], (list = new Postings()));
            data.sortedStems = null;
          }
          lists[id] = list;
        }
        if (list.length === 0 || list.data[list.length - 1] !== slot) list.push(slot);
      }
    }
    register(rec);
  }
}
