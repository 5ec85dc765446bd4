import { Corpus } from './corpus/generate';
import { analyze } from '../src/core';
const size = 3000; const corpus = new Corpus(size);
const docs = Array.from({ length: size }, (_, i) => { const a = corpus.article(i); return { uri: a.uri, label: a.uri, text: a.text, order: i }; });
const t = performance.now();
for (const d of docs) analyze(d, d.order);
console.log('ms/doc', ((performance.now() - t) / size).toFixed(3));
