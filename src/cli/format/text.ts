/**
 * `--format text`: compiler-style lines (`path:line:col: severity rule: message`), then each other
 * version with its source and the differing words marked, then a summary. Colour only when asked.
 */
import { LineMap, renderDiff, type DiffPart, type DocumentReport } from '../../core';

const ESC = '\u001b[';
const paint = (on: boolean, code: string, s: string): string => (on ? `${ESC}${code}m${s}${ESC}0m` : s);

/** Removes control characters so article text cannot move the cursor or recolour the terminal. */
export function inert(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '').replace(/\s+/g, ' ');
}

function diffLine(parts: readonly DiffPart[], color: boolean): string {
  const mark = (op: 'removed' | 'added', text: string): string =>
    color ? paint(color, op === 'removed' ? '31;9' : '32;1', inert(text)) : op === 'removed' ? `[-${inert(text)}-]` : `{+${inert(text)}+}`;
  return renderDiff(parts, mark, inert);
}

export function toText(reports: readonly DocumentReport[], texts: ReadonlyMap<string, string>, color: boolean): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let quotes = 0;
  for (const r of reports) {
    const map = new LineMap(texts.get(r.uri) ?? '');
    quotes += r.quotes.length;
    for (const q of r.quotes) {
      for (const f of q.findings) {
        counts[f.severity]++;
        const pos = map.position(f.start);
        const sev = paint(color, f.severity === 'error' ? '31;1' : f.severity === 'warning' ? '33;1' : '36', f.severity);
        lines.push(`${r.uri}:${pos.line + 1}:${pos.column + 1}: ${sev} ${f.rule}: ${inert(f.message)}`);
        if (f.rule !== 'quote-differs' && f.rule !== 'speaker-differs') continue;
        lines.push(`    this text: “${inert(q.quote.text)}”${q.quote.speaker ? ` (${inert(q.quote.speaker)})` : ''}`);
        for (const m of q.matches) {
          if (m.relation === 'identical' || m.relation === 'excerpt') continue;
          const mp = new LineMap(texts.get(m.quote.uri) ?? '').position(m.quote.start);
          lines.push(`    ${m.relation} in ${m.quote.label}:${mp.line + 1}:${mp.column + 1}${m.quote.speaker ? ` (${inert(m.quote.speaker)})` : ''}: “${diffLine(m.diff, color)}”`);
        }
        if (q.canonical) lines.push(`    canonical: “${inert(q.canonical.text)}” — ${inert(q.canonical.reason)}`);
      }
    }
  }
  const docs = reports.length;
  lines.push(
    `${quotes} quote${quotes === 1 ? '' : 's'} in ${docs} document${docs === 1 ? '' : 's'}: ` +
      `${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ` +
      `${counts.info} info, ${counts.hint} hint${counts.hint === 1 ? '' : 's'}`,
  );
  return lines.join('\n');
}
