/**
 * Stage 7: the canonical wording of a quote, the one the preferred quick fix offers. Decided by the
 * configured authority order of sources, then by the wording most sources share, then by the earliest
 * source — and always explained in one line.
 */
import { matchGlob } from '../config/glob';
import { compareSourceOrder } from '../config/order';
import type { Canonical, Match } from '../types';

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The canonical wording among the draft's own and its matches' wordings, or null when nothing differs. */
export function canonicalWording(all: readonly Match[], authority: readonly string[], orderOf: (uri: string) => number): Canonical | null {
  if (!all.some((m) => m.relation !== 'identical' && m.relation !== 'excerpt')) return null;
  // A paraphrase, or a version that covers fewer of the draft's words, is no wording of the whole quote.
  const matches = all.filter((m): m is Match & { replacement: string } => m.replacement !== null);
  if (matches.length === 0) return null;
  for (const glob of authority) {
    const m = matches.find((x) => matchGlob(glob, x.quote.uri));
    if (m) return { text: m.replacement, reason: `${m.quote.label} comes first in the authority order`, source: loc(m) };
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
    return { text: m.replacement, reason: `${ranked[0].length} of ${sourceCount} sources agree on it`, source: loc(m) };
  }
  const earliest = [...matches].sort((x, y) => orderOf(x.quote.uri) - orderOf(y.quote.uri) || compareSourceOrder(x.quote.uri, y.quote.uri))[0];
  if (ranked.length === 1 && ranked[0].length > 1) {
    return { text: earliest.replacement, reason: `all ${sourceCount} sources agree on it`, source: loc(earliest) };
  }
  return { text: earliest.replacement, reason: `the earliest source, ${earliest.quote.label}, has it`, source: loc(earliest) };
}

function loc(m: Match) {
  return { uri: m.quote.uri, start: m.region.start, end: m.region.end };
}
