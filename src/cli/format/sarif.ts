/** `--format sarif`: SARIF 2.1.0 for code-scanning tools. Columns are UTF-16 code units, 1-based. */
import { LineMap, RULES, ruleAnchor, type DocumentReport, type Level, type RuleId } from '../../core';

const LEVEL: Record<Level, 'error' | 'warning' | 'note' | 'none'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note', off: 'none' };

/**
 * The SARIF log; `rulesDoc` is the absolute URI of docs/rules.md (each rule's `helpUri` is its section
 * there).
 */
export function toSarif(reports: readonly DocumentReport[], texts: ReadonlyMap<string, string>, version: string, rulesDoc: string): string {
  const helpUri = (id: RuleId): string => `${rulesDoc}#${ruleAnchor(id)}`;
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
        // SARIF's levels fold info and hint into "note"; the property keeps Verbatim's own.
        properties: { severity: f.severity },
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
            informationUri: rulesDoc,
            rules: RULES.map((r) => ({
              id: r.id, shortDescription: { text: r.description }, helpUri: helpUri(r.id),
              defaultConfiguration: { enabled: r.defaultSeverity !== 'off', level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
