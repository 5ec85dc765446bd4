/**
 * The source index as plain data and back, for persistence (indexStore.ts turns the parts into lines
 * of JSON). The state comes in parts — the head, documents a few hundred at a time, slots a few
 * thousand at a time, posting lists — so a front end can write and read an archive a slice at a time
 * between other work instead of holding its thread for one long call (the extension host must never be
 * held for long). Slot numbers, tombstones included, are kept as they are, so a reloaded index gives
 * exactly the candidates the exported one gave.
 */
import { Postings } from './postings';
import type { DocRecord, IndexData } from './indexData';
import type { SavedColumns } from './slotTable';

/** A document; its kept text, when there is one, is `textLength` characters of its part's `texts`. */
export interface StateDoc { uri: string; label: string; order: number; names: string[]; textLength: number; first: number; count: number }

/** One part of an index's state, in the order `stateParts` gives them. */
export type StatePart =
  | { head: { keepText: boolean; strings: string[]; docs: number; slots: number } }
  /**
   * The kept texts of a part's documents are one string, `texts`: read back, a string that long is
   * allocated outside the young generation, and each document's text is a slice of it. As one string
   * per document, every text was copied by each young-generation collection during a reload — 30–40 ms
   * pauses of the extension host at 10,000 articles.
   */
  | { docs: StateDoc[]; texts: string }
  /** Slots `from`…: the saved columns and each compact quote's text (null: the document text's slice, or a tombstone). */
  | { slots: { from: number; cols: SavedColumns; texts: (string | null)[] } }
  | { postings: [string, number[]][] };

/**
 * Parts of about this much work each: a few milliseconds to produce, write or read. (50 documents of
 * news are 100–200 KB of text: above V8's large-object size, 128 KB, as a part's `texts` must be.)
 */
const DOCS_PER_PART = 50;
const SLOTS_PER_PART = 1000;
const POSTED_PER_PART = 20_000;

/**
 * The state of `data`, part by part. Parts are made as they are asked for, from the live index: the
 * caller must not change the index between them (`generation` tells it whether it did).
 */
export function* stateParts(data: IndexData, keepText: boolean): Generator<StatePart> {
  const t = data.table;
  const n = t.count;
  yield { head: { keepText, strings: data.strings.values.slice(2) as string[], docs: data.docs.size, slots: n } };
  const docIndex = new Map<number, number>();
  let docs: StateDoc[] = [];
  let texts: string[] = [];
  for (const rec of data.docs.values()) {
    docIndex.set(rec.id, docIndex.size);
    const text = rec.doc?.text ?? rec.text ?? null;
    docs.push({ uri: rec.uri, label: rec.label, order: rec.order, names: rec.names, textLength: text === null ? -1 : text.length, first: rec.first, count: rec.count });
    if (text !== null) texts.push(text);
    if (docs.length === DOCS_PER_PART) {
      yield { docs, texts: texts.join('') };
      docs = [];
      texts = [];
    }
  }
  if (docs.length) yield { docs, texts: texts.join('') };
  for (let from = 0; from < n; from += SLOTS_PER_PART) {
    const to = Math.min(n, from + SLOTS_PER_PART);
    const cols = t.exportSaved(from, to);
    const texts: (string | null)[] = new Array(to - from);
    for (let s = from; s < to; s++) {
      const rec = data.docById.get(t.col.doc[s]);
      cols.doc[s - from] = rec ? docIndex.get(rec.id)! : -1;
      const q = rec?.doc?.quotes[s - rec.first];
      texts[s - from] = !rec ? null : rec.doc ? (rec.doc.text.slice(t.col.start[s], t.col.end[s]) === q!.text ? null : q!.text) : t.col.textAt[s] < 0 ? null : data.textAt(s);
    }
    yield { slots: { from, cols, texts } };
  }
  let postings: [string, number[]][] = [];
  let posted = 0;
  for (const [stem, l] of data.postings) {
    postings.push([stem, Array.from(l.data.subarray(0, l.length))]);
    posted += l.length + 1;
    if (posted >= POSTED_PER_PART) {
      yield { postings };
      postings = [];
      posted = 0;
    }
  }
  if (postings.length) yield { postings };
}

/**
 * Fills an empty `data` from the parts `stateParts` gave, in their order; `finish` checks that all of
 * them came. Throws on a part out of place or one that does not fit (a damaged store).
 */
export class StateImport {
  private head: Extract<StatePart, { head: unknown }>['head'] | undefined;
  private docs: StateDoc[] = [];
  private ids: number[] = [];
  private slots = 0;

  constructor(private readonly data: IndexData) {}

  get keepText(): boolean {
    if (!this.head) throw new Error('index state: no head');
    return this.head.keepText;
  }

  add(part: StatePart): void {
    const data = this.data;
    if ('head' in part) {
      if (this.head) throw new Error('index state: two heads');
      this.head = part.head;
      for (const s of part.head.strings) data.strings.id(s);
      data.table.ensure(part.head.slots);
      return;
    }
    const head = this.head;
    if (!head) throw new Error('index state: a part before the head');
    if ('docs' in part) {
      if (this.slots > 0) throw new Error('index state: documents after slots');
      let at = 0;
      for (const d of part.docs) {
        const rec: DocRecord = { id: data.nextDocId++, uri: d.uri, label: d.label, order: d.order, names: d.names, doc: null, first: d.first, count: d.count };
        data.register(rec);
        data.live += d.count;
        this.ids.push(rec.id);
        this.docs.push(d);
        // Documents whose text was kept keep it, so `get` gives it again; their quotes are rebuilt when read.
        if (d.textLength >= 0) {
          if (at + d.textLength > part.texts.length) throw new Error('index state: a document text runs past its part');
          rec.text = part.texts.slice(at, (at += d.textLength));
        }
      }
      if (at !== part.texts.length) throw new Error('index state: document texts left over');
    } else if ('slots' in part) {
      const { from, cols, texts } = part.slots;
      if (from !== this.slots || from + texts.length > head.slots) throw new Error('index state: slots out of order');
      const t = data.table;
      t.importSaved(cols, from, texts.length);
      const c = t.col;
      for (let k = 0; k < texts.length; k++) {
        const s = from + k;
        const d = cols.doc[k];
        if (d >= this.docs.length) throw new Error('index state: a slot of no document');
        c.doc[s] = d < 0 ? -1 : this.ids[d];
        if (d < 0) c.stems[s] = -1;
        data.addSpeakerSlot(s);
        // A quote's text is stored unless it is the slice of a kept document text.
        const text = texts[k];
        if (d >= 0 && text === null && this.docs[d].textLength < 0) throw new Error('index state: a compact quote has no text');
        c.textAt[s] = -1;
        if (text !== null) data.storeText(s, text);
      }
      this.slots = from + texts.length;
    } else {
      if (this.slots !== head.slots) throw new Error('index state: posting lists before the last slot');
      for (const [stem, slots] of part.postings) {
        const p = new Postings(Math.max(2, slots.length));
        p.data.set(slots);
        p.length = slots.length;
        data.postings.set(stem, p);
      }
    }
  }

  /** Throws unless every document and slot the head announced came. */
  finish(): void {
    const head = this.head;
    if (!head || this.docs.length !== head.docs || this.slots !== head.slots) throw new Error('index state: it ends early');
  }
}
