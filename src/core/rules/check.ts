/**
 * The engine's entry point: check one analysed document against the source index. Gathers each quote's
 * versions (stage 6), picks the canonical wording (stage 7), and turns them into findings and fixes.
 */
import type { AnalyzedDoc, AnalyzedQuote } from '../analyze';
import { canonicalWording } from '../match/canonical';
import { compare } from '../match/classify';
import { replacementWording, wordDiff } from '../match/diff';
import { describeChanges, meaningChanged, quoteDiffersMessage } from './messages';
import { speakerDiffers } from './speakerDiffers';
import { NameBook } from '../attribute/names';
import type { Options } from '../config/options';
import type { QuoteIndex } from '../index/sourceIndex';
import type { DocumentReport, Finding, Fix, Quote, QuoteReport, Relation } from '../types';

const WORD_CHANGE: ReadonlySet<Relation> = new Set(['variant', 'paraphrase']);

/** Finds every quote's versions in the index (never in `doc` itself) and what to report. */
export function checkDocument(doc: AnalyzedDoc, index: QuoteIndex, options: Options): DocumentReport {
  const names = lazyNames(doc, index);
  const hasSources = index.size.documents > (index.get(doc.uri) ? 1 : 0);
  const quotes = doc.quotes.map((q) => checkQuote(q, doc, index, options, names, hasSources));
  return { uri: doc.uri, quotes };
}

// The names of the whole index, indexed by word, rebuilt only when the index changes.
const books = new WeakMap<QuoteIndex, { generation: number; book: NameBook }>();

function lazyNames(doc: AnalyzedDoc, index: QuoteIndex): (short: string) => string {
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

function sourceBook(index: QuoteIndex): NameBook {
  const cached = books.get(index);
  if (cached && cached.generation === index.generation) return cached.book;
  const book = new NameBook(index.names());
  books.set(index, { generation: index.generation, book });
  return book;
}

function checkQuote(
  q: AnalyzedQuote,
  doc: AnalyzedDoc,
  index: QuoteIndex,
  options: Options,
  resolve: (s: string) => string,
  hasSources: boolean,
): QuoteReport {
  // Below the threshold a speaker is not given at all: unattributed beats a wrong name.
  const given = (x: AnalyzedQuote) => (x.speaker && x.speakerConfidence >= options.attribute.minConfidence ? { speaker: resolve(x.speaker), speakerConfidence: x.speakerConfidence } : { speaker: null, speakerConfidence: 0 });
  const quote = { ...stripAnalysis(q), ...given(q) };
  const report: QuoteReport = { quote, matches: [], findings: [], canonical: null, fixes: [] };
  if (q.unbalanced && options.rules.unbalancedQuote !== 'off') {
    report.findings.push({
      rule: 'unbalanced-quote', severity: options.rules.unbalancedQuote, start: q.start - 1, end: q.start,
      message: 'This quotation mark is never closed: the quote runs to the end of the paragraph.', related: [],
    });
  }
  if (q.tokens.length < options.match.minWords) return report;
  const a = { ...q, ...given(q) };
  const candidates = index.candidates(q.stems, doc.uri, options.match.maxCandidates);
  const meaning: boolean[] = [];
  for (const { quote: src } of candidates) {
    if (src.tokens.length < options.match.minWords) continue;
    // A term (a label, a motto) is nobody's words: it matches only the same label elsewhere.
    if ((q.kind === 'term') !== (src.kind === 'term')) continue;
    const b = { ...src, ...given(src) };
    const c = compare(a, b, options);
    if (!c) continue;
    const wording = replacementWording(a, b, c);
    report.matches.push({
      quote: stripAnalysis(b), relation: c.relation, score: c.score, region: wording.region,
      diff: wordDiff(a, b, c), replacement: wording.text, changes: describeChanges(c.changes),
    });
    meaning.push(meaningChanged(c.changes));
  }
  const differs = speakerDiffers(quote, report.matches.map((m) => m.quote), options);
  if (differs) report.findings.push(differs);
  report.matches.sort((x, y) => y.score - x.score || x.quote.uri.localeCompare(y.quote.uri));
  addQuoteDiffers(report, q, options, meaning, (uri) => index.get(uri)?.order ?? 0);
  if (report.matches.length === 0 && q.kind === 'quote' && hasSources && options.rules.unverifiedQuote !== 'off') {
    report.findings.push({
      rule: 'unverified-quote', severity: options.rules.unverifiedQuote, start: q.start, end: q.end,
      message: 'No source in the workspace has this quote.', related: [],
    });
  }
  return report;
}

function addQuoteDiffers(report: QuoteReport, q: AnalyzedQuote, options: Options, meaning: boolean[], orderOf: (uri: string) => number): void {
  const differing = report.matches.filter((m) => options.relations[m.relation] !== 'off');
  report.canonical = canonicalWording(report.matches, options.authority, orderOf);
  report.fixes = fixesFor(q, report);
  if (differing.length === 0 || q.kind === 'term') return;
  const raised = report.matches.some((m, i) => meaning[i] && WORD_CHANGE.has(m.relation) && options.relations[m.relation] !== 'off');
  const levels = differing.map((m) => options.relations[m.relation]);
  const rank = { off: 0, hint: 1, info: 2, warning: 3, error: 4 } as const;
  let severity = levels.reduce((x, y) => (rank[y] > rank[x] ? y : x));
  if (raised && options.rules.meaningChange !== 'off' && rank[options.rules.meaningChange] > rank[severity]) {
    severity = options.rules.meaningChange;
  }
  if (severity === 'off') return;
  const finding: Finding = {
    rule: 'quote-differs', severity, start: q.start, end: q.end,
    message: quoteDiffersMessage(differing),
    related: differing.map((m) => ({
      uri: m.quote.uri, start: m.region.start, end: m.region.end,
      message: `${m.relation} (${m.quote.speaker ?? 'unattributed'})`,
    })),
  };
  report.findings.unshift(finding);
}

function fixesFor(q: AnalyzedQuote, report: QuoteReport): Fix[] {
  const fixes: Fix[] = [];
  const seen = new Set<string>([q.text]);
  const c = report.canonical;
  if (c && !seen.has(c.text)) {
    seen.add(c.text);
    fixes.push({ title: `Use the canonical wording (${c.reason})`, start: q.start, end: q.end, replacement: c.text, preferred: true, ...(c.source ? { source: c.source } : {}) });
  }
  for (const m of report.matches) {
    if (m.replacement === null || seen.has(m.replacement)) continue;
    seen.add(m.replacement);
    fixes.push({
      title: `Use the wording of ${m.quote.label}`, start: q.start, end: q.end, replacement: m.replacement, preferred: false,
      source: { uri: m.quote.uri, start: m.region.start, end: m.region.end },
    });
  }
  return fixes;
}

/** The plain quote without the matching data, as front ends see it. */
function stripAnalysis(q: AnalyzedQuote): Quote {
  const { tokens: _t, stems: _s, speakerInferred: _i, ...rest } = q;
  return rest;
}
