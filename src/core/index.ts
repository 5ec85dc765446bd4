/** The engine's public surface: pure functions and plain data, no I/O, no `vscode`. */
export * from './types';
export { Engine } from './engine';
export { analyze, type AnalyzedDoc, type AnalyzedQuote } from './analyze';
export { checkDocument } from './rules/check';
export { extractQuotes } from './extract/extract';
export { QuoteIndex } from './index/sourceIndex';
export { DEFAULT_OPTIONS, withOptions, type Options, type OptionsPatch, type Level } from './config/options';
export { matchGlob } from './config/glob';
export { renderDiff } from './match/diff';
export { LineMap } from './text/lines';
export { RULES, RULE_IDS, RULES_DOC, ruleById, ruleAnchor, SEVERITY_RANK, maxLevel, minLevel, reaches, type RuleMeta, type RuleOption } from './rules/registry';
export { compareSourceOrder } from './config/order';
