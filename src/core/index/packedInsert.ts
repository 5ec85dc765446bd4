/**
 * Indexing a worker's packed analyses (parallel/packedAnalyses.ts) straight into the columns: no quote
 * objects are built on the receiving thread, and each interned string of the batch is looked up in the
 * index once, not once per use. The index holds the same as after `set` of each analysis; its
 * documents are kept compactly (their text too when keepText), their quotes rebuilt when read.
 */
import type { BatchInput, PackedAnalyses } from '../parallel/packedAnalyses';
import { QUOTE_FIELDS, UNDEFINED, NULL, batchStrings } from '../parallel/packedAnalyses';
import type { DocRecord, IndexData } from './indexData';
import { Postings } from './postings';
import { FLAG_INFERRED, FLAG_UNBALANCED, confidenceBits } from './slotTable';

/**
 * Adds the documents of one packed batch (none of which is in the index: the caller deletes them
 * first) and hands each new record to `register`.
 */
export function insertPacked(data: IndexData, keepText: boolean, inputs: readonly BatchInput[], p: PackedAnalyses, register: (rec: DocRecord) => void): void {
  const strings = batchStrings(p);
  // Batch string id → index string id, and → posting list, resolved on first use.
  const interned = new Int32Array(strings.length).fill(-1);
  const lists: (Postings | undefined)[] = new Array(strings.length);
  const intern = (n: number): number => {
    if (n === NULL) return data.strings.id(null);
    if (n === UNDEFINED) return data.strings.id(undefined);
    if (interned[n] < 0) interned[n] = data.strings.id(strings[n]);
    return interned[n];
  };
  const t = data.table;
  const f = p.quotes;
  let qi = 0;
  let si = 0;
  let ni = 0;
  inputs.forEach((input, di) => {
    const count = p.docs[di * 2];
    const names: string[] = [];
    for (let k = p.docs[di * 2 + 1]; k > 0; k--) names.push(strings[p.names[ni++]]);
    const rec: DocRecord = {
      id: data.nextDocId++, uri: input.uri, label: count > 0 ? input.label ?? input.uri : input.uri, order: input.order, names,
      doc: null, first: t.count, count,
    };
    if (keepText) rec.text = input.text;
    for (let k = 0; k < count; k++) {
      const at = qi++ * QUOTE_FIELDS;
      const slot = t.count++;
      t.ensure(t.count);
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
      if (!keepText) data.storeText(slot, input.text.slice(start, end));
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
  });
}
