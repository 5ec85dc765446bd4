/**
 * The search palette over every quote of the sources, fast at archive scale: the source index picks a
 * few hundred candidates (the query's words and their stems, the word being typed as a prefix, a typo
 * one edit away, speaker names), and fuse.js ranks only those, with the options the extension's search
 * uses. Fuse scores each item on its own (no collection statistics), so among the candidates the order
 * is the one a Fuse over every quote would give.
 */
import { partitionPoint } from '../sorted';
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { QuoteIndex } from './sourceIndex';
import { STOPWORDS } from '../text/spelling';
import { tokenize } from '../text/text';
import type { Quote } from '../types';

/** One searchable quote. */
export interface QuoteEntry {
  uri: string;
  label: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  open: string;
  close: string | null;
}

export interface SearchOptions {
  /** Most results returned (50). */
  limit?: number;
  /** Quotes to search besides the index's (an open draft's unsaved quotes), few. */
  extra?: readonly QuoteEntry[];
  /** Leaves out the index's quotes of these documents (e.g. those replaced by `extra`). */
  skip?: (uri: string) => boolean;
  /** Most candidates handed to Fuse (240 for a query of up to 32 characters, fewer for longer ones). */
  candidates?: number;
}

/** The Fuse options of the palette: words weigh three times the speaker. */
export const SEARCH_FUSE_OPTIONS: IFuseOptions<QuoteEntry> = Object.freeze({
  keys: [{ name: 'text', weight: 0.75 }, { name: 'speaker', weight: 0.25 }],
  ignoreLocation: true,
  threshold: 0.3,
  minMatchCharLength: 2,
});

interface Term {
  key: string;
  stem: string;
  /** The word is still being typed: match it as a prefix. */
  partial: boolean;
}

export class QuoteSearch {
  private ordered: { generation: number; uris: string[] } | null = null;
  private speakers: { generation: number; list: { name: string; words: string[] }[] } | null = null;

  /**
   * `speakerName` maps an index quote's speaker to the name to match and show (the Engine's
   * `resolveSpeaker`: "Blinken" → "Antony Blinken"); by default the name the article used.
   */
  constructor(
    private readonly index: QuoteIndex,
    private readonly fuseOptions: IFuseOptions<QuoteEntry> = SEARCH_FUSE_OPTIONS,
    private readonly speakerName: (name: string) => string = (name) => name,
  ) {}

  /** Quotes matching `query`, best first; with an empty query, the first quotes in path order. */
  search(query: string, options: SearchOptions = {}): QuoteEntry[] {
    const limit = options.limit ?? 50;
    const skip = options.skip ?? (() => false);
    const q = query.trim();
    if (!q) return this.firstQuotes(limit, skip, options.extra ?? []);
    return this.ranked(q, options).map((r) => r.item);
  }

  /** Like `search`, with Fuse's score of each result (0 is a perfect match). */
  ranked(query: string, options: SearchOptions = {}): { item: QuoteEntry; score: number }[] {
    const q = query.trim();
    const limit = options.limit ?? 50;
    // Fuse's cost grows with the query's 32-character chunks: fewer candidates for long queries.
    const max = options.candidates ?? Math.max(2 * limit, Math.round(240 / Math.ceil(q.length / 32)));
    const entries = this.candidates(q, max, options.skip).map((slot) => this.entryOf(this.index.quoteFieldsAt(slot)));
    // (Appended one by one: spread as arguments, the quotes of one 10 MB article can overflow the stack.)
    for (const e of options.extra ?? []) entries.push(e);
    // The order the extension lists quotes in (path, then position) decides Fuse's ties.
    entries.sort((x, y) => (x.uri < y.uri ? -1 : x.uri > y.uri ? 1 : x.start - y.start));
    return new Fuse(entries, { ...this.fuseOptions, includeScore: true }).search(q, { limit }).map((r) => ({ item: r.item, score: r.score ?? 0 }));
  }

  /**
   * Live slots for `query`, best first: each query word counts for the quotes that have it (weighted by
   * how rare it is), or, for the word being typed, any word it begins; a speaker name counts too.
   */
  candidates(query: string, max: number, skip: (uri: string) => boolean = () => false): number[] {
    const terms = termsOf(query);
    if (terms.length === 0) return [];
    const n = Math.max(1, this.index.size.quotes);
    const score = new Map<number, number>();
    const speakers = this.speakerWords();
    for (const term of terms) {
      const slots = new Set<number>();
      const stems = this.stemsFor(term);
      for (const s of stems) for (const slot of this.index.postingsOf(s)) slots.add(slot);
      const named = speakers.filter((sp) => sp.words.some((w) => (term.partial ? w.startsWith(term.key) : w === term.key))).map((sp) => sp.name);
      for (const slot of this.index.slotsOfSpeakers(named)) slots.add(slot);
      if (slots.size === 0) continue;
      const weight = Math.log(1 + n / slots.size);
      for (const slot of slots) score.set(slot, (score.get(slot) ?? 0) + weight);
    }
    const ranked: number[] = [];
    for (const [slot] of [...score].sort((x, y) => y[1] - x[1] || x[0] - y[0])) {
      if (!this.index.isLive(slot) || skip(this.index.uriAt(slot))) continue;
      ranked.push(slot);
      if (ranked.length >= max) break;
    }
    return ranked;
  }

  /** The stems a term matches: its own, those it begins (while typed), or one edit away (a typo). */
  private stemsFor(term: Term): string[] {
    const all = this.index.stems();
    const out = new Set<string>();
    if (this.index.postingsOf(term.stem).length) out.add(term.stem);
    if (term.partial) {
      for (let i = lowerBound(all, term.key); i < all.length && all[i].startsWith(term.key) && out.size < 200; i++) out.add(all[i]);
      // A stem is often shorter than the word typed so far ("stabil" for "stabilis").
      for (let k = term.key.length - 1; k >= Math.max(3, term.key.length - 3); k--) {
        const p = term.key.slice(0, k);
        if (this.index.postingsOf(p).length) out.add(p);
      }
    }
    if (out.size === 0 && term.key.length >= 4) {
      const d = term.key.length >= 8 ? 2 : 1;
      for (const s of all) if (Math.abs(s.length - term.stem.length) <= d && withinEdits(s, term.stem, d)) out.add(s);
    }
    return [...out];
  }

  /** An index quote as listed, its speaker named as `speakerName` says. */
  private entryOf(q: Quote): QuoteEntry {
    const entry = quoteEntry(q);
    if (entry.speaker) entry.speaker = this.speakerName(entry.speaker);
    return entry;
  }

  /** Speaker names with their words (and their full name's), lower-cased, for matching query words. */
  private speakerWords(): { name: string; words: string[] }[] {
    if (this.speakers?.generation !== this.index.generation) {
      const wordsOf = (name: string) => name.toLowerCase().split(/[\s.]+/).filter(Boolean);
      const list = this.index.speakerNames().map((name) => ({ name, words: [...new Set([...wordsOf(name), ...wordsOf(this.speakerName(name))])] }));
      this.speakers = { generation: this.index.generation, list };
    }
    return this.speakers.list;
  }

  private firstQuotes(limit: number, skip: (uri: string) => boolean, extra: readonly QuoteEntry[]): QuoteEntry[] {
    if (this.ordered?.generation !== this.index.generation) {
      this.ordered = { generation: this.index.generation, uris: [...this.index.documents()].map((d) => d.uri).sort() };
    }
    const out: QuoteEntry[] = [...extra];
    for (const uri of this.ordered.uris) {
      if (out.length >= limit + extra.length) break;
      if (skip(uri)) continue;
      const doc = this.index.get(uri);
      for (const q of doc?.quotes ?? []) out.push(this.entryOf(q));
    }
    return out.sort((x, y) => (x.uri < y.uri ? -1 : x.uri > y.uri ? 1 : x.start - y.start)).slice(0, limit);
  }
}

/** A quote as the search lists it. */
export function quoteEntry(q: Quote): QuoteEntry {
  return { uri: q.uri, label: q.label, start: q.start, end: q.end, text: q.text, speaker: q.speaker, open: q.open, close: q.close };
}

/** The query's words; function words are dropped unless there is nothing else. */
function termsOf(query: string): Term[] {
  const tokens = tokenize(query);
  const typing = /[\p{L}\p{N}]$/u.test(query);
  const last = tokens.length ? tokens[tokens.length - 1].start : -1;
  const all = tokens.map((t) => ({ key: t.key, stem: t.stem, partial: typing && t.start === last }));
  const content = all.filter((t) => (!STOPWORDS.has(t.key) && t.key.length > 1) || t.partial);
  return content.length ? content : all;
}

function lowerBound(sorted: readonly string[], key: string): number {
  return partitionPoint(sorted, (x) => x < key);
}

/** The edit distance of `a` and `b` (a swap of neighbours counts as one edit) is at most `d`. */
function withinEdits(a: string, b: string, d: number): boolean {
  const m = b.length;
  let before = new Array<number>(m + 1).fill(0);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > d) return false;
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[m] <= d;
}
