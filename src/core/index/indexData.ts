/**
 * The source index's state, shared by the modules of src/core/index (QuoteIndex is its public face):
 * the document registry, the slot columns, the quote text arena, the posting lists by stem and by
 * speaker, and the names. Adding a quote's fields and compacting tombstones away live here, beside the
 * data they touch.
 */
import type { AnalyzedDoc, AnalyzedQuote } from '../analyze';
import { Postings, StringTable } from './postings';
import { FLAG_INFERRED, FLAG_UNBALANCED, SlotTable, confidenceBits } from './slotTable';
import { TextArena } from './textArena';
import { UriOrder } from './uriOrder';

export interface DocRecord {
  id: number;
  uri: string;
  label: string;
  order: number;
  names: string[];
  /** The analysis as given (keepText), or null when the document is kept compactly. */
  doc: AnalyzedDoc | null;
  /** A compactly kept document's text, when it is kept (keepText): its quotes are slices of it. */
  text?: string;
  first: number;
  count: number;
}

export class IndexData {
  readonly docs = new Map<string, DocRecord>();
  readonly docById = new Map<number, DocRecord>();
  /** Documents ranked by uri (localeCompare), for ordering candidates. */
  readonly uriOrder = new UriOrder();
  nextDocId = 0;
  postings = new Map<string, Postings>();
  live = 0;
  readonly table = new SlotTable();
  arena = new TextArena();
  readonly strings = new StringTable();
  /** Slots by speaker (interned id), for the search palette. */
  speakerPostings = new Map<number, Postings>();
  speakerCache: [string, number][] | null = null;
  sortedStems: string[] | null = null;
  /** Compactions so far: posting lists emptied by one are deleted, so lists looked up before are stale. */
  compactions = 0;
  private namesCache: string[] | null = null;

  /** Enters a document's record (its slots are the caller's). */
  register(rec: DocRecord): void {
    this.namesCache = null;
    this.docs.set(rec.uri, rec);
    this.docById.set(rec.id, rec);
    this.uriOrder.add(rec.id, rec.uri);
  }

  unregister(rec: DocRecord): void {
    this.namesCache = null;
    this.docs.delete(rec.uri);
    this.docById.delete(rec.id);
    this.uriOrder.remove(rec.id);
  }

  /**
   * Every multi-word name of the indexed documents, in document order (then the order each gives
   * them): a bare surname resolves to the latest full name before it, so the list must not depend on
   * the order documents were added, replaced or removed in — a cache-warmed index gives what a
   * fresh one does. Kept until a document changes.
   */
  names(): readonly string[] {
    if (!this.namesCache) {
      const recs = [...this.docs.values()].sort((a, b) => a.order - b.order || a.id - b.id);
      const seen = new Set<string>();
      for (const rec of recs) for (const n of rec.names) seen.add(n);
      this.namesCache = [...seen];
    }
    return this.namesCache;
  }

  /** A new slot for quote `q` of `rec`; its text goes into the arena unless `rec` keeps its document. */
  addSlot(rec: DocRecord, q: AnalyzedQuote): number {
    const t = this.table;
    const slot = t.add();
    const c = t.col;
    c.doc[slot] = rec.id;
    c.start[slot] = q.start;
    c.end[slot] = q.end;
    c.index[slot] = q.index;
    c.kind[slot] = this.strings.id(q.kind);
    c.speaker[slot] = this.strings.id(q.speaker);
    this.addSpeakerSlot(slot);
    c.open[slot] = this.strings.id(q.open);
    c.close[slot] = this.strings.id(q.close);
    c.flags[slot] = (q.speakerInferred ? FLAG_INFERRED : 0) | (q.unbalanced ? FLAG_UNBALANCED : 0) | confidenceBits(q.speakerConfidence);
    c.stems[slot] = q.stems.length;
    c.textAt[slot] = -1;
    if (!rec.doc) this.storeText(slot, q.text);
    return slot;
  }

  /** Stores the quote text of `slot`: `text`, or its units `from`…`to`. */
  storeText(slot: number, text: string, from?: number, to?: number): void {
    const a = this.arena.add(text, from, to);
    this.table.col.textAt[slot] = a.at;
    this.table.col.textBytes[slot] = a.bytes;
  }

  /**
   * Copies `bytes` bytes of a stored index's UTF-8 texts into the arena as they are; gives the address
   * of the first (the texts in the run are at that address plus their offset).
   */
  storeRun(utf8: Uint8Array, from: number, bytes: number): number {
    return this.arena.addBytes(utf8, from, bytes).at;
  }

  addSpeakerSlot(slot: number): void {
    const id = this.table.col.speaker[slot];
    if (typeof this.strings.values[id] !== 'string') return;
    let list = this.speakerPostings.get(id);
    if (!list) {
      this.speakerPostings.set(id, (list = new Postings()));
      this.speakerCache = null;
    }
    list.push(slot);
  }

  textAt(slot: number): string {
    return this.arena.get(this.table.col.textAt[slot], this.table.col.textBytes[slot]);
  }

  /**
   * Drops tombstoned slots: live slots move down, postings are renumbered where they are and the arena
   * is rebuilt. (It runs inside a delete, on the host's thread during a rebuild: the texts are copied
   * as their bytes, not decoded and encoded again, and no posting list is reallocated.)
   */
  compact(): void {
    const t = this.table;
    const remap = new Int32Array(t.count).fill(-1);
    let n = 0;
    for (let s = 0; s < t.count; s++) if (t.col.doc[s] >= 0) remap[s] = n++;
    t.moveAll(remap);
    const fresh = new TextArena();
    const { textAt, textBytes } = t.col;
    for (let s = 0; s < n; s++) if (textAt[s] >= 0) textAt[s] = fresh.addBytes(this.arena.bytesAt(textAt[s], textBytes[s]), 0, textBytes[s]).at;
    for (const [stem, list] of this.postings) {
      const data = list.data;
      let kept = 0;
      for (let k = 0; k < list.length; k++) {
        const to = remap[data[k]];
        if (to >= 0) data[kept++] = to;
      }
      list.length = kept;
      if (kept === 0) this.postings.delete(stem); // (deleting the entry being visited is safe in a Map)
    }
    for (const rec of this.docs.values()) rec.first = remap[rec.first] >= 0 ? remap[rec.first] : 0;
    t.count = n;
    this.speakerPostings = new Map();
    this.speakerCache = null;
    for (let s = 0; s < n; s++) this.addSpeakerSlot(s);
    this.arena = fresh;
    this.sortedStems = null;
    this.compactions++;
  }
}
