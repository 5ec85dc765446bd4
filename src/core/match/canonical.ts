/**
 * Stage 7: the canonical wording of a quote, the one the preferred quick fix offers. Decided by the
 * configured authority order of sources, then by the wording most sources share, then by the earliest
 * source — and always explained in one line.
 */
import { matchGlob } from '../config/glob';
import { compareSourceOrder } from '../config/order';
import type { Canonical, Match } from '../types';
import { formatMessage, msg, type Message } from '../rules/formatMessage';

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The canonical wording among the draft's own and its matches' wordings, or null when nothing differs. */
export function canonicalWording(all: readonly Match[], authority: readonly string[], orderOf: (uri: string) => number): Canonical | null {
  if (!all.some((m) => m.relation !== 'identical' && m.relation !== 'excerpt')) return null;
  // A paraphrase, or a version that covers fewer of the draft's words, is no wording of the whole quote.
  const matches = all.filter((m): m is Match & { replacement: string } => m.replacement !== null);
  if (matches.length === 0) return null;
  for (const glob of authority) {
    const m = matches.find((x) => matchGlob(glob, x.quote.uri));
    if (m) return canonical(m, msg('canonical.authority', { label: m.quote.label }));
  }
  // Each source votes for its wording; the draft's wording is among them through identical matches.
  const votes = new Map<string, typeof matches>();
  for (const m of matches) {
    const key = norm(m.replacement);
    const list = votes.get(key) ?? [];
    if (!list.some((x) => x.quote.uri === m.quote.uri)) list.push(m);
    votes.set(key, list);
  }
  const ranked = [...votes.values()].sort((x, y) => y.length - x.length);
  const sourceCount = new Set(matches.map((m) => m.quote.uri)).size;
  if (ranked.length > 1 && ranked[0].length > ranked[1].length) {
    const m = ranked[0][0];
    return canonical(m, msg('canonical.majority', { count: ranked[0].length, total: sourceCount }));
  }
  const earliest = [...matches].sort((x, y) => orderOf(x.quote.uri) - orderOf(y.quote.uri) || compareSourceOrder(x.quote.uri, y.quote.uri))[0];
  if (ranked.length === 1 && ranked[0].length > 1) {
    return canonical(earliest, msg('canonical.all', { total: sourceCount }));
  }
  return canonical(earliest, msg('canonical.earliest', { label: earliest.quote.label }));
}

function canonical(m: Match & { replacement: string }, reasonL10n: Message): Canonical {
  return { text: m.replacement, reason: formatMessage(reasonL10n), reasonL10n, source: loc(m) };
}

function loc(m: Match) {
  return { uri: m.quote.uri, start: m.region.start, end: m.region.end };
}
