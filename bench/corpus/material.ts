/**
 * Real text the generator builds from: the seed articles and the BASIL articles in test/fixtures (used
 * here for evaluation only, as their README requires; nothing generated is written to disk). Quotes are
 * found with a simple mark-pairing rule of our own (the BASIL README's), not with the engine, so the
 * ground truth never depends on the code under test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Rng } from './rng';

export interface Material {
  /** Distinct real quotes as word arrays (no two share a five-word run). */
  quotes: string[][];
  /** Narrative sentences (paragraphs without quotation marks), as text. */
  sentences: string[];
  /** Every word seen, for substitutions and insertions. */
  vocabulary: string[];
  /** Word-level Markov chain, trained on the sentences and on the quotes not reserved for drafts. */
  chain: Chain;
}

export const ROOT = path.resolve(__dirname, '../../..');

function realTexts(): string[] {
  const out: string[] = [];
  const seeds = path.join(ROOT, 'seeds');
  for (const f of fs.readdirSync(seeds).sort()) if (f.endsWith('.txt')) out.push(fs.readFileSync(path.join(seeds, f), 'utf8'));
  const basil = path.join(ROOT, 'test/fixtures/basil/articles');
  if (fs.existsSync(basil)) {
    for (const d of fs.readdirSync(basil).sort()) {
      for (const f of ['fox.txt', 'hpo.txt', 'nyt.txt']) {
        const p = path.join(basil, d, f);
        if (fs.existsSync(p)) out.push(fs.readFileSync(p, 'utf8'));
      }
    }
  }
  return out;
}

/** Quote spans of one paragraph: “ opens, ” closes, a straight " toggles. */
function quotesOfParagraph(p: string): string[] {
  const out: string[] = [];
  let open = -1;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '“' || (c === '"' && open < 0)) open = i + 1;
    else if ((c === '”' || c === '"') && open >= 0) { out.push(p.slice(open, i)); open = -1; }
  }
  return out;
}

const norm = (w: string): string => w.toLowerCase().replace(/[’']/g, "'").replace(/[^\p{L}\p{N}']/gu, '');

/** Splits a quote into words and drops the closing punctuation a sentence template adds back. */
export function quoteWords(text: string): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length) words[words.length - 1] = words[words.length - 1].replace(/[,.;:]+$/, '');
  return words;
}

/** Abbreviations that end with a dot but not a sentence. */
export const ABBREVIATION = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Prof|Rev|Jan|Feb|Aug|Sept|Oct|Nov|Dec|U\.S|U\.N|D\.C|[A-Z])\.$/;

function splitSentences(p: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const piece of p.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
    cur = cur ? cur + ' ' + piece : piece;
    if (!ABBREVIATION.test(cur)) { out.push(cur.trim()); cur = ''; }
  }
  if (cur.trim()) out.push(cur.trim());
  return out.filter(Boolean);
}

let cached: Material | undefined;

/** Loads (once) the real material; `reserved` quotes are kept out of the Markov chain. */
export function loadMaterial(): Material {
  if (cached) return cached;
  const texts = realTexts();
  const quotes: string[][] = [];
  const seen = new Set<string>();
  const sentences: string[] = [];
  const vocab = new Set<string>();
  for (const t of texts) {
    for (const para of t.split(/\n+/)) {
      const p = para.trim();
      if (!p) continue;
      if (!/[“”"]/.test(p)) {
        for (const s of splitSentences(p)) {
          const n = s.split(/\s+/).length;
          if (n >= 6 && n <= 50) sentences.push(s);
        }
      }
      for (const q of quotesOfParagraph(p)) {
        if (/[“”"‘\n]/.test(q)) continue;
        const words = quoteWords(q);
        if (words.length < 6 || words.length > 60) continue;
        const keys = words.map(norm);
        const grams: string[] = [];
        for (let i = 0; i + 5 <= keys.length; i++) grams.push(keys.slice(i, i + 5).join(' '));
        if (grams.some((g) => seen.has(g))) continue;
        grams.forEach((g) => seen.add(g));
        quotes.push(words);
      }
      for (const w of p.split(/\s+/)) {
        const k = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
        if (/^\p{Ll}[\p{Ll}’']{1,14}$/u.test(k)) vocab.add(k);
      }
    }
  }
  cached = { quotes, sentences, vocabulary: [...vocab].sort(), chain: new Chain() };
  return cached;
}

/** Trains the chain on the sentences and the given quotes (the draft's quotes are left out). */
export function trainChain(m: Material, quotes: readonly string[][]): void {
  for (const s of m.sentences) m.chain.train(s.split(/\s+/));
  for (const q of quotes) m.chain.train([...q.slice(0, -1), q[q.length - 1] + '.']);
}

/**
 * An order-2 word Markov chain with order-1 back-off, so generated quotes read like news copy yet are
 * mostly new word sequences.
 */
export class Chain {
  private readonly next2 = new Map<string, string[]>();
  private readonly next1 = new Map<string, string[]>();
  private readonly starts: [string, string][] = [];

  train(words: readonly string[]): void {
    if (words.length < 3) return;
    this.starts.push([words[0], words[1]]);
    for (let i = 0; i + 2 < words.length; i++) {
      push(this.next2, words[i] + ' ' + words[i + 1], words[i + 2]);
      push(this.next1, words[i + 1], words[i + 2]);
    }
  }

  /** A sentence of `min`–`max` words. */
  sentence(rng: Rng, min: number, max: number): string[] {
    const [a, b] = rng.pick(this.starts);
    const out = [a, b];
    while (out.length < max) {
      const last = out[out.length - 1];
      if (out.length >= min && /[.!?]$/.test(last) && !(last.endsWith('.') && ABBREVIATION.test(' ' + last))) break;
      const two = this.next2.get(out[out.length - 2] + ' ' + last);
      const one = this.next1.get(last);
      const list = two && (two.length > 1 || !one || !rng.chance(0.35)) ? two : one;
      if (!list) break;
      out.push(rng.pick(list));
    }
    if (ABBREVIATION.test(' ' + out[out.length - 1])) out.pop();
    return out;
  }
}

function push(m: Map<string, string[]>, k: string, v: string): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}
