/** Storage pieces of the source index: growable posting lists and interned strings. */

/** A growable list of slot numbers. */
export class Postings {
  data: Int32Array;
  length = 0;

  constructor(capacity = 2) {
    this.data = new Int32Array(capacity);
  }

  push(slot: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length < 64 ? this.data.length * 2 : Math.ceil(this.data.length * 1.5));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = slot;
  }
}

/** Interns the few strings quote fields take (kinds, marks, speakers): each slot holds a number. */
export class StringTable {
  readonly values: (string | null | undefined)[] = [null, undefined];
  private readonly ids = new Map<string, number>();

  /** The id of a string already interned, if any. */
  idOf(s: string): number | undefined {
    return this.ids.get(s);
  }

  id(s: string | null | undefined): number {
    if (s === null) return 0;
    if (s === undefined) return 1;
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(s);
      this.ids.set(s, id);
    }
    return id;
  }
}
