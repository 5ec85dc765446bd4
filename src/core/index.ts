/** The engine's public surface: pure functions and plain data, no I/O, no `vscode`. */
export * from './types';
export { Engine } from './engine';
export { analyze, type AnalyzedDoc, type AnalyzedQuote } from './analyze';
export { checkDocument } from './rules/check';
export { extractQuotes } from './extract/extract';
export { QuoteIndex } from './index/sourceIndex';
export {
  memorySource, quoteFromFields, compareCandidates, candidateScore,
  type CandidateSource, type CandidateRequest, type SourceCandidate,
} from './index/candidateSource';
export { checkWithSources } from './rules/checkSources';
export { DEFAULT_OPTIONS, withOptions, type Options, type OptionsPatch, type Level } from './config/options';
export { matchGlob } from './config/glob';
export { renderDiff } from './match/diff';
export { LineMap } from './text/lines';
