/**
 * The source index as plain data and back, for persistence (indexStore.ts turns it into a string).
 * Slot numbers, tombstones included, are kept as they are, so a reloaded index gives exactly the
 * candidates the exported one gave.
 */
import { Postings } from './postings';
import type { DocRecord, IndexData } from './indexData';
import type { SavedColumns } from './slotTable';

/** Plain-data form of a QuoteIndex, for persistence. Slot numbers (tombstones too) are kept as they are. */
export interface IndexState {
  keepText: boolean;
  /** Interned field values after null and undefined (ids 0 and 1). */
  strings: string[];
  docs: { uri: string; label: string; order: number; names: string[]; text: string | null; first: number; count: number }[];
  slots: SavedColumns & {
    /** A compact quote's text; null when it is the document text's slice or the slot is a tombstone. */
    texts: (string | null)[];
  };
  postings: [string, number[]][];
}

/** The whole state of `data` as plain data. */
export function exportState(data: IndexData, keepText: boolean): IndexState {
  const t = data.table;
  const n = t.count;
  const texts: (string | null)[] = new Array(n);
  const docIndex = new Map<number, number>();
  const docs: IndexState['docs'] = [];
  for (const rec of data.docs.values()) {
    docIndex.set(rec.id, docs.length);
    docs.push({ uri: rec.uri, label: rec.label, order: rec.order, names: rec.names, text: rec.doc?.text ?? rec.text ?? null, first: rec.first, count: rec.count });
  }
  const saved = t.exportSaved();
  for (let s = 0; s < n; s++) {
    const rec = data.docById.get(t.col.doc[s]);
    saved.doc[s] = rec ? docIndex.get(rec.id)! : -1;
    const q = rec?.doc?.quotes[s - rec.first];
    texts[s] = !rec ? null : rec.doc ? (rec.doc.text.slice(t.col.start[s], t.col.end[s]) === q!.text ? null : q!.text) : t.col.textAt[s] < 0 ? null : data.textAt(s);
  }
  const postings: IndexState['postings'] = [];
  for (const [stem, l] of data.postings) postings.push([stem, Array.from(l.data.subarray(0, l.length))]);
  return { keepText, strings: data.strings.values.slice(2) as string[], docs, slots: { ...saved, texts }, postings };
}

/** Fills an empty `data` with `state` (from `exportState`). */
export function importState(data: IndexData, state: IndexState): void {
  for (const s of state.strings) data.strings.id(s);
  const sl = state.slots;
  const n = sl.doc.length;
  const ids = state.docs.map(() => data.nextDocId++);
  state.docs.forEach((d, i) => {
    const rec: DocRecord = { id: ids[i], uri: d.uri, label: d.label, order: d.order, names: d.names, doc: null, first: d.first, count: d.count };
    data.register(rec);
    data.live += d.count;
  });
  const t = data.table;
  t.importSaved(sl, n);
  const c = t.col;
  for (let s = 0; s < n; s++) {
    const d = sl.doc[s];
    c.doc[s] = d < 0 ? -1 : ids[d];
    if (d < 0) c.stems[s] = -1;
    data.addSpeakerSlot(s);
    // A quote's text is stored unless it is the slice of a kept document text.
    const text = sl.texts[s];
    if (d >= 0 && text === null && state.docs[d].text === null) throw new Error('index state: a compact quote has no text');
    c.textAt[s] = -1;
    if (text !== null) data.storeText(s, text);
  }
  for (const [stem, slots] of state.postings) {
    const p = new Postings(Math.max(2, slots.length));
    p.data.set(slots);
    p.length = slots.length;
    data.postings.set(stem, p);
  }
  // Documents whose text was kept keep it, so `get` gives it again; their quotes are rebuilt when read.
  for (const d of state.docs) if (d.text !== null) data.docs.get(d.uri)!.text = d.text;
}
