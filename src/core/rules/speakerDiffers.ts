/** `speaker-differs`: a source gives the same words to a different person. */
import type { Finding, Quote, Severity } from '../types';
import type { RuleMeta } from './registry';

export const SPEAKER_DIFFERS: RuleMeta = Object.freeze({
  id: 'speaker-differs',
  description: 'The same words are attributed to another speaker in another source.',
  defaultSeverity: 'warning',
  optionKey: 'speakerDiffers',
  options: [],
} as const);

/** The finding on `quote` (spoken by `speaker`) for a source quote `b` given to `b.speaker`. */
export function speakerDiffersFinding(severity: Severity, quote: Quote, speaker: string | null, b: Quote): Finding {
  return {
    rule: 'speaker-differs', severity, start: quote.start, end: quote.end,
    message: `Attributed here to ${speaker}, but to ${b.speaker} in ${b.label}.`,
    related: [{ uri: b.uri, start: b.start, end: b.end, message: `${b.speaker}’s version` }],
  };
}
