/**
 * The ignore filter: quotes an editor chose to ignore, each named by its file (relative to the folder the
 * list belongs to) and its words, so it stays ignored while the text around it moves. Entries come from
 * the configuration file's `ignore` and from `.verbatim/ignore.json` beside it.
 */
import type { DocumentReport } from '../types';

export interface IgnoreEntry {
  file: string;
  text: string;
}

export const IGNORE_FILE = '.verbatim/ignore.json';

const norm = (text: string): string => text.replace(/\s+/g, ' ').trim();
const keyOf = (file: string, text: string): string => `${file.replace(/\\/g, '/').replace(/^\.\//, '')}\n${norm(text)}`;

export class IgnoreList {
  private readonly keys: Set<string>;

  constructor(readonly entries: readonly IgnoreEntry[] = []) {
    this.keys = new Set(entries.map((e) => keyOf(e.file, e.text)));
  }

  get size(): number {
    return this.keys.size;
  }

  /** True when the quote with `text` in `file` (relative to the list's folder) is ignored. */
  has(file: string, text: string): boolean {
    return this.keys.has(keyOf(file, text));
  }

  /** This list with one more entry (the quote's words with their spaces folded). */
  with(file: string, text: string): IgnoreList {
    return this.has(file, text) ? this : new IgnoreList([...this.entries, { file, text: norm(text) }]);
  }

  /** Positions of the report's quotes that are ignored, `file` being the document's path relative to the list's folder. */
  ignoredIn(report: DocumentReport, file: string): Set<number> {
    const out = new Set<number>();
    report.quotes.forEach((q, i) => { if (this.has(file, q.quote.text)) out.add(i); });
    return out;
  }
}

/** The entries of an `.verbatim/ignore.json` text (`{ "version": 1, "quotes": [{ "file", "text" }] }`); throws on invalid JSON. */
export function parseIgnoreFile(text: string): IgnoreEntry[] {
  const data = JSON.parse(text) as { quotes?: unknown };
  const quotes = Array.isArray(data?.quotes) ? data.quotes : [];
  return quotes.filter((q): q is IgnoreEntry => !!q && typeof q.file === 'string' && typeof q.text === 'string');
}

/** The text of an `.verbatim/ignore.json` holding `entries`. */
export function formatIgnoreFile(entries: readonly IgnoreEntry[]): string {
  return JSON.stringify({ version: 1, quotes: entries }, null, 2) + '\n';
}
