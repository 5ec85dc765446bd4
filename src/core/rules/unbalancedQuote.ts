/** `unbalanced-quote`: an opening quotation mark that is never closed. */
import type { Finding, Quote, Severity } from '../types';
import type { RuleMeta } from './registry';
import { formatMessage, msg } from './formatMessage';

export const UNBALANCED_QUOTE: RuleMeta = Object.freeze({
  id: 'unbalanced-quote',
  description: 'A quotation mark is never closed.',
  defaultSeverity: 'warning',
  optionKey: 'unbalancedQuote',
  options: [],
} as const);

/** The finding sits on the opening mark, just before the quote's words. */
export function unbalancedQuoteFinding(severity: Severity, q: Quote): Finding {
  const messageL10n = msg('unbalancedQuote');
  return { rule: 'unbalanced-quote', severity, start: q.start - 1, end: q.start, message: formatMessage(messageL10n), messageL10n, related: [] };
}
