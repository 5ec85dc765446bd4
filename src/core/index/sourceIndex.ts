/**
 * Stage 4: an inverted index from content stems to source quotes, so a checked quote's candidates
 * come from the posting lists of its own words, never from a scan of every quote. Documents can be
 * replaced or removed one at a time (re-index only what changed); removed slots are tombstoned and
 * the postings compacted once they are mostly garbage.
 *
 * Built for archives of 100,000 articles: postings are typed arrays, quote fields are columns of typed
 * arrays (slotTable.ts), and with `keepText: false` a document is kept only as what checks need
 * (compactQuotes.ts). Ranking is candidates.ts, the state as plain data indexState.ts; the state itself
 * is indexData.ts. This class is the public face over them.
 */
import type { AnalyzedDoc, AnalyzedQuote } from '../analyze';
import type { Quote } from '../types';
import { CandidateRanker, COMMON_SHARE } from './candidates';
import { docOf, quoteFields, RebuiltCache, rebuildQuote } from './compactQuotes';
import { IndexData, type DocRecord } from './indexData';
import { StateImport, stateParts, type StatePart } from './indexState';
import { insertPacked, PackedBatch } from './packedInsert';
import { Postings } from './postings';
import { unpackAnalyses, type BatchInput, type PackedAnalyses } from '../parallel/packedAnalyses';

export type { StatePart } from './indexState';

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

export class QuoteIndex {
  private readonly d = new IndexData();
  private readonly ranker = new CandidateRanker();
  private readonly rebuilt = new RebuiltCache(() => QuoteIndex.REBUILT_CACHE);
  private gen = 0;
  readonly keepText: boolean;

  /** How many rebuilt compact quotes are kept. */
  static REBUILT_CACHE = 8192;

  constructor(config: IndexConfig = {}) {
    this.keepText = config.keepText ?? true;
  }

  get size(): { documents: number; quotes: number } {
    return { documents: this.d.docs.size, quotes: this.d.live };
  }

  /** Changes whenever a document is added, replaced or removed: results computed before are stale. */
  get generation(): number {
    return this.gen;
  }

  /** Adds a document, replacing any earlier version with the same uri. */
  set(doc: AnalyzedDoc): void {
    this.delete(doc.uri);
    this.gen++;
    const d = this.d;
    const rec: DocRecord = {
      id: d.nextDocId++, uri: doc.uri, label: doc.quotes[0]?.label ?? doc.uri, order: doc.order, names: doc.names,
      doc: this.keepText ? doc : null, first: d.table.count, count: doc.quotes.length,
    };
    for (const q of doc.quotes) {
      const slot = d.addSlot(rec, q);
      d.live++;
      for (const s of q.stems) {
        let list = d.postings.get(s);
        if (!list) {
          d.postings.set(s, (list = new Postings()));
          d.sortedStems = null;
        }
        if (list.length === 0 || list.data[list.length - 1] !== slot) list.push(slot); // stems are distinct
      }
    }
    if (!rec.doc && doc.quotes.some((q) => q.label !== rec.label || q.uri !== doc.uri)) rec.doc = doc; // not compactable
    d.register(rec);
  }

  /**
   * Adds the documents of a batch packed by a worker (parallel/packedAnalyses.ts), replacing earlier
   * versions: the same index as `set` of each analysis, built without making its quote objects.
   */
  setPacked(inputs: readonly BatchInput[], packed: PackedAnalyses): void {
    if (new Set(inputs.map((d) => d.uri)).size !== inputs.length) {
      for (const doc of unpackAnalyses(inputs, packed)) this.set(doc); // a uri twice: the later one wins
      return;
    }
    for (const input of inputs) this.delete(input.uri);
    this.gen++;
    insertPacked(this.d, this.keepText, new PackedBatch(inputs, packed), inputs.keys(), (rec) => this.d.register(rec));
  }

  /**
   * Adds document `at` of a packed batch, replacing an earlier version: the same index as `set` of its
   * analysis, without its quote objects.
   */
  setPackedDoc(batch: PackedBatch, at: number): void {
    this.delete(batch.inputs[at].uri);
    this.gen++;
    insertPacked(this.d, this.keepText, batch, [at], (rec) => this.d.register(rec));
  }

  delete(uri: string): boolean {
    const d = this.d;
    const rec = d.docs.get(uri);
    if (!rec) return false;
    this.gen++;
    for (let s = rec.first; s < rec.first + rec.count; s++) {
      d.table.tombstone(s);
      this.rebuilt.delete(s);
    }
    d.live -= rec.count;
    d.unregister(rec);
    if (d.table.count > 1024 && d.live < d.table.count / 2) {
      d.compact();
      this.rebuilt.clear();
    }
    return true;
  }

  get(uri: string): AnalyzedDoc | undefined {
    const rec = this.d.docs.get(uri);
    return rec && docOf(this.d, rec);
  }

  /** The order a document sorts by for "earliest source", without rebuilding it. */
  orderOf(uri: string): number | undefined {
    return this.d.docs.get(uri)?.order;
  }

  has(uri: string): boolean {
    return this.d.docs.has(uri);
  }

  documents(): IterableIterator<AnalyzedDoc> {
    const it = this.d.docs.values();
    const d = this.d;
    return (function* () {
      for (const rec of it) yield docOf(d, rec);
    })();
  }

  /** Every multi-word name known to the index (a fresh array). */
  names(): string[] {
    return this.d.names().slice();
  }

  /**
   * Source quotes sharing content stems with `stems`, best first (shared² / the fewer stems of either
   * quote; then most shared, fewest stems, document uri, position), excluding document `exclude`.
   * Stems in more than `commonShare` of all quotes are skipped when the quote has rarer ones: they
   * would cost the most and discriminate the least. (An absolute cap on top of the share was tried:
   * at 100,000 articles it saved a third of the scan but lost 11% of the generated corpus's recall.)
   */
  candidates(stems: readonly string[], exclude: string, limit: number, minShared = 1, commonShare = COMMON_SHARE): Candidate[] {
    const ex = this.d.docs.get(exclude);
    const query = { stems, excludeFirst: ex ? ex.first : -1, excludeEnd: ex ? ex.first + ex.count : -1, limit, minShared, commonShare };
    const ranked = this.ranker.rank(query, this.d.postings, this.d.table, this.d.live, this.d.uriOrder.ranks(), this.gen);
    return ranked.map((r) => ({ quote: this.quoteAt(r.slot), shared: r.shared }));
  }

  /** The quote in `slot` (live), as `analyze` gave it. */
  quoteAt(slot: number): AnalyzedQuote {
    const rec = this.recordAt(slot);
    if (rec.doc) return rec.doc.quotes[slot - rec.first];
    return this.rebuilt.get(slot, () => rebuildQuote(this.d, rec, slot));
  }

  // ---- low-level reading, for search (quoteSearch.ts) and persistence (indexStore.ts) ----

  /** Slots ever used (live or not); slot numbers are below this. */
  get slots(): number {
    return this.d.table.count;
  }

  isLive(slot: number): boolean {
    return slot < this.d.table.count && this.d.table.col.doc[slot] >= 0;
  }

  /** The uri of the document holding a live slot. */
  uriAt(slot: number): string {
    return this.d.docById.get(this.d.table.col.doc[slot])!.uri;
  }

  /** The slots of quotes with content stem `stem` (may include tombstones: check `isLive`). */
  postingsOf(stem: string): Int32Array {
    const l = this.d.postings.get(stem);
    return l ? l.data.subarray(0, l.length) : new Int32Array(0);
  }

  /** Every stem in the index, sorted by code unit. */
  stems(): readonly string[] {
    this.d.sortedStems ??= [...this.d.postings.keys()].sort();
    return this.d.sortedStems;
  }

  /** The plain quote (no tokens) in a live slot, without rebuilding or caching its analysis. */
  quoteFieldsAt(slot: number): Quote {
    return quoteFields(this.d, this.recordAt(slot), slot);
  }

  /** Every speaker name (as extracted, not resolved) that some quote has, or had. */
  speakerNames(): string[] {
    return this.speakerIds().map(([name]) => name);
  }

  /** Slots (live or not: check `isLive`) whose speaker is one of `names`. */
  slotsOfSpeakers(names: Iterable<string>): number[] {
    const out: number[] = [];
    for (const n of names) {
      const id = this.d.strings.idOf(n);
      const list = id === undefined ? undefined : this.d.speakerPostings.get(id);
      if (list) for (let k = 0; k < list.length; k++) out.push(list.data[k]);
    }
    return out;
  }

  /**
   * The whole state as plain data, part by part (see indexState.ts); the index must not change
   * meanwhile. `typed`: the binary store's forms (typed arrays, encoded texts).
   */
  stateParts(typed = false): Generator<StatePart> {
    return stateParts(this.d, this.keepText, typed);
  }

  /** Builds an index from the parts `stateParts` gave; its checks give what the exported index's gave. */
  static importer(): { add(part: StatePart): void; finish(): QuoteIndex } {
    let index: QuoteIndex | undefined;
    let load: StateImport | undefined;
    return {
      add(part) {
        if (!index) {
          if (!('head' in part)) throw new Error('index state: a part before the head');
          index = new QuoteIndex({ keepText: part.head.keepText });
          load = new StateImport(index.d);
        }
        load!.add(part);
      },
      finish() {
        if (!index || !load) throw new Error('index state: it is empty');
        load.finish();
        return index;
      },
    };
  }

  private recordAt(slot: number): DocRecord {
    const rec = this.d.docById.get(this.d.table.col.doc[slot]);
    if (!rec) throw new Error(`slot ${slot} is empty`);
    return rec;
  }

  private speakerIds(): [string, number][] {
    const d = this.d;
    d.speakerCache ??= [...d.speakerPostings.keys()].map((id) => [d.strings.values[id] as string, id]);
    return d.speakerCache;
  }
}
