/** `--format sarif`: SARIF 2.1.0 for code-scanning tools. Columns are UTF-16 code units, 1-based. */
import { LineMap, type DocumentReport, type RuleId, type Severity } from '../../core';

const RULES: { id: RuleId; text: string }[] = [
  { id: 'quote-differs', text: 'A quote’s wording differs from the same utterance in another source.' },
  { id: 'speaker-differs', text: 'The same words are attributed to another speaker in another source.' },
  { id: 'unverified-quote', text: 'No source in the workspace has this quote.' },
  { id: 'unbalanced-quote', text: 'A quotation mark is never closed.' },
];
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(reports: readonly DocumentReport[], texts: ReadonlyMap<string, string>, version: string): string {
  const maps = new Map<string, LineMap>();
  const mapOf = (uri: string): LineMap => {
    let m = maps.get(uri);
    if (!m) maps.set(uri, (m = new LineMap(texts.get(uri) ?? '')));
    return m;
  };
  const location = (uri: string, start: number, end: number) => {
    const s = mapOf(uri).position(start);
    const e = mapOf(uri).position(end);
    return {
      physicalLocation: {
        artifactLocation: { uri: uri.replace(/\\/g, '/') },
        region: { startLine: s.line + 1, startColumn: s.column + 1, endLine: e.line + 1, endColumn: e.column + 1, charOffset: start, charLength: end - start },
      },
    };
  };
  const results = reports.flatMap((r) =>
    r.quotes.flatMap((q) =>
      q.findings.map((f) => ({
        ruleId: f.rule,
        ruleIndex: RULES.findIndex((x) => x.id === f.rule),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [location(r.uri, f.start, f.end)],
        ...(f.related.length
          ? { relatedLocations: f.related.map((rel, id) => ({ id, ...location(rel.uri, rel.start, rel.end), message: { text: rel.message } })) }
          : {}),
      })),
    ),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Verbatim',
            version,
            rules: RULES.map((r) => ({ id: r.id, shortDescription: { text: r.text } })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
