/**
 * Stage 4: an inverted index from content stems to source quotes, so a checked quote's candidates
 * come from the posting lists of its own words, never from a scan of every quote. Documents can be
 * replaced or removed one at a time (re-index only what changed); removed slots are tombstoned and
 * the postings compacted once they are mostly garbage.
 *
 * Built for archives of 100,000 articles: postings are typed arrays, quote fields are columns of typed
 * arrays, and with `keepText: false` a document is kept only as what checks need (its quotes' texts in
 * a UTF-8 arena, their fields and its names); its quotes are rebuilt on demand — tokens included — and
 * the most recently used are cached. Rebuilt quotes are equal to the ones `analyze` gave (a unit test
 * holds the two to that).
 */
import { contentStems, type AnalyzedDoc, type AnalyzedQuote } from '../analyze';
import { Postings, StringTable } from './postings';
import { heapPush, heapReplace } from './topK';
import { tokenize } from '../text/text';
import { TextArena } from './textArena';
import { UriOrder } from './uriOrder';
import type { Quote, QuoteKind, Token } from '../types';

export interface Candidate {
  quote: AnalyzedQuote;
  shared: number;
}

export interface IndexConfig {
  /**
   * Keep each document's text and analysis as given (the default). With false, only the quotes are
   * kept, compactly; `get(uri)` then returns the quotes and names with an empty `text`.
   */
  keepText?: boolean;
}

interface DocRecord {
  id: number;
  uri: string;
  label: string;
  order: number;
  names: string[];
  /** The analysis as given (keepText), or null when the document is kept compactly. */
  doc: AnalyzedDoc | null;
  first: number;
  count: number;
}

const FLAG_INFERRED = 1;
const FLAG_UNBALANCED = 2;
// Bits 2–6 of the flags hold the speaker's confidence in twentieths.
const CONFIDENCE_SHIFT = 2;
const confidenceOf = (flags: number): number => (flags >> CONFIDENCE_SHIFT) / 20;
const INITIAL_SLOTS = 1024;

export class QuoteIndex {
  private readonly docs = new Map<string, DocRecord>();
  private readonly docById = new Map<number, DocRecord>();
  /** Documents ranked by uri (localeCompare), for ordering candidates. */
  private readonly uriOrder = new UriOrder();
  private nextDocId = 0;
  private postings = new Map<string, Postings>();
  private live = 0;
  /** Slots in use, live or tombstoned. */
  private slotCount = 0;
  // Slot columns. slotDoc is -1 for a tombstone.
  private slotDoc = new Int32Array(INITIAL_SLOTS);
  private slotStart = new Int32Array(INITIAL_SLOTS);
  private slotEnd = new Int32Array(INITIAL_SLOTS);
  private slotIndex = new Int32Array(INITIAL_SLOTS);
  private slotKind = new Int32Array(INITIAL_SLOTS);
  private slotSpeaker = new Int32Array(INITIAL_SLOTS);
  private slotOpen = new Int32Array(INITIAL_SLOTS);
  private slotClose = new Int32Array(INITIAL_SLOTS);
  private slotFlags = new Uint8Array(INITIAL_SLOTS);
  /** How many distinct content stems a quote has. */
  private slotStems = new Int32Array(INITIAL_SLOTS);
  /** Arena address and byte length of a compact quote's text. */
  private slotTextAt = new Float64Array(INITIAL_SLOTS);
  private slotTextBytes = new Int32Array(INITIAL_SLOTS);
  private arena = new TextArena();
  private readonly strings = new StringTable();
  /** Scratch for `candidates`: per-slot counts, and the slots touched, in first-touch order. */
  private counts = new Int32Array(INITIAL_SLOTS);
  /** The same in bytes, for quotes with fewer than 255 stems: a quarter of the memory to miss in. */
  private counts8 = new Uint8Array(INITIAL_SLOTS);
  private touched = new Int32Array(256);
  /** Rebuilt compact quotes, most recently used last. */
  private readonly rebuilt = new Map<number, AnalyzedQuote>();
  private sortedStems: string[] | null = null;
  private speakerCache: [string, number][] | null = null;
  /** Slots by speaker (interned id), for the search palette. */
  private speakerPostings = new Map<number, Postings>();
  /** Full names by word, across every indexed document, for resolving bare surnames. */
  private readonly nameCounts = new Map<string, number>();
  private namesCache: string[] | null = null;
  private gen = 0;
  readonly keepText: boolean;

  /** How many rebuilt compact quotes are kept. */
  static REBUILT_CACHE = 8192;

  constructor(config: IndexConfig = {}) {
    this.keepText = config.keepText ?? true;
  }

  get size(): { documents: number; quotes: number } {
    return { documents: this.docs.size, quotes: this.live };
  }

  /** Changes whenever a document is added, replaced or removed: results computed before are stale. */
  get generation(): number {
    return this.gen;
  }

  /** Adds a document, replacing any earlier version with the same uri. */
  set(doc: AnalyzedDoc): void {
    this.delete(doc.uri);
    this.gen++;
    const rec: DocRecord = {
      id: this.nextDocId++, uri: doc.uri, label: doc.quotes[0]?.label ?? doc.uri, order: doc.order, names: doc.names,
      doc: this.keepText ? doc : null, first: this.slotCount, count: doc.quotes.length,
    };
    for (const q of doc.quotes) {
      const slot = this.addSlot(rec, q);
      this.live++;
      for (const s of q.stems) {
        let list = this.postings.get(s);
        if (!list) {
          this.postings.set(s, (list = new Postings()));
          this.sortedStems = null;
        }
        if (list.length === 0 || list.data[list.length - 1] !== slot) list.push(slot); // stems are distinct
      }
    }
    if (!rec.doc && doc.quotes.some((q) => q.label !== rec.label || q.uri !== doc.uri)) rec.doc = doc; // not compactable
    for (const n of doc.names) this.nameCounts.set(n, (this.nameCounts.get(n) ?? 0) + 1);
    this.namesCache = null;
    this.docs.set(doc.uri, rec);
    this.docById.set(rec.id, rec);
    this.uriOrder.add(rec.id, rec.uri);
  }

  delete(uri: string): boolean {
    const rec = this.docs.get(uri);
    if (!rec) return false;
    this.gen++;
    for (let s = rec.first; s < rec.first + rec.count; s++) {
      this.slotDoc[s] = -1;
      this.slotStems[s] = -1;
      this.rebuilt.delete(s);
    }
    this.live -= rec.count;
    for (const n of rec.names) {
      const c = (this.nameCounts.get(n) ?? 1) - 1;
      if (c <= 0) this.nameCounts.delete(n);
      else this.nameCounts.set(n, c);
    }
    this.namesCache = null;
    this.docs.delete(uri);
    this.docById.delete(rec.id);
    this.uriOrder.remove(rec.id);
    if (this.slotCount > 1024 && this.live < this.slotCount / 2) this.compact();
    return true;
  }

  get(uri: string): AnalyzedDoc | undefined {
    const rec = this.docs.get(uri);
    return rec && this.docOf(rec);
  }

  /** The order a document sorts by for "earliest source", without rebuilding it. */
  orderOf(uri: string): number | undefined {
    return this.docs.get(uri)?.order;
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  documents(): IterableIterator<AnalyzedDoc> {
    const it = this.docs.values();
    const self = this;
    return (function* () {
      for (const rec of it) yield self.docOf(rec);
    })();
  }

  /** Every multi-word name known to the index (a fresh array). */
  names(): string[] {
    this.namesCache ??= [...this.nameCounts.keys()];
    return this.namesCache.slice();
  }

  /**
   * Source quotes sharing content stems with `stems`, best first (shared² / the fewer stems of either
   * quote; then most shared, document uri, position), excluding document `exclude`.
   * Stems in more than `commonShare` of all quotes are skipped when the quote has rarer ones: they
   * would cost the most and discriminate the least. (An absolute cap on top of the share was tried:
   * at 100,000 articles it saved a third of the scan but lost 11% of the generated corpus's recall.)
   */
  candidates(stems: readonly string[], exclude: string, limit: number, minShared = 1, commonShare = 0.05): Candidate[] {
    const lists: Postings[] = [];
    for (const s of stems) {
      const l = this.postings.get(s);
      if (l) lists.push(l);
    }
    lists.sort((x, y) => x.length - y.length);
    const cap = Math.max(1000, this.live * commonShare);
    // A slot is in a list at most once, so its count is at most the number of lists.
    const counts: Int32Array | Uint8Array = lists.length < 255 ? this.counts8 : this.counts;
    let touched = this.touched;
    let n = 0;
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i];
      if (list.length > cap && i >= 2) continue;
      const data = list.data;
      for (let k = 0; k < list.length; k++) {
        const slot = data[k];
        const c = ++counts[slot];
        if (c === 1) {
          if (n === touched.length) {
            const next = new Int32Array(touched.length * 2);
            next.set(touched);
            this.touched = touched = next;
          }
          touched[n++] = slot;
        }
      }
    }
    const ex = this.docs.get(exclude);
    const exFirst = ex ? ex.first : -1;
    const exEnd = ex ? ex.first + ex.count : -1;
    if (limit <= 0) {
      for (let k = 0; k < n; k++) counts[touched[k]] = 0;
      return [];
    }
    const slotDoc = this.slotDoc;
    const slotStems = this.slotStems;
    const slotStart = this.slotStart;
    // Ranked by shared² / min(stems of either): as many shared stems as possible, and a short quote
    // whose few stems are all shared (an excerpt, half of a split quote) ahead of a long one that
    // shares as many common words by chance. The best `limit` are kept in a heap, the worst on top.
    const kept: number[] = [];
    const shared: number[] = [];
    const score: number[] = [];
    const heap: number[] = [];
    const ranks = this.uriOrder.ranks();
    const better = (x: number, y: number): number =>
      score[y] - score[x] || shared[y] - shared[x] || ranks[slotDoc[kept[x]]] - ranks[slotDoc[kept[y]]] ||
      slotStart[kept[x]] - slotStart[kept[y]] || x - y;
    const own = Math.max(1, stems.length);
    let worst = -1; // the score at the top of a full heap: lower scores cannot get in
    for (let k = 0; k < n; k++) {
      const slot = touched[k];
      const c = counts[slot];
      counts[slot] = 0;
      const stemCount = slotStems[slot]; // -1 for a tombstone
      if (c < minShared || stemCount < 0 || (slot >= exFirst && slot < exEnd)) continue;
      const sc = (c * c) / Math.max(1, Math.min(own, stemCount));
      if (sc < worst) continue;
      const at = kept.length;
      kept.push(slot);
      shared.push(c);
      score.push(sc);
      if (heap.length < limit) heapPush(heap, at, better);
      else if (better(at, heap[0]) < 0) heapReplace(heap, at, better);
      else continue;
      if (heap.length === limit) worst = score[heap[0]];
    }
    return heap.sort(better).map((k) => ({ quote: this.quoteAt(kept[k]), shared: shared[k] }));
  }

  private uriOf(slot: number): string {
    return this.docById.get(this.slotDoc[slot])!.uri;
  }

  /** The quote in `slot` (live), as `analyze` gave it. */
  quoteAt(slot: number): AnalyzedQuote {
    const rec = this.docById.get(this.slotDoc[slot]);
    if (!rec) throw new Error(`slot ${slot} is empty`);
    if (rec.doc) return rec.doc.quotes[slot - rec.first];
    let q = this.rebuilt.get(slot);
    if (q) {
      this.rebuilt.delete(slot);
    } else {
      q = this.rebuild(rec, slot);
      if (this.rebuilt.size >= QuoteIndex.REBUILT_CACHE) this.rebuilt.delete(this.rebuilt.keys().next().value!);
    }
    this.rebuilt.set(slot, q);
    return q;
  }

  // ---- low-level reading, for search (quoteSearch.ts) and persistence (indexStore.ts) ----

  /** Slots ever used (live or not); slot numbers are below this. */
  get slots(): number {
    return this.slotCount;
  }

  isLive(slot: number): boolean {
    return slot < this.slotCount && this.slotDoc[slot] >= 0;
  }

  /** The uri of the document holding a live slot. */
  uriAt(slot: number): string {
    return this.uriOf(slot);
  }

  /** The slots of quotes with content stem `stem` (may include tombstones: check `isLive`). */
  postingsOf(stem: string): Int32Array {
    const l = this.postings.get(stem);
    return l ? l.data.subarray(0, l.length) : new Int32Array(0);
  }

  /** Every stem in the index, sorted by code unit. */
  stems(): readonly string[] {
    this.sortedStems ??= [...this.postings.keys()].sort();
    return this.sortedStems;
  }

  /** The plain quote (no tokens) in a live slot, without rebuilding or caching its analysis. */
  quoteFieldsAt(slot: number): Quote {
    const rec = this.docById.get(this.slotDoc[slot]);
    if (!rec) throw new Error(`slot ${slot} is empty`);
    const v = this.strings.values;
    const start = this.slotStart[slot];
    const end = this.slotEnd[slot];
    const text = rec.doc ? rec.doc.quotes[slot - rec.first].text : this.textAt(slot);
    return {
      uri: rec.uri, label: rec.label, index: this.slotIndex[slot], start, end, text, kind: v[this.slotKind[slot]] as QuoteKind,
      speaker: v[this.slotSpeaker[slot]] as string | null, open: v[this.slotOpen[slot]] as string, close: v[this.slotClose[slot]] as string | null,
      unbalanced: (this.slotFlags[slot] & FLAG_UNBALANCED) !== 0, speakerConfidence: confidenceOf(this.slotFlags[slot]),
    };
  }

  /** Every speaker name (as extracted, not resolved) that some quote has, or had. */
  speakerNames(): string[] {
    return this.speakerIds().map(([name]) => name);
  }

  /** Slots (live or not: check `isLive`) whose speaker is one of `names`. */
  slotsOfSpeakers(names: Iterable<string>): number[] {
    const out: number[] = [];
    for (const n of names) {
      const id = this.strings.idOf(n);
      const list = id === undefined ? undefined : this.speakerPostings.get(id);
      if (list) for (let k = 0; k < list.length; k++) out.push(list.data[k]);
    }
    return out;
  }

  private speakerIds(): [string, number][] {
    this.speakerCache ??= [...this.speakerPostings.keys()].map((id) => [this.strings.values[id] as string, id]);
    return this.speakerCache;
  }

  /** The whole state as plain data (see indexStore.ts). */
  exportState(): IndexState {
    const n = this.slotCount;
    const texts: (string | null)[] = new Array(n);
    const docIndex = new Map<number, number>();
    const docs: IndexState['docs'] = [];
    for (const rec of this.docs.values()) {
      docIndex.set(rec.id, docs.length);
      docs.push({ uri: rec.uri, label: rec.label, order: rec.order, names: rec.names, text: rec.doc?.text ?? null, first: rec.first, count: rec.count });
    }
    const doc: number[] = new Array(n);
    for (let s = 0; s < n; s++) {
      const rec = this.docById.get(this.slotDoc[s]);
      doc[s] = rec ? docIndex.get(rec.id)! : -1;
      texts[s] = !rec ? null : rec.doc ? (rec.doc.text.slice(this.slotStart[s], this.slotEnd[s]) === rec.doc.quotes[s - rec.first].text ? null : rec.doc.quotes[s - rec.first].text) : this.textAt(s);
    }
    const postings: IndexState['postings'] = [];
    for (const [stem, l] of this.postings) postings.push([stem, Array.from(l.data.subarray(0, l.length))]);
    const col = (a: Int32Array | Uint8Array): number[] => Array.from(a.subarray(0, n));
    return {
      keepText: this.keepText, strings: this.strings.values.slice(2) as string[], docs,
      slots: { doc, start: col(this.slotStart), end: col(this.slotEnd), index: col(this.slotIndex), kind: col(this.slotKind),
        speaker: col(this.slotSpeaker), open: col(this.slotOpen), close: col(this.slotClose), flags: col(this.slotFlags),
        stems: col(this.slotStems), texts },
      postings,
    };
  }

  /** An index holding `state` (from `exportState`); its checks give what the exported index's gave. */
  static fromState(state: IndexState): QuoteIndex {
    const index = new QuoteIndex({ keepText: state.keepText });
    for (const s of state.strings) index.strings.id(s);
    const n = state.slots.doc.length;
    index.ensureSlots(n);
    const ids = state.docs.map(() => index.nextDocId++);
    state.docs.forEach((d, i) => {
      const rec: DocRecord = { id: ids[i], uri: d.uri, label: d.label, order: d.order, names: d.names, doc: null, first: d.first, count: d.count };
      index.docs.set(d.uri, rec);
      index.docById.set(rec.id, rec);
      index.uriOrder.add(rec.id, rec.uri);
      index.live += d.count;
      for (const name of d.names) index.nameCounts.set(name, (index.nameCounts.get(name) ?? 0) + 1);
    });
    const sl = state.slots;
    for (let s = 0; s < n; s++) {
      const d = sl.doc[s];
      index.slotDoc[s] = d < 0 ? -1 : ids[d];
      index.slotStart[s] = sl.start[s];
      index.slotEnd[s] = sl.end[s];
      index.slotIndex[s] = sl.index[s];
      index.slotKind[s] = sl.kind[s];
      index.slotSpeaker[s] = sl.speaker[s];
      index.addSpeakerSlot(s);
      index.slotOpen[s] = sl.open[s];
      index.slotClose[s] = sl.close[s];
      index.slotFlags[s] = sl.flags[s];
      index.slotStems[s] = d < 0 ? -1 : sl.stems[s];
      // A quote's text is stored unless it is the slice of a kept document text.
      const text = sl.texts[s];
      if (d >= 0 && text === null && state.docs[d].text === null) throw new Error('index state: a compact quote has no text');
      index.slotTextAt[s] = -1;
      if (text !== null) {
        const a = index.arena.add(text);
        index.slotTextAt[s] = a.at;
        index.slotTextBytes[s] = a.bytes;
      }
    }
    index.slotCount = n;
    for (const [stem, slots] of state.postings) {
      const p = new Postings(Math.max(2, slots.length));
      p.data.set(slots);
      p.length = slots.length;
      index.postings.set(stem, p);
    }
    // Documents whose text was kept are rebuilt from it, so `get` gives their text again.
    state.docs.forEach((d, i) => {
      if (d.text !== null) index.docs.get(d.uri)!.doc = index.rebuildDoc(index.docs.get(d.uri)!, d.text);
    });
    return index;
  }

  // ---- internals ----

  private addSlot(rec: DocRecord, q: AnalyzedQuote): number {
    const slot = this.slotCount++;
    this.ensureSlots(this.slotCount);
    this.slotDoc[slot] = rec.id;
    this.slotStart[slot] = q.start;
    this.slotEnd[slot] = q.end;
    this.slotIndex[slot] = q.index;
    this.slotKind[slot] = this.strings.id(q.kind);
    this.slotSpeaker[slot] = this.strings.id(q.speaker);
    this.addSpeakerSlot(slot);
    this.slotOpen[slot] = this.strings.id(q.open);
    this.slotClose[slot] = this.strings.id(q.close);
    this.slotFlags[slot] = (q.speakerInferred ? FLAG_INFERRED : 0) | (q.unbalanced ? FLAG_UNBALANCED : 0) | (Math.round(q.speakerConfidence * 20) << CONFIDENCE_SHIFT);
    this.slotStems[slot] = q.stems.length;
    this.slotTextAt[slot] = -1;
    if (!rec.doc) {
      const a = this.arena.add(q.text);
      this.slotTextAt[slot] = a.at;
      this.slotTextBytes[slot] = a.bytes;
    }
    return slot;
  }

  private addSpeakerSlot(slot: number): void {
    const id = this.slotSpeaker[slot];
    if (typeof this.strings.values[id] !== 'string') return;
    let list = this.speakerPostings.get(id);
    if (!list) {
      this.speakerPostings.set(id, (list = new Postings()));
      this.speakerCache = null;
    }
    list.push(slot);
  }

  private ensureSlots(n: number): void {
    if (n <= this.slotDoc.length) return;
    let size = this.slotDoc.length;
    while (size < n) size = Math.ceil(size * 1.5);
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(a: T): T => {
      const next = new (a.constructor as new (n: number) => T)(size);
      next.set(a);
      return next;
    };
    this.slotDoc = grow(this.slotDoc);
    this.slotStart = grow(this.slotStart);
    this.slotEnd = grow(this.slotEnd);
    this.slotIndex = grow(this.slotIndex);
    this.slotKind = grow(this.slotKind);
    this.slotSpeaker = grow(this.slotSpeaker);
    this.slotOpen = grow(this.slotOpen);
    this.slotClose = grow(this.slotClose);
    this.slotFlags = grow(this.slotFlags);
    this.slotStems = grow(this.slotStems);
    this.slotTextAt = grow(this.slotTextAt);
    this.slotTextBytes = grow(this.slotTextBytes);
    this.counts = grow(this.counts);
    this.counts8 = grow(this.counts8);
  }

  private textAt(slot: number): string {
    return this.arena.get(this.slotTextAt[slot], this.slotTextBytes[slot]);
  }

  /** A compact quote rebuilt: stored fields, and tokens and stems computed as `analyze` does. */
  private rebuild(rec: DocRecord, slot: number, docText?: string): AnalyzedQuote {
    const start = this.slotStart[slot];
    const end = this.slotEnd[slot];
    const text = this.slotTextAt[slot] >= 0 ? this.textAt(slot) : docText!.slice(start, end);
    let tokens: Token[] | undefined;
    let stems: string[] | undefined;
    const v = this.strings.values;
    // Tokens are offsets into the document; the quote's text at its offset tokenizes the same way.
    const tokensOf = (): Token[] => (tokens ??= shift(tokenize(text), start));
    return {
      uri: rec.uri,
      label: rec.label,
      index: this.slotIndex[slot],
      start,
      end,
      text,
      kind: v[this.slotKind[slot]] as QuoteKind,
      speaker: v[this.slotSpeaker[slot]] as string | null,
      speakerInferred: (this.slotFlags[slot] & FLAG_INFERRED) !== 0,
      speakerConfidence: confidenceOf(this.slotFlags[slot]),
      open: v[this.slotOpen[slot]] as string,
      close: v[this.slotClose[slot]] as string | null,
      unbalanced: (this.slotFlags[slot] & FLAG_UNBALANCED) !== 0,
      get tokens(): Token[] {
        return tokensOf();
      },
      get stems(): string[] {
        return (stems ??= contentStems(tokensOf()));
      },
    };
  }

  private rebuildDoc(rec: DocRecord, text: string): AnalyzedDoc {
    const quotes: AnalyzedQuote[] = [];
    for (let s = rec.first; s < rec.first + rec.count; s++) quotes.push(this.rebuild(rec, s, text));
    return { uri: rec.uri, text, order: rec.order, quotes, names: rec.names };
  }

  private docOf(rec: DocRecord): AnalyzedDoc {
    if (rec.doc) return rec.doc;
    let quotes: AnalyzedQuote[] | undefined;
    const build = (): AnalyzedQuote[] => {
      if (!quotes) {
        quotes = [];
        for (let s = rec.first; s < rec.first + rec.count; s++) quotes.push(this.rebuild(rec, s));
      }
      return quotes;
    };
    // Quotes are rebuilt only when read: callers often want just the order or whether it exists.
    return {
      uri: rec.uri, text: '', order: rec.order, names: rec.names,
      get quotes(): AnalyzedQuote[] {
        return build();
      },
    };
  }

  private compact(): void {
    const remap = new Int32Array(this.slotCount).fill(-1);
    let n = 0;
    const fresh = new TextArena();
    for (let s = 0; s < this.slotCount; s++) {
      if (this.slotDoc[s] < 0) continue;
      remap[s] = n;
      this.slotDoc[n] = this.slotDoc[s];
      this.slotStart[n] = this.slotStart[s];
      this.slotEnd[n] = this.slotEnd[s];
      this.slotIndex[n] = this.slotIndex[s];
      this.slotKind[n] = this.slotKind[s];
      this.slotSpeaker[n] = this.slotSpeaker[s];
      this.slotOpen[n] = this.slotOpen[s];
      this.slotClose[n] = this.slotClose[s];
      this.slotFlags[n] = this.slotFlags[s];
      this.slotStems[n] = this.slotStems[s];
      if (this.slotTextAt[s] >= 0) {
        const a = fresh.add(this.textAt(s));
        this.slotTextAt[n] = a.at;
        this.slotTextBytes[n] = a.bytes;
      } else this.slotTextAt[n] = -1;
      n++;
    }
    const postings = new Map<string, Postings>();
    for (const [stem, list] of this.postings) {
      const kept = new Postings(Math.max(2, list.length));
      for (let k = 0; k < list.length; k++) {
        const to = remap[list.data[k]];
        if (to >= 0) kept.push(to);
      }
      if (kept.length) postings.set(stem, kept);
    }
    for (const rec of this.docs.values()) rec.first = remap[rec.first] >= 0 ? remap[rec.first] : 0;
    this.slotCount = n;
    this.postings = postings;
    this.speakerPostings = new Map();
    this.speakerCache = null;
    for (let s = 0; s < n; s++) this.addSpeakerSlot(s);
    this.arena = fresh;
    this.rebuilt.clear();
    this.sortedStems = null;
    this.counts.fill(0);
    this.counts8.fill(0);
  }
}

/** Plain-data form of a QuoteIndex, for persistence. Slot numbers (tombstones too) are kept as they are. */
export interface IndexState {
  keepText: boolean;
  /** Interned field values after null and undefined (ids 0 and 1). */
  strings: string[];
  docs: { uri: string; label: string; order: number; names: string[]; text: string | null; first: number; count: number }[];
  slots: {
    doc: number[]; start: number[]; end: number[]; index: number[]; kind: number[]; speaker: number[];
    open: number[]; close: number[]; flags: number[]; stems: number[];
    /** A compact quote's text; null when it is the document text's slice or the slot is a tombstone. */
    texts: (string | null)[];
  };
  postings: [string, number[]][];
}

function shift(tokens: Token[], by: number): Token[] {
  if (by !== 0) for (const t of tokens) { t.start += by; t.end += by; }
  return tokens;
}
