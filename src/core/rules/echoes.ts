/**
 * Repeated words. A speaker says the same words twice (a refrain, a second telling of a story), and a
 * quote of one telling then matches the other with words changed. Two cases are told apart here:
 * - the draft's words are all found unchanged in one quote of a source: a changed match to another
 *   quote of that source is the repeat, and is dropped (`withoutRepeats`);
 * - the source words a quote differs from are quoted unchanged by another quote of the same article:
 *   this quote is probably the other telling. Verbatim is unsure, so it says less: the finding becomes
 *   information (`quietEchoes`). A misquote repeated in one article is still shown, just not as a warning.
 */
import { formatMessage } from './formatMessage';
import { withEchoNote } from './messages';
import type { Match, QuoteReport, Relation } from '../types';

const WORD_CHANGE: ReadonlySet<Relation> = new Set(['variant', 'paraphrase']);

/** `matches` without the changed repeats of words a source has unchanged elsewhere; `spans` are draft token ranges. */
export function withoutRepeats(matches: Match[], spans: Map<Match, [number, number]>): Match[] {
  const exact = matches.filter((m) => !WORD_CHANGE.has(m.relation) && spans.has(m));
  if (exact.length === 0) return matches;
  return matches.filter((m) => {
    const s = spans.get(m);
    if (!s || !WORD_CHANGE.has(m.relation)) return true;
    return !exact.some((e) => e.quote.uri === m.quote.uri && e.quote.start !== m.quote.start && spans.get(e)![0] <= s[0] && s[1] <= spans.get(e)![1]);
  });
}

/** The reports with `quote-differs` lowered to information where every changed match is an echo. */
export function quietEchoes(reports: QuoteReport[]): QuoteReport[] {
  // Source regions some quote of the article has without a word change, by source quote.
  const unchanged = new Map<string, { quote: number; start: number; end: number }[]>();
  reports.forEach((r, i) => {
    for (const m of r.matches) {
      if (WORD_CHANGE.has(m.relation)) continue;
      const key = `${m.quote.uri}\u0000${m.quote.start}`;
      let list = unchanged.get(key);
      if (!list) unchanged.set(key, (list = []));
      list.push({ quote: i, start: m.region.start, end: m.region.end });
    }
  });
  if (unchanged.size === 0) return reports;
  return reports.map((r, i) => {
    const changed = r.matches.filter((m) => WORD_CHANGE.has(m.relation));
    if (changed.length === 0) return r;
    const echo = (m: Match): boolean =>
      (unchanged.get(`${m.quote.uri}\u0000${m.quote.start}`) ?? []).some((u) => u.quote !== i && u.start <= m.region.start && m.region.end <= u.end);
    if (!changed.every(echo)) return r;
    const findings = r.findings.map((f) => {
      if (f.rule !== 'quote-differs' || (f.severity !== 'warning' && f.severity !== 'error')) return f;
      const messageL10n = withEchoNote(f.messageL10n);
      return { ...f, severity: 'info' as const, message: formatMessage(messageL10n), messageL10n };
    });
    return { ...r, findings };
  });
}
