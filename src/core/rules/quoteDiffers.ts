/**
 * `quote-differs`: a quote's words differ from the same utterance in a source. Its severity follows the
 * relation to each source (the most severe deciding), raised when a changed word changes the meaning.
 * A quote that has the canonical wording is not a warning: when the sources disagree among themselves
 * it is information, naming the sources that differ and the one the quote follows.
 */
import type { AnalyzedQuote } from '../analyze';
import type { Level, Options } from '../config/options';
import { canonicalWording } from '../match/canonical';
import type { Finding, Fix, Match, QuoteReport, Relation, Token } from '../types';
import { meaningChanged, quoteDiffersMessage } from './messages';
import { formatMessage, list, msg, type Message } from './formatMessage';
import type { RuleMeta } from './registry';
import { maxLevel, minLevel } from './severity';

export const QUOTE_DIFFERS: RuleMeta = Object.freeze({
  id: 'quote-differs',
  description: 'A quote’s wording differs from the same utterance in another source.',
  defaultSeverity: 'warning',
  optionKey: 'quoteDiffers',
  options: [{ key: 'meaningChange', kind: 'level', description: 'The level a finding is raised to when a changed word is a number, a negation or a name.' }],
} as const);

/** The words that differ between a checked quote (removed) and a source's version (added). */
export type Change = { removed: Token[]; added: Token[] };

const WORD_CHANGE: ReadonlySet<Relation> = new Set(['variant', 'paraphrase']);
const SAME_WORDS: ReadonlySet<Relation> = new Set(['identical', 'excerpt']);
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
const words = (ts: Token[]): string => ts.map((t) => t.raw).join(' ');

/** What a source does to the quote's words, as its own action: `adds “on”`, `drops “also”`, `has “so” for “that”`. */
export function sourceChanges(changes: readonly Change[], max = 1): Message {
  const parts = changes.slice(0, max).map((c) => {
    const values = { removed: words(c.removed), added: words(c.added) };
    if (c.removed.length && c.added.length) return msg('source.has', values);
    if (c.added.length) return msg('source.adds', values);
    return msg('source.drops', values);
  });
  const shown = list('list.comma', parts);
  const more = changes.length - parts.length;
  return more > 0 ? msg(more === 1 ? 'source.more.one' : 'source.more.other', { changes: shown, count: more }) : shown;
}

/**
 * The message when the quote follows the canonical wording and other sources word it differently:
 * `follows` names the canonical source, or, when that source also has a differing version (a quote its
 * parts match in several places), the reason the wording is canonical.
 */
export function sourcesDisagreeMessage(differing: readonly { match: Match; changes: readonly Change[] }[], follows: Match, reason: Message, max = 2): Message {
  const what = (d: { match: Match; changes: readonly Change[] }): Message =>
    d.match.relation === 'paraphrase' ? msg('disagree.paraphrases') : d.changes.length ? sourceChanges(d.changes) : msg('disagree.differsIn', { relation: d.match.relation });
  const shown = differing.slice(0, max).map((d) => msg('disagree.source', { label: d.match.quote.label, what: what(d) }));
  const more = differing.length - shown.length;
  if (more > 0) shown.push(msg(more === 1 ? 'disagree.more.one' : 'disagree.more.other', { count: more }));
  const sources = list('list.semicolon', shown);
  return differing.some((d) => d.match.quote.uri === follows.quote.uri)
    ? msg('disagree.canonical', { sources, reason })
    : msg('disagree.follows', { sources, label: follows.quote.label });
}

/**
 * Picks the canonical wording and fixes, then adds the `quote-differs` finding (first) if any source
 * differs at a level that is not off. `changes` holds each match's changed words; a match in
 * `misspelt` has a name or word the draft misspells as no source does, worth a warning at least.
 */
export function addQuoteDiffers(
  report: QuoteReport, q: AnalyzedQuote, options: Options, changes: ReadonlyMap<Match, readonly Change[]>,
  misspelt: ReadonlySet<Match>, orderOf: (uri: string) => number,
): void {
  const levelOf = (m: Match): Level => (misspelt.has(m) ? maxLevel(options.relations[m.relation], 'warning') : options.relations[m.relation]);
  const differing = report.matches.filter((m) => levelOf(m) !== 'off');
  report.canonical = canonicalWording(report.matches, options.authority, orderOf);
  report.fixes = fixesFor(q, report);
  if (differing.length === 0 || q.kind === 'term' || options.rules.quoteDiffers === 'off') return;
  const raised = report.matches.some((m) => meaningChanged(changes.get(m) ?? []) && WORD_CHANGE.has(m.relation) && options.relations[m.relation] !== 'off');
  let severity = differing.map(levelOf).reduce(maxLevel);
  if (raised && options.rules.meaningChange !== 'off') severity = maxLevel(severity, options.rules.meaningChange);
  if (options.rules.quoteDiffers !== 'auto' && severity !== 'off') severity = options.rules.quoteDiffers;
  // A draft that misspells a name the canonical source spells right does not "follow" it.
  const follows = followsCanonical(q, report);
  let message = quoteDiffersMessage(differing);
  if (follows && !misspelt.has(follows)) {
    const others = report.matches
      .map((match) => ({ match, changes: changes.get(match) ?? [] }))
      .filter((d) => d.match !== follows && !SAME_WORDS.has(d.match.relation) && levelOf(d.match) !== 'off');
    if (others.length) {
      severity = minLevel(severity, 'info');
      message = sourcesDisagreeMessage(others, follows, report.canonical!.reasonL10n);
    }
  }
  if (severity === 'off') return;
  const finding: Finding = {
    rule: 'quote-differs', severity, start: q.start, end: q.end,
    message: formatMessage(message), messageL10n: message,
    related: differing.map((m) => {
      const r = m.quote.speaker === null ? msg('quoteDiffers.related.unattributed', { relation: m.relation }) : msg('quoteDiffers.related', { relation: m.relation, speaker: m.quote.speaker });
      return { uri: m.quote.uri, start: m.region.start, end: m.region.end, message: formatMessage(r), messageL10n: r };
    }),
  };
  report.findings.unshift(finding);
}

/**
 * The canonical source's match when the quote already has its words (no canonical fix is offered, or
 * the canonical source differs from it in no word); undefined otherwise.
 */
function followsCanonical(q: AnalyzedQuote, report: QuoteReport): Match | undefined {
  const c = report.canonical;
  if (!c?.source) return undefined;
  const from = report.matches.find((m) => m.quote.uri === c.source!.uri && m.region.start === c.source!.start && m.region.end === c.source!.end);
  if (!from) return undefined;
  return norm(c.text) === norm(q.text) || !WORD_CHANGE.has(from.relation) ? from : undefined;
}

function fixesFor(q: AnalyzedQuote, report: QuoteReport): Fix[] {
  const fixes: Fix[] = [];
  const seen = new Set<string>([q.text]);
  const c = report.canonical;
  if (c && !seen.has(c.text)) {
    seen.add(c.text);
    const titleL10n = msg('fix.canonical', { reason: c.reasonL10n });
    fixes.push({ title: formatMessage(titleL10n), titleL10n, start: q.start, end: q.end, replacement: c.text, preferred: true, ...(c.source ? { source: c.source } : {}) });
  }
  for (const m of report.matches) {
    if (m.replacement === null || seen.has(m.replacement)) continue;
    seen.add(m.replacement);
    const titleL10n = msg('fix.source', { label: m.quote.label });
    fixes.push({
      title: formatMessage(titleL10n), titleL10n, start: q.start, end: q.end, replacement: m.replacement, preferred: false,
      source: { uri: m.quote.uri, start: m.region.start, end: m.region.end },
    });
  }
  return fixes;
}
