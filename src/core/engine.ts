/**
 * The engine as one object: a source index kept up to date document by document, and checks against it.
 * Front ends (CLI, VS Code host, benchmarks) hold one Engine and feed it `{uri, text}` records.
 */
import { analyze, type AnalyzedDoc } from './analyze';
import { checkDocument } from './check';
import { withOptions, type Options, type OptionsPatch } from './options';
import { QuoteIndex } from './sourceIndex';
import type { DocInput, DocumentReport } from './types';

export class Engine {
  readonly index = new QuoteIndex();
  private nextOrder = 0;
  options: Options;

  constructor(options: OptionsPatch | Options = {}) {
    this.options = withOptions(options as OptionsPatch);
  }

  /** Adds or replaces a source document; returns its analysis. */
  setSource(doc: DocInput): AnalyzedDoc {
    const previous = this.index.get(doc.uri);
    const analyzed = analyze(doc, doc.order ?? previous?.order ?? this.nextOrder++);
    this.index.set(analyzed);
    return analyzed;
  }

  removeSource(uri: string): boolean {
    return this.index.delete(uri);
  }

  /** Checks a document against every source but itself; the document need not be a source. */
  check(doc: DocInput | AnalyzedDoc): DocumentReport {
    const analyzed = 'quotes' in doc ? doc : analyze(doc, doc.order ?? this.index.get(doc.uri)?.order ?? this.nextOrder);
    return checkDocument(analyzed, this.index, this.options);
  }
}
