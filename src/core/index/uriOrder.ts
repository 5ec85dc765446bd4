/**
 * Documents ranked by uri in the one source order (config/order.ts, code units), so that ordering candidates by document compares integers
 * instead of collating strings. Kept up to date cheaply: a document added joins an unsorted tail that is
 * merged in on the next read (one binary search each, or one sort after a bulk load); a removed one is
 * dropped on the next read. Equal uris share a rank, so
 * the order is exactly compareSourceOrder's.
 */

import { compareSourceOrder } from '../config/order';

interface Entry {
  id: number;
  uri: string;
  /** Collates equal to the entry before it in the sorted list. */
  tiesPrev: boolean;
  gone: boolean;
}

export class UriOrder {
  private list: Entry[] = [];
  private sorted = 0;
  private gone = 0;
  private fresh = true;
  private readonly byId = new Map<number, Entry>();
  private rankById = new Int32Array(1024);

  add(id: number, uri: string): void {
    const e: Entry = { id, uri, tiesPrev: false, gone: false };
    this.byId.set(id, e);
    this.list.push(e);
    this.fresh = false;
  }

  remove(id: number): void {
    const e = this.byId.get(id);
    if (!e) return;
    this.byId.delete(id);
    e.gone = true;
    this.gone++;
    this.fresh = false;
  }

  /** Ranks by document id: lower collates earlier; equal ranks collate equal. Valid until the next change. */
  ranks(): Int32Array {
    if (!this.fresh) this.refresh();
    return this.rankById;
  }

  private refresh(): void {
    let list = this.list;
    if (this.gone) {
      // Dropping an entry can make its successor collate equal to a new predecessor.
      const kept: Entry[] = [];
      let sorted = 0;
      let recheck = false;
      list.forEach((e, i) => {
        if (e.gone) { if (i < this.sorted) recheck = true; return; }
        if (i < this.sorted) {
          if (recheck) e.tiesPrev = kept.length > 0 && compareSourceOrder(kept[kept.length - 1].uri, e.uri) === 0;
          recheck = false;
          sorted++;
        }
        kept.push(e);
      });
      list = kept;
      this.sorted = sorted;
      this.gone = 0;
    }
    const tail = list.length - this.sorted;
    if (tail > 64 && tail > this.sorted / 8) {
      list.sort((x, y) => compareSourceOrder(x.uri, y.uri));
      list.forEach((e, i) => { e.tiesPrev = i > 0 && compareSourceOrder(list[i - 1].uri, e.uri) === 0; });
    } else {
      const added = list.splice(this.sorted, tail);
      for (const e of added) {
        // After every entry that collates at or before it: equal uris keep the order they came in.
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (compareSourceOrder(list[mid].uri, e.uri) <= 0) lo = mid + 1;
          else hi = mid;
        }
        list.splice(lo, 0, e);
        e.tiesPrev = lo > 0 && compareSourceOrder(list[lo - 1].uri, e.uri) === 0;
        if (lo + 1 < list.length) list[lo + 1].tiesPrev = compareSourceOrder(list[lo + 1].uri, e.uri) === 0;
      }
    }
    let rank = 0;
    let maxId = 0;
    for (const e of list) if (e.id > maxId) maxId = e.id;
    if (maxId >= this.rankById.length) this.rankById = new Int32Array(Math.max(maxId + 1, this.rankById.length * 2));
    list.forEach((e, i) => {
      if (i > 0 && !e.tiesPrev) rank++;
      this.rankById[e.id] = rank;
    });
    this.list = list;
    this.sorted = list.length;
    this.fresh = true;
  }
}
