/** Plain data exchanged between the engine and its front ends. Offsets are UTF-16 offsets. */
import type { Message } from './rules/formatMessage';

export type { Message, MessageValue } from './rules/formatMessage';

export interface Span {
  start: number;
  end: number;
}

/** A document as the engine receives it: front ends do the reading. */
export interface DocInput {
  uri: string;
  text: string;
  /** How messages name the document, e.g. a workspace-relative path; defaults to `uri`. */
  label?: string;
  /** Lower sorts earlier when "earliest source" decides the canonical wording; defaults to input order. */
  order?: number;
}

export type QuoteKind = 'quote' | 'fragment' | 'term';

export type Relation = 'identical' | 'excerpt' | 'punctuation' | 'spelling' | 'variant' | 'paraphrase';

export type RuleId = 'quote-differs' | 'speaker-differs' | 'unverified-quote' | 'unbalanced-quote';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A word of a quote: `key` is the comparison form (case, marks, spelling folded), `raw` the text. */
export interface Token {
  raw: string;
  key: string;
  stem: string;
  start: number;
  end: number;
}

/** One quotation span: the text between the marks. */
export interface Quote extends Span {
  uri: string;
  /** The document's display name (see DocInput.label). */
  label: string;
  /** Position among the quotes of its document. */
  index: number;
  text: string;
  kind: QuoteKind;
  speaker: string | null;
  /** How far `speaker` can be trusted, 0–1 (0 when there is none); below the option's threshold it is null. */
  speakerConfidence: number;
  /** The opening mark as written, used to keep the draft's style when fixing. */
  open: string;
  /** The closing mark, or null when the quote runs to the end of its paragraph unclosed. */
  close: string | null;
  /** True when the quote was never closed and no following paragraph continues it. */
  unbalanced: boolean;
}

/** One piece of a word diff between a quote (A) and another version of it (B). */
export interface DiffPart {
  op: 'same' | 'removed' | 'added';
  text: string;
}

export interface Location extends Span {
  uri: string;
}

/** A text edit inside one document, computed from the text the engine was given. */
export interface Fix {
  title: string;
  /** `title` as a message id and values (rules/messageTemplates.ts), for a front end that translates it. */
  titleL10n: Message;
  start: number;
  end: number;
  replacement: string;
  preferred: boolean;
  /** The source whose wording this fix uses, if any. */
  source?: Location;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** In English, as the CLI prints it. */
  message: string;
  /** `message` as a message id and values (rules/messageTemplates.ts), for a front end that translates it. */
  messageL10n: Message;
  start: number;
  end: number;
  related: (Location & { message: string; messageL10n: Message })[];
}

/** Another version of a quote found in a source. */
export interface Match {
  quote: Quote;
  relation: Relation;
  score: number;
  /** The part of the source quote that corresponds to the checked quote. */
  region: Span;
  diff: DiffPart[];
  /** The changed words in a line, e.g. `“through” → “through on”`; empty when no word changed. */
  changes: string;
  /** `changes` as a message (null when no word changed). */
  changesL10n: Message | null;
  /** The source wording rewritten to cover exactly the checked quote's extent; null for a paraphrase. */
  replacement: string | null;
}

export interface Canonical {
  text: string;
  reason: string;
  /** `reason` as a message. */
  reasonL10n: Message;
  source: Location | null;
}

export interface QuoteReport {
  quote: Quote;
  matches: Match[];
  findings: Finding[];
  canonical: Canonical | null;
  fixes: Fix[];
}

export interface DocumentReport {
  uri: string;
  quotes: QuoteReport[];
}
