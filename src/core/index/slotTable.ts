/**
 * The source index's quote fields as typed-array columns, one slot per quote. Every column is named
 * once, in COLUMNS: growing, compacting, exporting and importing all walk that list, so a new field is
 * one line here and cannot be forgotten in one of them.
 */

type Ctor = Int32ArrayConstructor | Uint8ArrayConstructor | Float64ArrayConstructor;

/**
 * The columns in export order. `saved` columns go into the persisted state by name; the others are
 * addresses into this process's text arena, stored as the quote's text instead.
 */
const COLUMNS = {
  /** The document's id; -1 for a tombstone. */
  doc: { type: Int32Array, saved: true },
  start: { type: Int32Array, saved: true },
  end: { type: Int32Array, saved: true },
  index: { type: Int32Array, saved: true },
  /** Interned strings (StringTable ids). */
  kind: { type: Int32Array, saved: true },
  speaker: { type: Int32Array, saved: true },
  open: { type: Int32Array, saved: true },
  close: { type: Int32Array, saved: true },
  flags: { type: Uint8Array, saved: true },
  /** How many distinct content stems a quote has; -1 for a tombstone. */
  stems: { type: Int32Array, saved: true },
  /** Arena address and byte length of a compact quote's text (textAt -1: none). */
  textAt: { type: Float64Array, saved: false },
  textBytes: { type: Int32Array, saved: false },
} satisfies Record<string, { type: Ctor; saved: boolean }>;

type Spec = typeof COLUMNS;
export type ColumnName = keyof Spec;
export type Columns = { -readonly [K in ColumnName]: InstanceType<Spec[K]['type']> };
/** The columns that are persisted: plain arrays for JSON, copies of the typed arrays for the binary store. */
export type SavedColumns = { [K in ColumnName as Spec[K]['saved'] extends true ? K : never]: number[] | InstanceType<Spec[K]['type']> };

const NAMES = Object.keys(COLUMNS) as ColumnName[];
const SAVED = NAMES.filter((k) => COLUMNS[k].saved) as (keyof SavedColumns)[];

export const FLAG_INFERRED = 1;
export const FLAG_UNBALANCED = 2;
// Bits 2–6 of the flags hold the speaker's confidence in twentieths.
const CONFIDENCE_SHIFT = 2;
/** The flag bits for a speaker confidence of 0–1. */
export const confidenceBits = (confidence: number): number => Math.round(confidence * 20) << CONFIDENCE_SHIFT;
/** The speaker confidence the flags hold. */
export const confidenceOf = (flags: number): number => (flags >> CONFIDENCE_SHIFT) / 20;
const INITIAL_SLOTS = 1024;

type Column = Int32Array | Uint8Array | Float64Array;

/**
 * Growing ahead: past 3/4 of the capacity, the columns grow (to 1.5 times) one at a time, one every
 * capacity/64 added slots, each replaced at once by its larger copy, so that no one insert allocates
 * and copies all twelve: doing so at once held the extension host 34-42 ms at 300,000 slots (fresh
 * pages zeroed while both cores were busy). Only one column is ever held twice, and only while it is
 * copied; the capacity is the shortest column's until the last has grown.
 */
const AHEAD_FROM = 0.75;
const AHEAD_STEPS = 64;

export class SlotTable {
  /** The columns; arrays are replaced when they grow, so read them through here, not a kept reference. */
  readonly col: Columns;
  /** Slots in use, live or tombstoned. */
  count = 0;
  /** Slots every column has room for. */
  private room = INITIAL_SLOTS;
  /** The slot count at which the next column grows ahead. */
  private aheadAt = Math.ceil(INITIAL_SLOTS * AHEAD_FROM);

  constructor() {
    const col: Partial<Record<ColumnName, Column>> = {};
    for (const k of NAMES) col[k] = new COLUMNS[k].type(INITIAL_SLOTS);
    this.col = col as Columns;
  }

  /** Room for at least `n` slots. */
  get capacity(): number {
    return this.room;
  }

  /** A new slot at the end (its fields are the caller's to write), growing the columns ahead of need. */
  add(): number {
    if (this.count >= this.aheadAt) this.growAhead();
    const slot = this.count++;
    if (this.count > this.room) this.ensure(this.count);
    return slot;
  }

  /** Marks `slot` a tombstone: no document, no stems. */
  tombstone(slot: number): void {
    this.col.doc[slot] = -1;
    this.col.stems[slot] = -1;
  }

  ensure(n: number): void {
    if (n <= this.room) return;
    let size = this.room;
    while (size < n) size = Math.ceil(size * 1.5);
    for (const k of NAMES) if (this.col[k].length < size) this.grow(k, size);
    this.room = size;
    this.aheadAt = Math.ceil(size * AHEAD_FROM);
  }

  /** Grows the next column still at the current capacity; the capacity rises with the last of them. */
  private growAhead(): void {
    const size = Math.ceil(this.room * 1.5);
    const k = NAMES.find((name) => this.col[name].length < size);
    if (k) this.grow(k, size);
    if (NAMES.every((name) => this.col[name].length >= size)) {
      this.room = size;
      this.aheadAt = Math.ceil(size * AHEAD_FROM);
    } else {
      this.aheadAt = this.count + Math.max(1, Math.floor(this.room / AHEAD_STEPS));
    }
  }

  /** Replaces column `k` by a copy of its used slots `size` long. */
  private grow(k: ColumnName, size: number): void {
    const col = this.col as Record<ColumnName, Column>;
    const next = new COLUMNS[k].type(size);
    next.set(col[k].subarray(0, this.count));
    col[k] = next;
  }

  /**
   * Moves every slot `s` with `remap[s] >= 0` to that slot (a compaction: `remap` numbers the kept
   * slots 0, 1, 2… in order, so no slot is overwritten before it is read). Kept slots come in runs (a
   * document's quotes; after a rebuild, most of the table), each moved by one copyWithin per column:
   * a loop of single moves across the three array types took 11-16 ms at 224,000 slots.
   */
  moveAll(remap: Int32Array): void {
    const runs: number[] = [];
    for (let s = 0; s < remap.length;) {
      if (remap[s] < 0) {
        s++;
        continue;
      }
      const from = s;
      while (s < remap.length && remap[s] >= 0) s++;
      if (remap[from] !== from) runs.push(from, remap[from], s - from);
    }
    const col = this.col as Record<ColumnName, Column>;
    for (const k of NAMES) {
      const c = col[k];
      for (let r = 0; r < runs.length; r += 3) c.copyWithin(runs[r + 1], runs[r], runs[r] + runs[r + 2]);
    }
  }

  /** The saved columns of slots `from`…`to`: plain arrays, or typed copies when `typed`. */
  exportSaved(from: number, to: number, typed = false): SavedColumns {
    const out: Partial<Record<keyof SavedColumns, unknown>> = {};
    for (const k of SAVED) out[k] = typed ? this.col[k].slice(from, to) : Array.from(this.col[k].subarray(from, to));
    return out as SavedColumns;
  }

  /** Fills the saved columns of `n` slots from `from` with `saved` (the others are the caller's). */
  importSaved(saved: SavedColumns, from: number, n: number): void {
    this.ensure(from + n);
    for (const k of SAVED) {
      if (saved[k].length !== n) throw new Error(`index state: column ${k} has ${saved[k].length} values for ${n} slots`);
      this.col[k].set(saved[k], from);
    }
    this.count = Math.max(this.count, from + n);
  }
}
