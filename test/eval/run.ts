/** `npm run eval`: prints the engine's accuracy on the seed gold (and BASIL when present). */
import { scoreSeeds } from './seedScore';

const f = (x: number): string => x.toFixed(3);
const s = scoreSeeds();
console.log('Seed gold (test/fixtures/seeds.gold.json)');
console.log(`  extraction     P ${f(s.extraction.precision)}  R ${f(s.extraction.recall)}  F1 ${f(s.extraction.f1)}   (target F1 1.000)`);
console.log(`  speaker        ${f(s.speaker.value)}  (${s.speaker.hit}/${s.speaker.total})   (target ≥ 0.95)`);
console.log(`  links          P ${f(s.links.precision)}  R ${f(s.links.recall)}  (tp ${s.links.tp}, fp ${s.links.fp}, fn ${s.links.fn}; hard pairs linked ${s.links.hardLinked}/${s.links.hardTotal})   (target ≥ 0.95)`);
console.log(`  relation fine  ${f(s.relationFine.value)}  (${s.relationFine.hit}/${s.relationFine.total})`);
console.log(`  relation coarse ${f(s.relationCoarse.value)}  (${s.relationCoarse.hit}/${s.relationCoarse.total})   (target ≥ 0.95)`);
console.log(`  quote-differs  P ${f(s.quoteDiffers.precision)}  R ${f(s.quoteDiffers.recall)}  (tp ${s.quoteDiffers.tp}, fp ${s.quoteDiffers.fp}, fn ${s.quoteDiffers.fn})   (target ≥ 0.95)`);
if (s.misses.length) {
  console.log('  misses:');
  for (const m of s.misses) console.log('    ' + m);
}
