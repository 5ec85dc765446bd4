/**
 * The rule registry: every rule Verbatim reports, with its id, one-line description, default severity,
 * options and the page section that documents it. SARIF's rule metadata, docs/rules.md's anchors, the
 * CLI's severity ranking, the configuration file's `rules` keys and the editor's diagnostic codes are
 * all read from here (the pattern of markdownlint's one module per rule).
 */
import type { Level } from '../config/options';
import type { RuleId, Severity } from '../types';
import { QUOTE_DIFFERS } from './quoteDiffers';
import { SPEAKER_DIFFERS } from './speakerDiffers';
import { UNBALANCED_QUOTE } from './unbalancedQuote';
import { UNVERIFIED_QUOTE } from './unverifiedQuote';

/** One option of a rule, as the configuration file sets it inside the rule's object. */
export interface RuleOption {
  /** The key in the configuration file and in `Options.rules`. */
  key: string;
  kind: 'level';
  description: string;
}

export interface RuleMeta {
  id: RuleId;
  /** One line: what the rule reports. */
  description: string;
  /** The severity a finding has when nothing is configured ('off' when the rule is off by default). */
  defaultSeverity: Level;
  /** The key of the rule's level in `Options.rules`. */
  optionKey: 'quoteDiffers' | 'speakerDiffers' | 'unverifiedQuote' | 'unbalancedQuote';
  /** Further options of the rule, each a key of `Options.rules`. */
  options: readonly RuleOption[];
}

/** Every rule, in the order SARIF and the docs list them. */
export const RULES: readonly RuleMeta[] = Object.freeze([QUOTE_DIFFERS, SPEAKER_DIFFERS, UNVERIFIED_QUOTE, UNBALANCED_QUOTE]);

export const RULE_IDS: readonly RuleId[] = Object.freeze(RULES.map((r) => r.id));

/** The rule with this id, or undefined for an unknown id. */
export function ruleById(id: string): RuleMeta | undefined {
  return RULES.find((r) => r.id === id);
}

/** The documentation of the rules, relative to the package root; each rule's section is its id. */
export const RULES_DOC = 'docs/rules.md';

/** The section of the rules page that documents `id` (docs/rules.md's heading anchor). */
export const ruleAnchor = (id: RuleId): string => id;

export { SEVERITY_RANK, maxLevel, minLevel, reaches } from './severity';
