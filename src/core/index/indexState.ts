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
import { encodeInto, utf8Length } from './textArena';

/** A document; its kept text, when there is one, is `textLength` characters of its part's `texts`. */
export interface StateDoc { uri: string; label: string; order: number; names: string[]; textLength: number; first: number; count: number }

/**
 * A part's quote texts as the arena holds them (binaryStore.ts): `lengths[k]` bytes of `utf8` for slot
 * `k`, in order, or -1 where the plain form has null. Read back, the bytes go into the arena as they
 * are, without being decoded and encoded again.
 */
export interface EncodedTexts { utf8: Uint8Array; lengths: Int32Array }

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
  | { slots: { from: number; cols: SavedColumns; texts: (string | null)[] | EncodedTexts } }
  | { postings: [string, number[]][] }
  /** The posting lists in the binary store: stem `i` has the next `counts[i]` slots of `slots`. */
  | { packedPostings: { stems: string[]; counts: Int32Array; slots: Int32Array } };

/**
 * Parts of about this much work each: a few milliseconds to produce, write or read. (50 documents of
 * news are 100–200 KB of text: above V8's large-object size, 128 KB, as a part's `texts` must be.)
 */
const DOCS_PER_PART = 50;
const SLOTS_PER_PART = 1000;
const POSTED_PER_PART = 20_000;
/** Encoded texts are copied into the arena in runs of this many bytes (a quarter of its chunk). */
const RUN_BYTES = 1 << 18;

/**
 * The state of `data`, part by part. Parts are made as they are asked for, from the live index: the
 * caller must not change the index between them (`generation` tells it whether it did). `typed` gives
 * the binary store's forms: typed columns, encoded texts and packed postings.
 */
export function* stateParts(data: IndexData, keepText: boolean, typed = false): Generator<StatePart> {
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
    const cols = t.exportSaved(from, to, typed);
    // A kept document's quote needs its text only when it is not the slice of the document text.
    const ownText = (s: number, rec: DocRecord): string | null => {
      const q = rec.doc!.quotes[s - rec.first];
      return rec.doc!.text.slice(t.col.start[s], t.col.end[s]) === q.text ? null : q.text;
    };
    for (let s = from; s < to; s++) {
      const rec = data.docById.get(t.col.doc[s]);
      cols.doc[s - from] = rec ? docIndex.get(rec.id)! : -1;
    }
    if (typed) {
      yield { slots: { from, cols, texts: encodedTexts(data, from, to, ownText) } };
      continue;
    }
    const texts: (string | null)[] = new Array(to - from);
    for (let s = from; s < to; s++) {
      const rec = data.docById.get(t.col.doc[s]);
      texts[s - from] = !rec ? null : rec.doc ? ownText(s, rec) : t.col.textAt[s] < 0 ? null : data.textAt(s);
    }
    yield { slots: { from, cols, texts } };
  }
  if (typed) {
    yield* packedPostings(data);
    return;
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
      const encoded = Array.isArray(texts) ? null : texts;
      const count = encoded ? encoded.lengths.length : (texts as (string | null)[]).length;
      if (from !== this.slots || from + count > head.slots) throw new Error('index state: slots out of order');
      const t = data.table;
      t.importSaved(cols, from, count);
      const c = t.col;
      let at = 0; // in encoded.utf8
      // The part's texts go into the arena in runs of up to RUN_BYTES, one copy each: their addresses
      // are the run's and the offsets within it (a run stays in one arena chunk).
      let runStart = 0;
      let runEnd = 0;
      let runAt = 0;
      for (let k = 0; k < count; k++) {
        const s = from + k;
        const d = cols.doc[k];
        if (d >= this.docs.length) throw new Error('index state: a slot of no document');
        c.doc[s] = d < 0 ? -1 : this.ids[d];
        if (d < 0) c.stems[s] = -1;
        data.addSpeakerSlot(s);
        // A quote's text is stored unless it is the slice of a kept document text.
        const bytes = encoded ? encoded.lengths[k] : -1;
        const text = encoded ? null : (texts as (string | null)[])[k];
        const none = encoded ? bytes < 0 : text === null;
        if (d >= 0 && none && this.docs[d].textLength < 0) throw new Error('index state: a compact quote has no text');
        c.textAt[s] = -1;
        if (encoded && !none) {
          if (at + bytes > encoded.utf8.length) throw new Error('index state: a quote text runs past its part');
          if (at + bytes > runEnd) {
            runStart = at;
            runEnd = Math.min(encoded.utf8.length, at + Math.max(bytes, RUN_BYTES));
            runAt = data.storeRun(encoded.utf8, runStart, runEnd - runStart);
          }
          c.textAt[s] = runAt + (at - runStart);
          c.textBytes[s] = bytes;
          at += bytes;
        } else if (text !== null) data.storeText(s, text);
      }
      if (encoded && at !== encoded.utf8.length) throw new Error('index state: quote texts left over');
      this.slots = from + count;
    } else if ('packedPostings' in part) {
      if (this.slots !== head.slots) throw new Error('index state: posting lists before the last slot');
      const { stems, counts, slots } = part.packedPostings;
      if (counts.length !== stems.length) throw new Error('index state: posting counts do not fit');
      let at = 0;
      for (let i = 0; i < stems.length; i++) {
        const n = counts[i];
        if (n < 0 || at + n > slots.length) throw new Error('index state: a posting list runs past its part');
        const p = new Postings(Math.max(2, n));
        p.data.set(slots.subarray(at, (at += n)));
        p.length = n;
        data.postings.set(stems[i], p);
      }
      if (at !== slots.length) throw new Error('index state: postings left over');
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

/**
 * Slots `from`…`to`'s quote texts as UTF-8: a compact quote's bytes straight from the arena, a kept
 * document's own text (`ownText`) encoded as the arena would (lone surrogates kept).
 */
function encodedTexts(data: IndexData, from: number, to: number, ownText: (s: number, rec: DocRecord) => string | null): EncodedTexts {
  const t = data.table;
  const lengths = new Int32Array(to - from);
  const own: (string | null)[] = new Array(to - from).fill(null);
  let total = 0;
  for (let s = from; s < to; s++) {
    const rec = data.docById.get(t.col.doc[s]);
    let bytes = -1;
    if (rec?.doc) {
      const text = ownText(s, rec);
      if (text !== null) bytes = utf8Length((own[s - from] = text));
    } else if (rec && t.col.textAt[s] >= 0) bytes = t.col.textBytes[s];
    lengths[s - from] = bytes;
    if (bytes > 0) total += bytes;
  }
  const utf8 = new Uint8Array(total);
  let at = 0;
  for (let s = from; s < to; s++) {
    const bytes = lengths[s - from];
    if (bytes < 0) continue;
    const text = own[s - from];
    if (text !== null) encodeInto(text, utf8, at);
    else utf8.set(data.arena.bytesAt(t.col.textAt[s], bytes), at);
    at += bytes;
  }
  return { utf8, lengths };
}

/** The posting lists as packed parts of about POSTED_PER_PART slots each. */
function* packedPostings(data: IndexData): Generator<StatePart> {
  let stems: string[] = [];
  let lists: Int32Array[] = [];
  let posted = 0;
  const flush = (): StatePart => {
    const counts = Int32Array.from(lists, (l) => l.length);
    const slots = new Int32Array(posted);
    let at = 0;
    for (const l of lists) {
      slots.set(l, at);
      at += l.length;
    }
    const part: StatePart = { packedPostings: { stems, counts, slots } };
    stems = [];
    lists = [];
    posted = 0;
    return part;
  };
  for (const [stem, l] of data.postings) {
    stems.push(stem);
    lists.push(l.data.subarray(0, l.length));
    posted += l.length;
    // (Larger than the JSON parts: a packed part costs nothing to read but its copy.)
    if (posted >= POSTED_PER_PART * 10) yield flush();
  }
  if (stems.length) yield flush();
}
