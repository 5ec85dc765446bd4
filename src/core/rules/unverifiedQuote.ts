/** `unverified-quote`: no source in the workspace has the quote. */
import type { Finding, Quote, Severity } from '../types';
import type { RuleMeta } from './registry';
import { formatMessage, msg } from './formatMessage';

export const UNVERIFIED_QUOTE: RuleMeta = Object.freeze({
  id: 'unverified-quote',
  description: 'No source in the workspace has this quote.',
  defaultSeverity: 'info',
  optionKey: 'unverifiedQuote',
  options: [],
} as const);

export function unverifiedQuoteFinding(severity: Severity, q: Quote): Finding {
  const messageL10n = msg('unverifiedQuote');
  return { rule: 'unverified-quote', severity, start: q.start, end: q.end, message: formatMessage(messageL10n), messageL10n, related: [] };
}
