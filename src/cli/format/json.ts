/** `--format json`: exactly the contract in DESIGN.md ("Output contract of verbatim check"). */
import type { DocumentReport } from '../../core';

export function toJson(reports: readonly DocumentReport[]): string {
  const out = {
    version: 1,
    documents: reports.map((r) => ({
      path: r.uri,
      quotes: r.quotes.map((q) => ({
        start: q.quote.start,
        end: q.quote.end,
        text: q.quote.text,
        kind: q.quote.kind,
        speaker: q.quote.speaker,
        speakerConfidence: q.quote.speakerConfidence,
        matches: q.matches.map((m) => ({
          path: m.quote.uri,
          start: m.quote.start,
          end: m.quote.end,
          text: m.quote.text,
          speaker: m.quote.speaker,
          speakerConfidence: m.quote.speakerConfidence,
          relation: m.relation,
          score: m.score,
        })),
        findings: q.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
      })),
    })),
  };
  return JSON.stringify(out, null, 2);
}
