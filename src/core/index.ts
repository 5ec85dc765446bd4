/** The engine's public surface: pure functions and plain data, no I/O, no `vscode`. */
export * from './types';
export { Engine } from './engine';
export { analyze, type AnalyzedDoc, type AnalyzedQuote } from './analyze';
export { checkDocument } from './rules/check';
export { extractQuotes } from './extract/extract';
export { QuoteIndex } from './index/sourceIndex';
export { candidateScore, commonCap, RAREST_KEPT } from './index/candidates';
export {
  memorySource, quoteFromFields, compareCandidates,
  type CandidateSource, type CandidateRequest, type SourceCandidate,
} from './index/candidateSource';
export { checkWithSources } from './rules/checkSources';
export { analyzeInThread, type BatchAnalyzer, type BatchSink } from './parallel/batch';
export { packAnalyses, unpackAnalyses, type BatchInput, type PackedAnalyses } from './parallel/packedAnalyses';
export { PackedBatch } from './index/packedInsert';
export { runAnalysisRequest, type AnalysisRequest, type AnalysisReply } from './parallel/analysisTask';
export { DEFAULT_OPTIONS, withOptions, type Options, type OptionsPatch, type Level } from './config/options';
export { matchGlob } from './config/glob';
export { renderDiff } from './match/diff';
export { LineMap } from './text/lines';
export { RULES, RULE_IDS, RULES_DOC, ruleById, ruleAnchor, SEVERITY_RANK, maxLevel, minLevel, reaches, type RuleMeta, type RuleOption } from './rules/registry';
export { compareSourceOrder, sortBySourceOrder } from './config/order';
export { matchRelative, pathFilter } from './config/glob';
export { withoutPassword } from './config/archiveUrl';
export { parseConfig, formatProblem, laterProblem, fatalMessage, CONFIG_FILES, LEVELS, TOP_KEYS, RELATIONS, SHARES, type VerbatimConfig, type ParsedConfig, type ConfigProblem, type LaterProblem, type Place } from './config/file';
export { layerOptions, configCandidates } from './config/merge';
export { IgnoreList, IGNORE_FILE, parseIgnoreFile, formatIgnoreFile, type IgnoreEntry } from './config/ignoreList';
export { decodeText, looksBinary, overCap, overCapMessage, DEFAULT_MAX_FILE_BYTES, ENCODINGS, type Decoded, type Encoding } from './config/readPolicy';
export { formatMessage, msg, type Translate } from './rules/formatMessage';
export { MESSAGE_TEMPLATES, type MessageId } from './rules/messageTemplates';
export { encodeSliced, decodeSliced, firstLine, type Slicer } from './index/slicedStore';
