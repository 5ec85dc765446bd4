/**
 * Persistence of the source index as lines of JSON, so a front end can store it (the extension in its
 * storage, the CLI in a cache file) and reload an archive without analysing it again. Pure: strings in
 * and out. One line per part of the state (indexState.ts) between a head line and an end line: a front
 * end can write or read a line, give its thread back, and go on — and a file cut short is known by its
 * missing end line. Slot numbers, tombstones included, are kept as they are, so a reloaded index gives
 * exactly the candidates — and checks — the saved one gave.
 */
import { QuoteIndex, type StatePart } from './sourceIndex';

const FORMAT = 'verbatim-index';
// 3: words fold by transliteration, written numbers are one token (issue 15): older keys differ.
// 4: speaker confidences in the quote flags.
// 5: lines of state parts, written and read a slice at a time.
// 6: a part's document texts in one string.
export const VERSION = 6;

/** Posting lists are ascending: stored as the gaps, which are short numbers. */
function gaps(part: StatePart): StatePart {
  if (!('postings' in part)) return part;
  return { postings: part.postings.map(([stem, slots]): [string, number[]] => [stem, slots.map((s, i) => (i === 0 ? s : s - slots[i - 1]))]) };
}

function ungap(part: StatePart): StatePart {
  if ('postings' in part) {
    for (const [, slots] of part.postings) for (let i = 1; i < slots.length; i++) slots[i] += slots[i - 1];
  }
  return part;
}

/**
 * The index (and any small `meta` a front end wants back) as lines without their newlines, made one
 * at a time as they are asked for. Throws if the index changes between two lines: what was written
 * would describe no index that ever was.
 */
export function* indexLines(index: QuoteIndex, meta: Record<string, unknown> = {}): Generator<string> {
  const generation = index.generation;
  yield JSON.stringify({ format: FORMAT, version: VERSION, meta });
  for (const part of index.stateParts()) {
    if (index.generation !== generation) throw new Error('the index changed while it was being written');
    yield JSON.stringify(gaps(part));
  }
  yield JSON.stringify({ end: true });
}

/** Reads the lines `indexLines` gave, in order; `finish` gives the index. Throws on anything else. */
export function indexReader(): { line(text: string): void; finish(): { index: QuoteIndex; meta: Record<string, unknown> } } {
  let meta: Record<string, unknown> | undefined;
  let ended = false;
  const importer = QuoteIndex.importer();
  return {
    line(text) {
      if (ended) throw new Error('the Verbatim index goes on after its end');
      const value = JSON.parse(text) as Record<string, unknown> | null;
      if (!value || typeof value !== 'object') throw new Error('not a Verbatim index');
      if (!meta) {
        if (value.format !== FORMAT) throw new Error('not a Verbatim index');
        if (value.version !== VERSION) throw new Error(`Verbatim index version ${String(value.version)} is not supported (expected ${VERSION})`);
        meta = (value.meta as Record<string, unknown>) ?? {};
      } else if (value.end === true) ended = true;
      else importer.add(ungap(value as StatePart));
    },
    finish() {
      if (!meta || !ended) throw new Error('the Verbatim index is cut short');
      return { index: importer.finish(), meta };
    },
  };
}

/** The index (and `meta`) as one string: `indexLines` joined. */
export function serializeIndex(index: QuoteIndex, meta: Record<string, unknown> = {}): string {
  return [...indexLines(index, meta)].join('\n');
}

/** The index stored by `serializeIndex`, and its `meta`. Throws on anything else. */
export function deserializeIndex(data: string): { index: QuoteIndex; meta: Record<string, unknown> } {
  const reader = indexReader();
  for (const line of data.split('\n')) if (line) reader.line(line);
  return reader.finish();
}
