/**
 * The slot table grows its columns ahead of need, one at a time, each replaced by its copy: whatever
 * was written before (new slots, tombstones of old ones, a compaction) must be in every copy.
 */
import * as assert from 'node:assert/strict';
import { SlotTable } from '../../../src/core/index/slotTable';
import { rng } from '../helpers';

describe('slot table', () => {
  it('keeps every slot written, tombstoned or compacted while its columns grow one at a time', () => {
    const t = new SlotTable();
    // The model: each slot's doc, start and stems as plain arrays.
    let doc: number[] = [];
    let start: number[] = [];
    let stems: number[] = [];
    const random = rng(11);
    let grown = 0;
    for (let op = 0; op < 60_000; op++) {
      const r = random();
      if (r < 0.7 || t.count === 0) {
        const cap = t.capacity;
        const s = t.add();
        if (t.capacity !== cap) grown++;
        assert.equal(s, doc.length);
        t.col.doc[s] = op;
        t.col.start[s] = op * 3;
        t.col.stems[s] = op % 7;
        doc.push(op);
        start.push(op * 3);
        stems.push(op % 7);
      } else if (r < 0.995) {
        const s = Math.floor(random() * t.count);
        t.tombstone(s);
        doc[s] = -1;
        stems[s] = -1;
      } else {
        // A compaction, as IndexData.compact numbers the kept slots.
        const remap = new Int32Array(t.count).fill(-1);
        let n = 0;
        for (let s = 0; s < t.count; s++) if (t.col.doc[s] >= 0) remap[s] = n++;
        t.moveAll(remap);
        t.count = n;
        const keep = doc.map((d) => d >= 0);
        doc = doc.filter((_, s) => keep[s]);
        start = start.filter((_, s) => keep[s]);
        stems = stems.filter((_, s) => keep[s]);
      }
    }
    assert.ok(grown >= 4, `the table grew ${grown} times`);
    assert.deepEqual(Array.from(t.col.doc.subarray(0, t.count)), doc);
    assert.deepEqual(Array.from(t.col.start.subarray(0, t.count)), start);
    assert.deepEqual(Array.from(t.col.stems.subarray(0, t.count)), stems);
  });
});
