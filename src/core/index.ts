/** The engine's public surface: pure functions and plain data, no I/O, no `vscode`. */
export * from './types';
export { Engine } from './engine';
export { analyze, type AnalyzedDoc, type AnalyzedQuote } from './analyze';
export { checkDocument } from './check';
export { extractQuotes } from './extract';
export { QuoteIndex } from './sourceIndex';
export { DEFAULT_OPTIONS, withOptions, type Options, type OptionsPatch, type Level } from './options';
export { matchGlob } from './glob';
export { renderDiff } from './diff';
export { LineMap } from './lines';
