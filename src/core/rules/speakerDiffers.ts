/**
 * `speaker-differs`: the draft gives the words to someone other than the sources do. A wrong speaker on
 * either side makes a false alarm, so it fires only when the draft's speaker and the sources' are both
 * confident, are different people, and the sources that name one agree among themselves (a majority
 * of them name the same person): the draft is held against the sources together, not against one outlet.
 */
import { sameSpeaker } from '../attribute/identity';
import type { Options } from '../config/options';
import type { Finding } from '../types';
import type { RuleMeta } from './registry';
import { formatMessage, list, msg } from './formatMessage';

export const SPEAKER_DIFFERS: RuleMeta = Object.freeze({
  id: 'speaker-differs',
  description: 'The same words are attributed to another speaker in another source.',
  defaultSeverity: 'warning',
  optionKey: 'speakerDiffers',
  options: [],
} as const);

interface Voice { uri: string; label: string; start: number; end: number; speaker: string | null; speakerConfidence: number }

/** The finding for a draft quote `q` against the versions found in `sources`, or null. */
export function speakerDiffers(q: Voice, sources: readonly Voice[], options: Options): Finding | null {
  const level = options.rules.speakerDiffers;
  const sure = (v: Voice): v is Voice & { speaker: string } => v.speaker !== null && v.speakerConfidence >= options.attribute.confident;
  if (level === 'off' || !sure(q)) return null;
  // One vote per source document, however many of its quotes carry the words.
  const named = sources.filter(sure).filter((v, i, all) => all.findIndex((w) => w.uri === v.uri) === i);
  // The sources grouped by person; the largest group must be a majority of those naming someone.
  const groups: (typeof named)[] = [];
  for (const v of named) {
    const g = groups.find((x) => sameSpeaker(x[0].speaker, v.speaker));
    if (g) g.push(v);
    else groups.push([v]);
  }
  const major = groups.sort((x, y) => y.length - x.length)[0];
  if (!major || major.length * 2 <= named.length || sameSpeaker(q.speaker, major[0].speaker)) return null;
  const messageL10n = msg('speakerDiffers', { speaker: q.speaker, other: major[0].speaker, sources: list('list.comma', major.map((v) => v.label)) });
  return {
    rule: 'speaker-differs', severity: level, start: q.start, end: q.end, message: formatMessage(messageL10n), messageL10n,
    related: major.map((v) => {
      const m = msg('speakerDiffers.related', { speaker: v.speaker });
      return { uri: v.uri, start: v.start, end: v.end, message: formatMessage(m), messageL10n: m };
    }),
  };
}
