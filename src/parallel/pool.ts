/**
 * Analysis in worker threads for Node front ends (the CLI, the desktop extension host, the bench):
 * one worker per core but one, at least one, and this thread analysing beside them. Documents go out
 * in batches with their texts; analyses come back as transferred typed arrays (packedAnalyses.ts).
 *
 * `analyze` is synchronous, so callers keep their synchronous code: while its workers run, this
 * thread analyses batches itself and then waits on a shared counter (Atomics.wait) and reads replies
 * with `receiveMessageOnPort` — the pattern synckit uses. Results reach the sink in input order and
 * equal an in-thread analysis (a unit test holds them to that). Small inputs stay in this thread:
 * starting a worker costs more than it saves (see IN_THREAD_CHARS).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { analyze, unpackAnalyses, type AnalysisReply, type AnalyzedDoc, type BatchAnalyzer, type BatchInput, type BatchSink, type PackedAnalyses } from '../core';

/**
 * Below this much text in all, analysis stays in this thread. Measured on the bench's articles (2.8 KB
 * each): a worker costs 150–250 ms to start and warm up, so 150 articles took 331 ms in-thread and
 * 448 ms with one worker, 400 took 486 and 674 ms. Break-even on two free cores is about twice the
 * start-up in analysis, 1.5–2 MB of text.
 */
export const IN_THREAD_CHARS = 2_000_000;
/** IN_THREAD_CHARS, or VERBATIM_IN_THREAD_CHARS (tests use 0 to send even a small input to the workers). */
const inThreadDefault = (): number => (/^\d+$/.test(process.env.VERBATIM_IN_THREAD_CHARS ?? '') ? Number(process.env.VERBATIM_IN_THREAD_CHARS) : IN_THREAD_CHARS);
/** Text per batch: large enough to amortise a message, small enough to balance the threads. */
const BATCH_CHARS = 200_000;
const BATCH_DOCS = 256;
/**
 * Batches queued per worker, so it never idles while this thread is busy with its own or inserting
 * (10,000 bench articles: 2 gave 4.97-5.05 s, 4 gave 4.78-4.83 s; the end waits for at most these).
 */
const IN_FLIGHT = 4;

/** Workers for this machine: one per core but one, at least one; VERBATIM_WORKERS overrides (0: none). */
export function defaultWorkerCount(): number {
  const env = process.env.VERBATIM_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, cores - 1);
}

interface Slot {
  worker: Worker;
  port: MessagePort;
  busy: number;
  /** analyzeAsync's batches at this worker: reply id → what to do with the reply. */
  waiting: Map<number, (reply: AnalysisReply | 'exited' | 'closed') => void>;
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  /** analyzeAsync's reply ids, apart from analyzeAll's (which count from 0 in each call). */
  private nextAsyncId = 2 ** 30;
  /** Batches analysed by workers so far (the rest were analysed in this thread). */
  workerBatches = 0;

  constructor(readonly size = defaultWorkerCount(), private readonly script = path.join(__dirname, 'analysisWorker.js')) {}

  /** Workers started and not yet closed. */
  get running(): number {
    return this.slots.length;
  }

  /** A BatchAnalyzer over this pool (in this thread alone when the input is small or size is 0). */
  analyzer(inThreadChars = inThreadDefault()): BatchAnalyzer {
    return (docs, sink, expectedChars) => this.analyzeAll(docs, sink, inThreadChars, expectedChars);
  }

  /**
   * Analyses `docs`, handing each analysis to `sink` in input order. `docs` is read as batches are
   * made, so a caller whose iterator reads each file as it is asked for has the workers analysing the
   * first files while this thread reads the next. `expectedChars` (the text there will be, about;
   * counted from an array when not given) decides between workers and this thread alone.
   */
  analyzeAll(docs: Iterable<BatchInput>, sink: BatchSink, inThreadChars = inThreadDefault(), expectedChars?: number): void {
    let chars = expectedChars ?? 0;
    if (expectedChars === undefined) for (const d of Array.isArray(docs) ? (docs as BatchInput[]) : (docs = [...docs])) chars += d.text.length;
    // Waiting blocks this thread, so a worker that could never start is ruled out before it is awaited.
    // (While analyzeAsync's batches are out, their replies must not be read here: this call stays in thread.)
    if (this.size === 0 || chars < inThreadChars || this.slots.some((s) => s.waiting.size > 0) || !this.start()) {
      for (const d of docs) sink.doc(analyze(d, d.order));
      return;
    }
    const take = batchesOf(docs);
    const batches: { docs: BatchInput[] }[] = [];
    // A batch's analyses: packed by a worker, or made here; handed on in order, then dropped.
    const done: (PackedAnalyses | AnalyzedDoc[] | null | undefined)[] = [];
    const owner = new Map<number, Slot>();
    let flushed = 0; // batches handed to the sink
    /** The next batch nobody has taken, made from the input now; undefined when it is used up. */
    const nextBatch = (): number | undefined => {
      const b = take();
      if (!b) return undefined;
      batches.push(b);
      return batches.length - 1;
    };
    const flush = (): void => {
      for (; flushed < batches.length && done[flushed]; flushed++) {
        const result = done[flushed]!;
        if (Array.isArray(result)) for (const doc of result) sink.doc(doc);
        else sink.packed(batches[flushed].docs, result);
        done[flushed] = null;
        batches[flushed].docs = []; // its texts are no longer needed here
      }
    };
    let ended = false;
    const feed = (): void => {
      for (const s of this.slots) {
        while (s.busy < IN_FLIGHT && !ended) {
          const id = nextBatch();
          if (id === undefined) { ended = true; break; }
          owner.set(id, s);
          s.busy++;
          s.port.postMessage({ id, docs: batches[id].docs });
        }
      }
    };
    const receive = (): boolean => {
      let got = false;
      for (const s of this.slots) {
        for (let m = receiveMessageOnPort(s.port); m; m = receiveMessageOnPort(s.port)) {
          const reply = m.message as AnalysisReply;
          s.busy--;
          owner.delete(reply.id);
          if ('packed' in reply) this.workerBatches++;
          const b = batches[reply.id];
          // A worker's error is met again here, in the caller's thread, where it can be seen.
          done[reply.id] = 'packed' in reply ? reply.packed : b.docs.map((d) => analyze(d, d.order));
          got = true;
        }
      }
      return got;
    };
    // This thread takes batches from the same front as the workers: its analyses reach the sink as soon
    // as the few batches before them are back, and the index grows while the workers run. (Taking
    // them from the back left half the inserts to the end, with the workers idle.)
    feed();
    while (!ended) {
      const id = nextBatch();
      if (id === undefined) break;
      done[id] = batches[id].docs.map((d) => analyze(d, d.order));
      receive();
      feed();
      flush();
    }
    while (owner.size > 0) {
      const seen = Atomics.load(this.signal, 0);
      if (!receive()) Atomics.wait(this.signal, 0, seen, 1000);
      flush();
    }
    flush();
  }

  /**
   * Analyses `docs` in the workers alone, leaving this thread free for its own I/O meanwhile (the
   * archive ingest writes one batch while the workers analyse the next); resolves to the analyses in
   * input order, equal to an in-thread analysis. With no worker (size 0, or none could start), or a
   * small input (`inThreadChars`) before any worker has started, it analyses here, synchronously. A batch whose worker fails or exits is analysed here, so the
   * promise always settles.
   */
  async analyzeAsync(docs: readonly BatchInput[], inThreadChars = inThreadDefault()): Promise<AnalyzedDoc[]> {
    if (docs.length === 0) return [];
    // A small input to a pool not yet started stays here, as in analyzeAll (a `--watch` pass of one file).
    let chars = 0;
    if (this.slots.length === 0) for (const d of docs) chars += d.text.length;
    if (this.size === 0 || (this.slots.length === 0 && chars < inThreadChars) || !this.start()) return docs.map((d) => analyze(d, d.order));
    const take = batchesOf(docs);
    const sent: Promise<AnalyzedDoc[]>[] = [];
    for (let b = take(), k = 0; b; b = take(), k++) sent.push(this.sendAsync(this.slots[k % this.slots.length], b.docs));
    return (await Promise.all(sent)).flat();
  }

  private sendAsync(s: Slot, docs: BatchInput[]): Promise<AnalyzedDoc[]> {
    const id = this.nextAsyncId++;
    if (s.waiting.size === 0) {
      // Listening, and holding the process open, only while replies are due (the port is unref'd for
      // analyzeAll, which reads it synchronously).
      s.port.on('message', (reply: AnalysisReply) => s.waiting.get(reply.id)?.(reply));
      s.worker.once('exit', () => {
        // Gone for good: the next analysis starts a new worker in its place.
        const at = this.slots.indexOf(s);
        if (at >= 0) this.slots.splice(at, 1);
        for (const settle of [...s.waiting.values()]) settle('exited');
      });
      s.port.ref();
    }
    return new Promise<AnalyzedDoc[]>((resolve, reject) => {
      s.waiting.set(id, (reply) => {
        s.waiting.delete(id);
        if (s.waiting.size === 0) {
          s.port.removeAllListeners('message');
          s.worker.removeAllListeners('exit');
          s.port.unref();
        }
        if (reply === 'closed') {
          reject(new Error('the analysis pool was closed before the analysis came back'));
        } else if (reply !== 'exited' && 'packed' in reply) {
          this.workerBatches++;
          resolve(unpackAnalyses(docs, reply.packed));
        } else {
          // A worker's error (or its exit) is met again here, where the caller can see it.
          resolve(docs.map((d) => analyze(d, d.order)));
        }
      });
      s.port.postMessage({ id, docs });
    });
  }

  /**
   * Stops the workers (a pool is also safe to drop: its workers never keep the process alive).
   * A worker that dies outright (out of memory) while this thread waits is not detected: the wait
   * has no bound, since one hostile article can take minutes to analyse.
   */
  close(): void {
    for (const s of this.slots.splice(0)) {
      for (const settle of [...s.waiting.values()]) settle('closed');
      s.port.close();
      void s.worker.terminate();
    }
  }

  /**
   * Starts the workers ahead of the first analysis, so that they load while the caller reads its
   * files; harmless when there is nothing to analyse after all (they are unref'd and closed with the pool).
   */
  warmUp(): void {
    if (this.size > 0) this.start();
  }

  /** Starts the workers; false when the worker script is missing or a worker cannot be made. */
  private start(): boolean {
    if (this.slots.length === 0 && !fs.existsSync(this.script)) return false;
    try {
      while (this.slots.length < this.size) {
        const { port1, port2 } = new MessageChannel();
        const worker = new Worker(this.script, { workerData: { port: port2, signal: this.signal.buffer }, transferList: [port2] });
        worker.unref();
        port1.unref();
        this.slots.push({ worker, port: port1, busy: 0, waiting: new Map() });
      }
    } catch {
      this.close();
      return false;
    }
    return true;
  }
}

/** Takes the input a batch at a time: about BATCH_CHARS of text or BATCH_DOCS documents each. */
function batchesOf(docs: Iterable<BatchInput>): () => { docs: BatchInput[] } | undefined {
  const it = docs[Symbol.iterator]();
  let held: BatchInput | undefined; // the first document of the next batch, already read
  return () => {
    const cur: BatchInput[] = [];
    let chars = 0;
    for (;;) {
      let d = held;
      held = undefined;
      if (!d) {
        const r = it.next();
        if (r.done) break;
        d = r.value;
      }
      if (cur.length && (chars + d.text.length > BATCH_CHARS || cur.length >= BATCH_DOCS)) {
        held = d;
        break;
      }
      cur.push(d);
      chars += d.text.length;
    }
    return cur.length ? { docs: cur } : undefined;
  };
}
