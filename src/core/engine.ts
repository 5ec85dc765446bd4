/**
 * The engine as one object: a source index kept up to date document by document, and checks against it.
 * Front ends (CLI, VS Code host, benchmarks) hold one Engine and feed it `{uri, text}` records.
 *
 * Checks are incremental: each quote's report is kept, keyed by everything it depends on but its
 * position, for as long as the index and the options stay the same. Re-checking a draft after an edit
 * inside one quote checks that quote alone and moves the others' reports to their new offsets.
 */
import { analyze, type AnalyzedDoc, type AnalyzedQuote } from './analyze';
import { checkDocument } from './rules/check';
import { checkWithSources } from './rules/checkSources';
import { memorySource, type CandidateSource } from './index/candidateSource';
import { quietEchoes } from './rules/echoes';
import { deserializeIndex, indexLines, indexReader, serializeIndex } from './index/indexStore';
import { deserializeIndexBinary, serializeIndexBinary } from './index/binaryStore';
import { NameBook } from './attribute/identity';
import { analyzeInThread, type BatchAnalyzer } from './parallel/batch';
import type { BatchInput } from './parallel/packedAnalyses';
import { withOptions, type Options, type OptionsPatch } from './config/options';
import { QuoteIndex, type IndexConfig } from './index/sourceIndex';
import type { DocInput, DocumentReport, QuoteReport } from './types';

/** How many quote reports are kept per document, and for how many documents, for incremental checks. */
const REPORT_CACHE = 4096;
const REPORT_CONTEXTS = 8;

export class Engine {
  private idx: QuoteIndex;
  private nextOrder = 0;
  options: Options;
  private readonly reports = new Map<string, Map<string, { start: number; report: QuoteReport }>>();
  private reportsFor: { generation: number; options: Options } | null = null;
  private speakers: { generation: number; book: NameBook; full: Map<string, string> } | null = null;

  constructor(options: OptionsPatch | Options = {}, config: IndexConfig | QuoteIndex = {}) {
    this.options = withOptions(options as OptionsPatch);
    this.idx = config instanceof QuoteIndex ? config : new QuoteIndex(config);
  }

  /** The source index; `adopt` replaces it with a reloaded one. */
  get index(): QuoteIndex {
    return this.idx;
  }

  /** Adds or replaces a source document; returns its analysis. */
  setSource(doc: DocInput): AnalyzedDoc {
    const analyzed = analyze(doc, doc.order ?? this.index.orderOf(doc.uri) ?? this.nextOrder++);
    this.index.set(analyzed);
    return analyzed;
  }

  /**
   * Adds or replaces many sources, analysed by `analyzer` (a worker pool, say; in this thread by
   * default) and indexed in input order: the same index as `setSource` on each in turn. `docs` may be
   * an iterable that reads each source as it is asked for (give `expectedChars` then, about how much
   * text it will be); nothing else may change the engine until this returns.
   */
  setSources(docs: Iterable<DocInput>, analyzer: BatchAnalyzer = analyzeInThread, expectedChars?: number): void {
    const engine = this;
    const inputs = Array.isArray(docs)
      ? (docs as DocInput[]).map((d) => engine.batchInput(d))
      : (function* () { for (const d of docs) yield engine.batchInput(d); })();
    analyzer(inputs, { doc: (analyzed) => this.index.set(analyzed), packed: (batch, packed) => this.index.setPacked(batch, packed) }, expectedChars);
  }

  private batchInput(d: DocInput): BatchInput {
    return { uri: d.uri, label: d.label, text: d.text, order: d.order ?? this.index.orderOf(d.uri) ?? this.nextOrder++ };
  }

  removeSource(uri: string): boolean {
    return this.index.delete(uri);
  }

  /** Checks a document against every source but itself; the document need not be a source. */
  check(doc: DocInput | AnalyzedDoc): DocumentReport {
    const analyzed = 'quotes' in doc ? doc : analyze(doc, doc.order ?? this.index.orderOf(doc.uri) ?? this.nextOrder);
    const fresh = this.reportsFor?.generation === this.index.generation && this.reportsFor.options === this.options;
    if (!fresh) {
      this.reports.clear();
      this.reportsFor = { generation: this.index.generation, options: this.options };
    }
    const kept = this.keptFor(JSON.stringify([analyzed.uri, analyzed.order, analyzed.names]));
    const keys = analyzed.quotes.map(quoteKey);
    const missing: number[] = [];
    keys.forEach((k, i) => { if (!kept.has(k)) missing.push(i); });
    const partial = checkDocument({ ...analyzed, quotes: missing.map((i) => analyzed.quotes[i]) }, this.index, this.options);
    const quotes: QuoteReport[] = new Array(analyzed.quotes.length);
    missing.forEach((i, j) => { quotes[i] = partial.quotes[j]; });
    keys.forEach((k, i) => {
      const q = analyzed.quotes[i];
      const entry = kept.get(k);
      kept.delete(k);
      if (entry) quotes[i] = moved(entry.report, q.start - entry.start);
      if (kept.size >= REPORT_CACHE) kept.delete(kept.keys().next().value!);
      kept.set(k, { start: q.start, report: quotes[i] });
    });
    return { ...partial, quotes: quietEchoes(quotes.map((r) => moved(r, 0))) };
  }

  /**
   * Checks a document against this engine's index and further candidate sources (an archive), which
   * are asked asynchronously; the findings are those of one index holding all of them. No reuse of
   * kept reports: every quote is checked.
   */
  async checkWith(doc: DocInput | AnalyzedDoc, sources: readonly CandidateSource[]): Promise<DocumentReport> {
    const analyzed = 'quotes' in doc ? doc : analyze(doc, doc.order ?? this.index.orderOf(doc.uri) ?? this.nextOrder);
    const report = await checkWithSources(analyzed, [memorySource(this.index), ...sources], this.options);
    return { ...report, quotes: quietEchoes(report.quotes) };
  }

  /**
   * The full name a source quote's speaker stands for among the names the sources give ("Blinken" →
   * "Antony Blinken"), as checks resolve it (without a checked draft's own names); a name of several
   * words, or one no source completes, as it is. Index quotes keep the short name their article used:
   * front ends that list them show this. Memoized until the index changes.
   */
  resolveSpeaker(name: string): string {
    if (name.includes(' ')) return name;
    if (this.speakers?.generation !== this.index.generation) {
      this.speakers = { generation: this.index.generation, book: new NameBook(this.index.names()), full: new Map() };
    }
    let full = this.speakers.full.get(name);
    if (full === undefined) {
      full = this.speakers.book.resolve(name) ?? name;
      this.speakers.full.set(name, full);
    }
    return full;
  }

  /** Forgets the kept quote reports (the next check is a full one). */
  clearCache(): void {
    this.reports.clear();
  }

  /** The index (and the order counter) as a string, for `Engine.deserialize`. */
  serialize(): string {
    return serializeIndex(this.index, { nextOrder: this.nextOrder });
  }

  /**
   * `serialize`'s lines (without newlines), made as they are asked for, so a caller can give its thread
   * back between two; throws if the sources change before the last one.
   */
  serializeLines(): Generator<string> {
    return indexLines(this.index, { nextOrder: this.nextOrder });
  }

  /** The index (and the order counter) as bytes, for `Engine.deserializeBinary` (a third of the time to read back). */
  serializeBinary(sizeHint?: number): Uint8Array {
    return serializeIndexBinary(this.index, { nextOrder: this.nextOrder }, sizeHint);
  }

  /** An engine over an index stored by `serializeBinary`. Throws on anything else. */
  static deserializeBinary(bytes: Uint8Array, options: OptionsPatch | Options = {}): Engine {
    return Engine.fromStored(deserializeIndexBinary(bytes), options);
  }

  /** An engine over an index stored by `serialize`; its checks give what the saved engine's gave. */
  static deserialize(data: string, options: OptionsPatch | Options = {}): Engine {
    return Engine.fromStored(deserializeIndex(data), options);
  }

  /** Reads `serializeLines`' lines one at a time; `finish` gives the engine `deserialize` would. */
  static reader(options: OptionsPatch | Options = {}): { line(text: string): void; finish(): Engine } {
    const reader = indexReader();
    return { line: (text) => reader.line(text), finish: () => Engine.fromStored(reader.finish(), options) };
  }

  private static fromStored({ index, meta }: { index: QuoteIndex; meta: Record<string, unknown> }, options: OptionsPatch | Options): Engine {
    const engine = new Engine(options, index);
    engine.nextOrder = typeof meta.nextOrder === 'number' ? meta.nextOrder : index.size.documents;
    return engine;
  }

  /**
   * Takes over the index (and order counter) of `stored`, an engine from `Engine.deserialize`, so that
   * those holding this engine check against the reloaded index; kept reports are dropped.
   */
  adopt(stored: Engine): void {
    this.idx = stored.idx;
    this.nextOrder = stored.nextOrder;
    this.reports.clear();
    this.reportsFor = null;
    this.speakers = null;
  }

  /** The kept reports of one document context (its uri, order and names), most recently used last. */
  private keptFor(context: string): Map<string, { start: number; report: QuoteReport }> {
    let kept = this.reports.get(context);
    if (kept) this.reports.delete(context);
    else {
      kept = new Map();
      if (this.reports.size >= REPORT_CONTEXTS) this.reports.delete(this.reports.keys().next().value!);
    }
    this.reports.set(context, kept);
    return kept;
  }
}

/** Everything a quote's report depends on but its offsets (tokens and stems follow from its text). */
function quoteKey(q: AnalyzedQuote): string {
  const fields: unknown[] = [];
  for (const k of Object.keys(q).sort()) {
    if (k !== 'start' && k !== 'end' && k !== 'tokens' && k !== 'stems') fields.push(k, (q as unknown as Record<string, unknown>)[k]);
  }
  return JSON.stringify(fields);
}

/** A quote report moved by `by` characters: the offsets into the checked document, not the sources'. */
function moved(r: QuoteReport, by: number): QuoteReport {
  return {
    ...r,
    quote: { ...r.quote, start: r.quote.start + by, end: r.quote.end + by },
    findings: r.findings.map((f) => ({ ...f, start: f.start + by, end: f.end + by })),
    fixes: r.fixes.map((f) => ({ ...f, start: f.start + by, end: f.end + by })),
  };
}
