/**
 * The engine's archive-scale machinery must not change a single result: compact storage, persistence,
 * incremental checks, the candidate ordering and the alignment's fast path are each held to the plain
 * behaviour on the seeds and BASIL articles. (No timings here: benchmarks live in bench/.)
 */
import * as assert from 'node:assert/strict';
import { analyze, compareSourceOrder, Engine, packAnalyses, PackedBatch, QuoteIndex, type AnalyzedQuote, type DocInput, type Token } from '../../src/core';
import { sameWord } from '../../src/core/match/align';
import { TextArena } from '../../src/core/index/textArena';
import { UriOrder } from '../../src/core/index/uriOrder';
import { fixtureDocs, rng } from './helpers';


const fixtures = (): DocInput[] => fixtureDocs(12);

const reportsOf = (engine: Engine, docs: DocInput[]): string => JSON.stringify(docs.map((d) => engine.check(d)));

/** The candidate search written plainly (a Map of counts and a full sort), the reference for ordering. */
function referenceCandidates(quotes: (AnalyzedQuote | undefined)[], postings: Map<string, number[]>, live: number, stems: readonly string[], exclude: string, limit: number): { uri: string; start: number; shared: number }[] {
  const lists = stems.map((s) => postings.get(s)).filter((l): l is number[] => l !== undefined).sort((x, y) => x.length - y.length);
  const cap = Math.max(1000, live * 0.05);
  const usable = lists.filter((l, i) => l.length <= cap || i < 2);
  const counts = new Map<number, number>();
  for (const list of usable) for (const slot of list) counts.set(slot, (counts.get(slot) ?? 0) + 1);
  const out: { quote: AnalyzedQuote; shared: number }[] = [];
  for (const [slot, shared] of counts) {
    const quote = quotes[slot];
    if (quote && quote.uri !== exclude) out.push({ quote, shared });
  }
  const score = (c: { quote: AnalyzedQuote; shared: number }): number => (c.shared * c.shared) / Math.max(1, Math.min(stems.length, c.quote.stems.length));
  out.sort((x, y) => score(y) - score(x) || y.shared - x.shared || x.quote.stems.length - y.quote.stems.length || compareSourceOrder(x.quote.uri, y.quote.uri) || x.quote.start - y.quote.start);
  return out.slice(0, limit).map((c) => ({ uri: c.quote.uri, start: c.quote.start, shared: c.shared }));
}

/**
 * A compact index and, beside it, what referenceCandidates reads: each slot's quote (undefined once
 * replaced or removed) and the posting lists as slot numbers, dead slots kept as the index keeps them.
 */
function indexedWithReference() {
  const index = new QuoteIndex({ keepText: false });
  const slots: (AnalyzedQuote | undefined)[] = [];
  const postings = new Map<string, number[]>();
  const bySlotUri = new Map<string, number[]>();
  const forget = (uri: string): void => {
    for (const s of bySlotUri.get(uri) ?? []) slots[s] = undefined;
    bySlotUri.delete(uri);
  };
  const add = (uri: string, text: string): void => {
    const a = analyze({ uri, text });
    index.set(a);
    forget(uri);
    const mine: number[] = [];
    for (const q of a.quotes) {
      mine.push(slots.length);
      for (const s of q.stems) (postings.get(s) ?? postings.set(s, []).get(s)!).push(slots.length);
      slots.push(q);
    }
    bySlotUri.set(uri, mine);
  };
  const remove = (uri: string): void => {
    index.delete(uri);
    forget(uri);
  };
  return { index, slots, postings, add, remove };
}

/** The same live quotes, posting lists (through what their slots hold) and speakers in both engines' indexes. */
function assertSameIndex(a: Engine, b: Engine): void {
  const live = (e: Engine): string[] => Array.from({ length: e.index.slots }, (_, s) => s).filter((s) => e.index.isLive(s)).map((s) => `${e.index.uriAt(s)} ${JSON.stringify(e.index.quoteAt(s))}`).sort();
  assert.deepStrictEqual(live(a), live(b));
  assert.deepStrictEqual([...a.index.stems()], [...b.index.stems()]);
  for (const stem of b.index.stems()) {
    const holders = (e: Engine): string[] => [...e.index.postingsOf(stem)].filter((s) => e.index.isLive(s)).map((s) => `${e.index.uriAt(s)} ${e.index.quoteAt(s).start}`).sort();
    assert.deepStrictEqual(holders(a), holders(b), stem);
  }
  assert.deepStrictEqual(a.index.speakerNames().sort(), b.index.speakerNames().sort());
}

describe('archive-scale engine', function () {
  this.timeout(60_000);
  const docs = fixtures();

  it('checks the same with compact storage (keepText: false) as with the documents kept', () => {
    const full = new Engine();
    const compact = new Engine({}, { keepText: false });
    for (const d of docs) { full.setSource(d); compact.setSource(d); }
    assert.equal(reportsOf(compact, docs), reportsOf(full, docs));
  });

  it('rebuilds compact quotes equal to their analysis, tokens and stems included', () => {
    const index = new QuoteIndex({ keepText: false });
    for (const d of docs) {
      const analyzed = analyze(d, d.order);
      index.set(analyzed);
      const rebuilt = index.get(d.uri)!;
      assert.deepStrictEqual(rebuilt.quotes, analyzed.quotes);
      assert.deepStrictEqual(rebuilt.names, analyzed.names);
      assert.equal(rebuilt.order, analyzed.order);
    }
  });

  it('compacts an index of replaced documents into the one a fresh index of them is', () => {
    // Every document replaced again and again leaves tombstones until fewer than half the slots live,
    // when the slots are compacted (texts, postings and speakers renumbered); the index is then the
    // one the same documents build from scratch: the same slots, candidates, quotes and reports.
    const fresh = new Engine({}, { keepText: false });
    const replaced = new Engine({}, { keepText: false });
    for (const d of docs) fresh.setSource(d);
    let compactions = 0;
    for (let round = 0; round < 4; round++) {
      for (const d of docs) {
        const before = replaced.index.slots;
        replaced.setSource(d);
        if (replaced.index.slots < before) compactions++;
      }
    }
    assert.ok(compactions > 0, `no compaction in ${replaced.index.slots} slots`);
    // Compacted last in the middle of a round: the last documents' slots follow the fresh index's only
    // after one more compaction, so slot numbers are compared through what they hold.
    assertSameIndex(replaced, fresh);
    assert.equal(reportsOf(replaced, docs), reportsOf(fresh, docs));
  });

  it('indexes a packed batch a document at a time as set of each analysis does, across compactions', () => {
    // The extension indexes a worker's batch file by file; the batch caches posting lists, which a
    // compaction between two of its documents deletes when they empty (a document replaced by itself).
    const inputs = docs.map((d, i) => ({ uri: d.uri, label: d.label ?? d.uri, text: d.text, order: i }));
    const fresh = new Engine();
    for (const d of inputs) fresh.setSource(d);
    const batch = new PackedBatch(inputs, packAnalyses(inputs.map((d) => analyze(d, d.order))));
    const packed = new Engine();
    const random = rng(7);
    let compactions = 0;
    for (let round = 0; round < 4; round++) {
      const order = inputs.map((_, k) => k).sort(() => random() - 0.5);
      for (const k of order) {
        const before = packed.index.slots;
        packed.index.setPackedDoc(batch, k);
        if (packed.index.slots < before) compactions++;
      }
    }
    assert.ok(compactions > 0, `no compaction in ${packed.index.slots} slots`);
    assertSameIndex(packed, fresh);
    assert.deepStrictEqual([...packed.index.documents()].map((d) => [d.uri, d.order, d.text, d.names]).sort(), [...fresh.index.documents()].map((d) => [d.uri, d.order, d.text, d.names]).sort());
    assert.equal(reportsOf(packed, docs), reportsOf(fresh, docs));
  });

  const stores = { json: (e: Engine) => Engine.deserialize(e.serialize()), binary: (e: Engine) => Engine.deserializeBinary(e.serializeBinary()) };
  for (const keepText of [true, false]) for (const [store, reload] of Object.entries(stores)) {
    it(`reloads a ${store} stored index that checks the same (keepText: ${keepText}), tombstones and all`, () => {
      const engine = new Engine({}, { keepText });
      for (const d of docs) engine.setSource(d);
      engine.removeSource(docs[3].uri);
      engine.setSource({ ...docs[5], text: docs[5].text.replace(/the /g, 'a ') });
      const reloaded = reload(engine);
      assert.equal(reportsOf(reloaded, docs), reportsOf(engine, docs));
      assert.deepEqual(reloaded.index.size, engine.index.size);
      assert.deepEqual([...reloaded.index.documents()].map((d) => d.uri), [...engine.index.documents()].map((d) => d.uri));
      if (keepText) assert.equal(reloaded.index.get(docs[0].uri)!.text, docs[0].text);
      // The reloaded engine goes on like the saved one.
      for (const e of [engine, reloaded]) { e.setSource({ uri: 'new.txt', text: docs[0].text }); e.removeSource(docs[1].uri); }
      assert.equal(reportsOf(reloaded, docs), reportsOf(engine, docs));
    });
  }

  it('adopts a reloaded index in place: kept reports and resolved names follow it', () => {
    const saved = new Engine();
    for (const d of docs.slice(0, 8)) saved.setSource(d);
    const live = new Engine();
    live.setSource(docs[0]);
    const before = reportsOf(live, docs.slice(0, 3));
    live.adopt(Engine.deserialize(saved.serialize()));
    assert.notEqual(reportsOf(live, docs.slice(0, 3)), before);
    assert.equal(reportsOf(live, docs), reportsOf(saved, docs));
    assert.deepEqual(live.index.names(), saved.index.names());
    for (const name of saved.index.speakerNames()) assert.equal(live.resolveSpeaker(name), saved.resolveSpeaker(name));
    // Sources added after the reload go on from the stored order counter.
    for (const e of [live, saved]) e.setSource({ uri: 'late.txt', text: docs[9].text });
    assert.equal(live.index.orderOf('late.txt'), saved.index.orderOf('late.txt'));
    assert.equal(reportsOf(live, docs), reportsOf(saved, docs));
  });

  it('refuses data that is not a serialized index', () => {
    assert.throws(() => Engine.deserialize('{"format":"something else"}'), /not a Verbatim index/);
    assert.throws(() => Engine.deserializeBinary(new TextEncoder().encode('{"format":"verbatim-index"}')), /not a Verbatim index/);
  });

  it('keeps lone surrogates and long texts through the binary store, and refuses it damaged', () => {
    const odd = `${docs[0].text}\n\nShe said: “a lone \ud83d surrogate and 😀 an emoji stay,” in ${'x'.repeat(5000)}.`;
    for (const keepText of [true, false]) {
      const engine = new Engine({}, { keepText });
      engine.setSource({ uri: 'odd.txt', text: odd });
      // A quote longer than an arena chunk (1 MB) between two short ones.
      engine.setSource({ uri: 'long.txt', text: `He said: “short one here.” Then she said: “${'x'.repeat(1_200_000)} and more.” He said: “another short one.”` });
      for (const d of docs.slice(1, 4)) engine.setSource(d);
      const bytes = engine.serializeBinary();
      const reloaded = Engine.deserializeBinary(bytes);
      assert.equal(reportsOf(reloaded, docs.slice(0, 4)), reportsOf(engine, docs.slice(0, 4)));
      for (const uri of ['odd.txt', 'long.txt']) assert.deepEqual(reloaded.index.get(uri)!.quotes.map((q) => q.text), engine.index.get(uri)!.quotes.map((q) => q.text));
      assert.equal(reloaded.index.get('long.txt')!.quotes.length, 3);
      if (keepText) assert.equal(reloaded.index.get('odd.txt')!.text, odd);
      // Read from a file, the bytes are a Node Buffer, possibly a view at an odd offset of a larger one.
      const odd3 = Buffer.concat([Buffer.from('abc'), bytes]).subarray(3);
      assert.equal(reportsOf(Engine.deserializeBinary(odd3), docs.slice(0, 4)), reportsOf(engine, docs.slice(0, 4)));
      // Cut short anywhere, or with a length changed, it is refused, never read as a smaller index.
      for (const cut of [20, bytes.length >> 1, bytes.length - 4]) assert.throws(() => Engine.deserializeBinary(bytes.subarray(0, cut)), /cut short|damaged|index state|not a Verbatim|JSON/);
      const bent = bytes.slice();
      new DataView(bent.buffer).setUint32(16, 0x7fffffff, true); // the first frame's JSON length
      assert.throws(() => Engine.deserializeBinary(bent), /cut short|damaged/);
    }
  });

  it('gives the same report incrementally as a full check, edit after edit', () => {
    const random = rng(7);
    const engine = new Engine();
    for (const d of docs.slice(0, 20)) engine.setSource(d);
    const fresh = new Engine();
    for (const d of docs.slice(0, 20)) fresh.setSource(d);
    for (const draft of [docs[0], docs[2], docs[6]]) {
      let text = draft.text;
      for (let step = 0; step < 12; step++) {
        // A word replaced, inserted or deleted somewhere (often inside a quote), or a quote mark removed.
        const at = Math.floor(random() * text.length);
        const kind = random();
        if (kind < 0.5) text = text.slice(0, at) + text.slice(at).replace(/\p{L}+/u, random() < 0.5 ? 'remarkably' : 'no');
        else if (kind < 0.8) text = text.slice(0, at) + ' very' + text.slice(at);
        else text = text.slice(0, at) + text.slice(at).replace(/[“”"]/, '');
        const doc = { ...draft, text };
        fresh.clearCache();
        assert.deepStrictEqual(engine.check(doc), fresh.check(doc), `${draft.uri}, step ${step}`);
      }
    }
  });

  it('forgets kept reports when a source changes', () => {
    const engine = new Engine();
    const draft = { uri: 'd', text: 'He said: “We will send two more ships to the region.”' };
    assert.equal(engine.check(draft).quotes[0].matches.length, 0);
    engine.setSource({ uri: 's', text: 'He said: “We will send two more ships to the region.”' });
    assert.equal(engine.check(draft).quotes[0].matches.length, 1);
  });

  it('ranks candidates exactly as a full sort would, ties and tombstones included', () => {
    const random = rng(11);
    const { index, slots, postings, add, remove } = indexedWithReference();
    // Many near-identical quotes in documents whose uris collate in unusual ways, to force ties.
    const uris = ['b.txt', 'a.txt', 'B.txt', 'é.txt', 'e\u0301.txt', 'z/1.txt', 'Z/10.txt', 'z/2.txt', 'ä.txt', 'a b.txt'];
    const sentences = ['We will send two more ships to the region', 'Two more ships will go to the region soon', 'The region needs ships and more help', 'More ships', 'Ships for the region, more ships, and every kind of help we can send there'];
    for (let i = 0; i < 60; i++) {
      const uri = uris[Math.floor(random() * uris.length)] + (i % 3 === 0 ? '' : `#${i}`);
      const quotes = [0, 1, 2].map(() => `“${sentences[Math.floor(random() * sentences.length)]}.”`).join(' he said. ');
      add(uri, `Mr Lee said: ${quotes}`);
    }
    // Quotes with more than 254 distinct stems (the ranker keeps stem counts in a byte below that).
    const many = (k: number, from: number): string => Array.from({ length: k }, (_, i) => `zq${(from + i).toString(36)}x`).join(' ');
    // For the probe of 290 below: 262 shared of 400 stems scores 262²/290 ≈ 237 and ranks below 255
    // shared of 256 (254); with the counts capped at 254, the order would flip.
    add('long-a.txt', `Mr Lee said: “${many(262, 10)} ${many(138, 1000)}.”`);
    add('long-b.txt', `Mr Lee said: “${many(255, 10)} ${many(1, 2000)}.”`);
    add('long-c.txt', `Mr Lee said: “${sentences[0]} ${many(300, 0)}.”`);
    const live = slots.filter(Boolean).length;
    const probes = [...sentences, sentences.join(', '), many(290, 10), `${sentences[0]} ${many(256, 0)}`].map((t) => `She said: “${t}.”`).join('\n\n');
    for (const q of analyze({ uri: 'probe', text: probes }).quotes) {
      for (const limit of [1, 3, 12, 50]) {
        const got = index.candidates(q.stems, 'a.txt', limit).map((c) => ({ uri: c.quote.uri, start: c.quote.start, shared: c.shared }));
        assert.deepEqual(got, referenceCandidates(slots, postings, live, q.stems, 'a.txt', limit));
      }
    }
  });

  it('ranks as the plain count does through tombstones and a compaction, on versions of long utterances', () => {
    // Many versions of a few long utterances among quotes of the same frequent words, so that the best
    // dozen of a probe share most of its stems and tie often; replaced and removed documents leave
    // tombstones in the lists, and the removals end in a compaction that renumbers the slots.
    const random = rng(7);
    const { index, slots, postings, add, remove } = indexedWithReference();
    const word = (): string => `zw${Math.floor(60 * random() ** 1.5).toString(36)}x`; // frequent words first
    const utterances = Array.from({ length: 6 }, () => Array.from({ length: 10 + Math.floor(random() * 10) }, word));
    const version = (u: string[]): string => u.filter(() => random() > 0.2).map((w) => (random() < 0.1 ? word() : w)).join(' ');
    const quote = (): string => (random() < 0.4 ? version(utterances[Math.floor(random() * utterances.length)]) : Array.from({ length: 3 + Math.floor(random() * 12) }, word).join(' '));
    for (let i = 0; i < 700; i++) add(`d${i % 600}.txt`, `Mr Lee said: “${quote()}.” He added: “${quote()}.”`);
    for (let i = 0; i < 40; i++) remove(`d${i * 7}.txt`);
    const probes = [...utterances.map((u) => u.join(' ')), ...utterances.map(version), ...Array.from({ length: 10 }, quote)].map((t) => `She said: “${t}.”`).join('\n\n');
    const compare = (): void => {
      const live = slots.filter(Boolean).length;
      // (Below the common-stem cap, which the reference would apply to its lists' dead slots too.)
      assert.ok(Math.max(...[...postings.values()].map((l) => l.length)) < 1000);
      for (const q of analyze({ uri: 'probe', text: probes }).quotes) {
        for (const limit of [1, 3, 12]) {
          const got = index.candidates(q.stems, 'd401.txt', limit).map((c) => ({ uri: c.quote.uri, start: c.quote.start, shared: c.shared }));
          assert.deepEqual(got, referenceCandidates(slots, postings, live, q.stems, 'd401.txt', limit), `${q.text} (${limit})`);
        }
      }
    };
    compare();
    // Enough removals to compact: the index's slots are renumbered (the reference's need not be: the
    // order compares uris and positions).
    const before = index.slots;
    assert.ok(before > slots.filter(Boolean).length, 'tombstones before the compaction');
    for (let i = 0; i < 300; i++) remove(`d${i}.txt`);
    assert.ok(index.slots < before, 'the removals compacted the index');
    for (let i = 0; i < 60; i++) add(`e${i}.txt`, `Mr Lee said: “${quote()}.”`);
    compare();
  });

  it('ranks uris in the one source order (code units), through additions and removals', () => {
    const order = new UriOrder();
    const uris = ['b', 'a', 'é', 'e\u0301', 'B', 'z', 'a', 'ä', '10', '9', 'Z'];
    const live = new Map<number, string>();
    let id = 0;
    const check = (): void => {
      const ranks = order.ranks();
      for (const [i, u] of live) for (const [j, v] of live) assert.equal(Math.sign(ranks[i] - ranks[j]), Math.sign(compareSourceOrder(u, v)), `${u} / ${v}`);
    };
    for (const u of uris) { order.add(id, u); live.set(id++, u); }
    check();
    order.remove(2); live.delete(2);
    order.add(id, 'c'); live.set(id++, 'c');
    check();
    for (let k = 0; k < 100; k++) { order.add(id, `doc${k}`); live.set(id++, `doc${k}`); }
    check();
  });

  it('stores texts losslessly in the arena', () => {
    const arena = new TextArena();
    // Texts past a third of a chunk get a chunk of their own; what follows one (an empty text too) does not go into it.
    const texts = ['plain', '“curly” – dashes’', '😀 emoji \ud83d lone \udc00 surrogates', '', 'é'.repeat(400_000), 'after', 'y', 'x'.repeat(1_500_000), ''];
    const at = texts.map((t) => arena.add(t));
    texts.forEach((t, i) => {
      assert.equal(arena.get(at[i].at, at[i].bytes), t, `text ${i}`);
      assert.equal(arena.bytesAt(at[i].at, at[i].bytes).length, at[i].bytes, `text ${i}'s bytes`); // as compaction copies them
    });
    // A range of a text, as a quote is stored from its document; a surrogate pair cut by the range stays lossless.
    const doc = 'He said “😀 fine” today';
    for (const [from, to] of [[9, 16], [10, 16], [0, doc.length], [3, 3]]) {
      const a = arena.add(doc, from, to);
      assert.equal(arena.get(a.at, a.bytes), doc.slice(from, to), `${from}-${to}`);
    }
  });

  it('compares words in the alignment as sameWord does', () => {
    const tokens: Token[] = docs.slice(0, 6).flatMap((d) => analyze(d).quotes.flatMap((q) => q.tokens)).slice(0, 400);
    tokens.push(...analyze({ uri: 'x', text: '“f***ing f-----g fucking s**t shit”' }).quotes[0].tokens);
    const censored = /[*]|-{2,}/;
    for (const x of tokens) {
      for (const y of tokens) {
        if (x.key !== y.key && censored.test(x.key) === censored.test(y.key)) assert.equal(sameWord(x, y), false, `${x.key} / ${y.key}`);
      }
    }
  });
});
