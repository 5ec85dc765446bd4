/**
 * The engine's entry point: check one analysed document against the source index. Gathers each quote's
 * versions (stage 6), picks the canonical wording (stage 7), and turns them into findings and fixes.
 */
import type { AnalyzedDoc, AnalyzedQuote } from '../analyze';
import { compare } from '../match/classify';
import { draftMisspelt } from '../match/respell';
import { replacementWording, wordDiff } from '../match/diff';
import { withoutRepeats } from './echoes';
import { compareSourceOrder } from '../config/order';
import { describeChanges } from './messages';
import { formatMessage } from './formatMessage';
import { addQuoteDiffers, type Change } from './quoteDiffers';
import { speakerDiffers } from './speakerDiffers';
import { unbalancedQuoteFinding } from './unbalancedQuote';
import { unverifiedQuoteFinding } from './unverifiedQuote';
import { NameBook } from '../attribute/identity';
import type { Options } from '../config/options';
import type { IndexView } from '../index/candidateSource';
import type { DocumentReport, Match, Quote, QuoteReport } from '../types';

/** Finds every quote's versions in the index (never in `doc` itself) and what to report. */
export function checkDocument(doc: AnalyzedDoc, index: IndexView, options: Options): DocumentReport {
  const names = lazyNames(doc, index);
  const hasSources = index.size.documents > (index.get(doc.uri) ? 1 : 0);
  const quotes = doc.quotes.map((q) => checkQuote(q, doc, index, options, names, hasSources));
  return { uri: doc.uri, quotes };
}

// The names of the whole index, indexed by word, rebuilt only when the index changes.
const books = new WeakMap<IndexView, { generation: number; book: NameBook }>();

function lazyNames(doc: AnalyzedDoc, index: IndexView): (short: string) => string {
  const memo = new Map<string, string>();
  return (short) => {
    if (short.includes(' ')) return short;
    let full = memo.get(short);
    if (full !== undefined) return full;
    // The article's own names first (resolveName reads latest first), then the sources'.
    full = new NameBook(doc.names).resolve(short) ?? sourceBook(index).resolve(short) ?? short;
    memo.set(short, full);
    return full;
  };
}

function sourceBook(index: IndexView): NameBook {
  const cached = books.get(index);
  if (cached && cached.generation === index.generation) return cached.book;
  const book = new NameBook(index.names());
  books.set(index, { generation: index.generation, book });
  return book;
}

function checkQuote(
  q: AnalyzedQuote,
  doc: AnalyzedDoc,
  index: IndexView,
  options: Options,
  resolve: (s: string) => string,
  hasSources: boolean,
): QuoteReport {
  // Below the threshold a speaker is not given at all: unattributed beats a wrong name.
  const given = (x: AnalyzedQuote) => (x.speaker && x.speakerConfidence >= options.attribute.minConfidence ? { speaker: resolve(x.speaker), speakerConfidence: x.speakerConfidence } : { speaker: null, speakerConfidence: 0 });
  const quote = { ...stripAnalysis(q), ...given(q) };
  const report: QuoteReport = { quote, matches: [], findings: [], canonical: null, fixes: [] };
  if (q.unbalanced && options.rules.unbalancedQuote !== 'off') {
    report.findings.push(unbalancedQuoteFinding(options.rules.unbalancedQuote, q));
  }
  if (q.tokens.length < options.match.minWords) return report;
  const a = { ...q, ...given(q) };
  const candidates = index.candidates(q.stems, doc.uri, options.match.maxCandidates);
  // Each match's changed words, which the finding reads (by match, so sorting cannot mix them up).
  const changes = new Map<Match, Change[]>();
  // A name or word the draft misspells as no source does ("check the spelling of the name") is worth a warning.
  const nameTypos = new Map<Match, string[]>();
  const sourceKeys = new Set<string>();
  const spans = new Map<Match, [number, number]>();
  for (const { quote: src } of candidates) {
    if (src.tokens.length < options.match.minWords) continue;
    // A term (a label, a motto) is nobody's words: it matches only the same label elsewhere.
    if ((q.kind === 'term') !== (src.kind === 'term')) continue;
    const b = { ...src, ...given(src) };
    const c = compare(a, b, options);
    if (!c) continue;
    const wording = replacementWording(a, b, c);
    const changesL10n = describeChanges(c.changes, 3, c.respelled);
    const match: Match = {
      quote: stripAnalysis(b), relation: c.relation, score: c.score, region: wording.region,
      diff: wordDiff(a, b, c), replacement: wording.text, changes: changesL10n ? formatMessage(changesL10n) : '', changesL10n,
    };
    report.matches.push(match);
    changes.set(match, c.changes);
    if (c.alignment) spans.set(match, [c.alignment.aStart, c.alignment.aEnd]);
    const names = c.respelled.filter(draftMisspelt).map((r) => r.removed[0].key);
    if (names.length) nameTypos.set(match, names);
    for (const t of src.tokens) sourceKeys.add(t.key);
  }
  report.matches = withoutRepeats(report.matches, spans);
  const differs = speakerDiffers(quote, report.matches.map((m) => m.quote), options);
  if (differs) report.findings.push(differs);
  report.matches.sort((x, y) => y.score - x.score || compareSourceOrder(x.quote.uri, y.quote.uri));
  const misspelt = new Set([...nameTypos].filter(([, keys]) => keys.some((k) => !sourceKeys.has(k))).map(([m]) => m));
  addQuoteDiffers(report, q, options, changes, misspelt, (uri) => index.get(uri)?.order ?? 0);
  if (report.matches.length === 0 && q.kind === 'quote' && hasSources && options.rules.unverifiedQuote !== 'off') {
    report.findings.push(unverifiedQuoteFinding(options.rules.unverifiedQuote, q));
  }
  return report;
}

/** The plain quote without the matching data, as front ends see it. */
function stripAnalysis(q: AnalyzedQuote): Quote {
  const { tokens: _t, stems: _s, speakerInferred: _i, ...rest } = q;
  return rest;
}
