/**
 * One hostile input, measured in a fresh process (hostileRun.ts starts one per case and size, with a
 * time limit): extraction alone, the whole analysis, and a check against a small generated corpus.
 *
 *   node --expose-gc out/bench/hostile.js <case> <size>
 * Cases: line (an article on one line, size in MB), unclosed (opening marks never closed), nested
 * (quotes nested to a depth), words (an article of that many words in ordinary paragraphs).
 */
import { analyze, Engine, extractQuotes } from '../src/core';
import { Corpus } from './corpus/generate';
import { loadMaterial } from './corpus/material';
import { Rng } from './corpus/rng';
import { gc, memoryMb, timed } from './stats';

/** Ordinary article text: real sentences and quotes, `join` between paragraphs, until `chars` long. */
function articleText(chars: number, join: string): string {
  const m = loadMaterial();
  const rng = new Rng('hostile');
  const parts: string[] = [];
  let n = 0;
  while (n < chars) {
    const p = rng.chance(0.4) ? `Maria Lopez said: “${rng.pick(m.quotes).join(' ')}.”` : rng.pick(m.sentences);
    parts.push(p);
    n += p.length + join.length;
  }
  return parts.join(join).slice(0, chars);
}

function wordsText(words: number): string {
  const m = loadMaterial();
  const rng = new Rng('hostile-words');
  const paras: string[] = [];
  let n = 0;
  while (n < words) {
    const p = rng.chance(0.4) ? `“${rng.pick(m.quotes).join(' ')},” said Maria Lopez.` : rng.pick(m.sentences);
    paras.push(p);
    n += p.split(' ').length;
  }
  return paras.join('\n\n');
}

export function hostileText(kind: string, size: number): string {
  switch (kind) {
    case 'line': return articleText(size * 2 ** 20, ' ');
    case 'unclosed': return 'He said '.concat('“we ', '“we '.repeat(size - 1));
    case 'nested': {
      const open: string[] = [];
      const close: string[] = [];
      for (let d = 0; d < size; d++) {
        open.push(d % 2 ? '‘word ' : '“word ');
        close.push(d % 2 ? ' end’' : ' end”');
      }
      return 'He said ' + open.join('') + 'middle' + close.reverse().join('') + '.';
    }
    case 'words': return wordsText(size);
    default: throw new Error(`unknown case ${kind}`);
  }
}

function main(): void {
  const [kind, sizeArg] = process.argv.slice(2);
  const size = Number(sizeArg);
  const text = hostileText(kind, size);
  const corpus = new Corpus(200, 'hostile-sources');
  const engine = new Engine();
  for (const a of corpus.articles()) engine.setSource({ uri: a.uri, text: a.text });
  gc();
  const before = memoryMb();
  const [extractMs, quotes] = timed(() => extractQuotes(text));
  const [analyzeMs, analyzed] = timed(() => analyze({ uri: 'hostile.txt', text }));
  const heapMb = memoryMb() - before;
  const [checkMs, report] = timed(() => engine.check(analyzed));
  const result = {
    kind, size, chars: text.length, quotes: quotes.length, extractMs, analyzeMs, checkMs, heapMb,
    matches: report.quotes.reduce((n, q) => n + q.matches.length, 0), maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write('RESULT ' + JSON.stringify(result) + '\n');
}

if (require.main === module) main();
