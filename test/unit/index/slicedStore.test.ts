/**
 * The stored index written and read a slice at a time (core/index/slicedStore.ts, indexStore.ts): the
 * same bytes and the same checks as the one-call form, the thread given back as the slices say, a write
 * given up when the index changes under it, and a file cut short or shuffled refused.
 */
import * as assert from 'node:assert/strict';
import { decodeSliced, encodeSliced, Engine, firstLine, type Slicer } from '../../../src/core';
import { fixtureDocs } from '../helpers';

/** A clock that moves one tick per reading, and counts the pauses: deterministic slices. */
function tickingSlicer(sliceMs: number): Slicer & { pauses: number } {
  let t = 0;
  const s = { pauses: 0, sliceMs, now: () => t++, pause: async () => { s.pauses++; } };
  return s;
}

describe('Stored index in slices', () => {
  const all = fixtureDocs(80);
  const engine = new Engine({}, { keepText: true });
  for (const d of all) engine.setSource(d);
  engine.removeSource(all[4].uri); // a tombstone on the way
  const reports = JSON.stringify(all.map((d) => engine.check(d)));

  it('writes the bytes the one-call form gives, pausing between slices, and reads back an engine that checks the same', async () => {
    const slicer = tickingSlicer(2);
    const bytes = await encodeSliced('{"header":1}', engine.serializeLines(), slicer, () => false);
    assert.ok(bytes);
    assert.ok(slicer.pauses >= 3, `paused ${slicer.pauses} times`);
    assert.equal(new TextDecoder().decode(bytes), `{"header":1}\n${engine.serialize()}\n`);
    const head = firstLine(bytes)!;
    assert.equal(head.line, '{"header":1}');
    const reader = Engine.reader();
    const back = tickingSlicer(2);
    await decodeSliced(bytes, head.rest, (line) => reader.line(line), back);
    assert.ok(back.pauses >= 3);
    const reloaded = reader.finish();
    assert.equal(JSON.stringify(all.map((d) => reloaded.check(d))), reports);
    assert.deepEqual(reloaded.index.size, engine.index.size);
  });

  it('gives a write up when the index changes between two slices', async () => {
    const live = new Engine();
    for (const d of all.slice(0, 60)) live.setSource(d);
    const generation = live.index.generation;
    let changed = false;
    const slicer = { ...tickingSlicer(1), pause: async () => { if (!changed) { changed = true; live.setSource({ uri: 'late.txt', text: all[0].text }); } } };
    const bytes = await encodeSliced('{}', live.serializeLines(), slicer, () => live.index.generation !== generation);
    assert.equal(bytes, undefined);
    // Asked for lines regardless, the lines themselves refuse to go on.
    const lines = live.serializeLines();
    lines.next();
    live.removeSource('late.txt');
    assert.throws(() => { for (let n = lines.next(); !n.done; n = lines.next()); }, /changed while it was being written/);
  });

  it('refuses a file cut short, lines out of order, and the one-line format of version 4', () => {
    const lines = engine.serialize().split('\n');
    const read = (ls: string[]) => { const r = Engine.reader(); for (const l of ls) r.line(l); return r.finish(); };
    assert.throws(() => read(lines.slice(0, -1)), /cut short/);
    assert.throws(() => read(lines.slice(0, -3).concat(lines.slice(-1))), /ends early|cut short/);
    const slotLine = lines.findIndex((l) => l.startsWith('{"slots"'));
    const docLine = lines.findIndex((l) => l.startsWith('{"docs"'));
    const shuffled = lines.slice();
    [shuffled[slotLine], shuffled[docLine]] = [shuffled[docLine], shuffled[slotLine]];
    assert.throws(() => read(shuffled), /index state/);
    assert.throws(() => Engine.deserialize('{"format":"verbatim-index","version":4,"meta":{},"state":{}}'), /version 4 is not supported/);
    assert.throws(() => read([...lines, lines[1]]), /after its end/);
  });

  it('gives each document its own text from its part\'s one string, and refuses texts that do not add up', () => {
    const lines = engine.serialize().split('\n');
    const docLine = lines.findIndex((l) => l.startsWith('{"docs"'));
    const part = JSON.parse(lines[docLine]) as { docs: { uri: string; textLength: number }[]; texts: string };
    assert.ok(part.docs.length > 1 && part.docs.every((d) => d.textLength > 0));
    assert.equal(part.texts.length, part.docs.reduce((n, d) => n + d.textLength, 0));
    const reloaded = Engine.deserialize(engine.serialize());
    for (const d of all.filter((_, i) => i !== 4)) assert.equal(reloaded.index.get(d.uri)?.text, d.text);
    const read = (ls: string[]) => { const r = Engine.reader(); for (const l of ls) r.line(l); return r.finish(); };
    const withTexts = (texts: string) => lines.map((l, i) => (i === docLine ? JSON.stringify({ ...part, texts }) : l));
    assert.throws(() => read(withTexts(part.texts.slice(0, -5))), /runs past its part/);
    assert.throws(() => read(withTexts(part.texts + 'extra')), /left over/);
  });
});
