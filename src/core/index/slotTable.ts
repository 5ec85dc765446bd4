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

export class SlotTable {
  /** The columns; arrays are replaced when they grow, so read them through here, not a kept reference. */
  readonly col: Columns;
  /** Slots in use, live or tombstoned. */
  count = 0;

  constructor() {
    const col: Partial<Record<ColumnName, Int32Array | Uint8Array | Float64Array>> = {};
    for (const k of NAMES) col[k] = new COLUMNS[k].type(INITIAL_SLOTS);
    this.col = col as Columns;
  }

  /** Room for at least `n` slots. */
  get capacity(): number {
    return this.col.doc.length;
  }

  ensure(n: number): void {
    if (n <= this.capacity) return;
    let size = this.capacity;
    while (size < n) size = Math.ceil(size * 1.5);
    const col = this.col as Record<ColumnName, Int32Array | Uint8Array | Float64Array>;
    for (const k of NAMES) {
      const next = new COLUMNS[k].type(size);
      next.set(col[k]);
      col[k] = next;
    }
  }

  /**
   * Moves every slot `s` with `remap[s] >= 0` to that slot, column by column (a compaction: `remap` is
   * increasing and never above `s`, so no slot is overwritten before it is read).
   */
  moveAll(remap: Int32Array): void {
    const col = this.col as Record<ColumnName, Int32Array | Uint8Array | Float64Array>;
    for (const k of NAMES) {
      const c = col[k];
      for (let s = 0; s < remap.length; s++) if (remap[s] >= 0) c[remap[s]] = c[s];
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
