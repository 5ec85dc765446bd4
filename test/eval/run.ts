/** `npm run eval`: prints the engine's accuracy on the seed gold (and BASIL when present). */
import { scoreBasil } from './basilScore';
import { scoreBasilMixed } from './basilMixed';
import { scorePolnearLinks } from './polnearLinks';
import { polnearSplits, scorePolnear } from './polnearScore';
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

const b = scoreBasil();
console.log(`\nBASIL pairs (test/fixtures/basil, ${b.pairs} pairs without the doubtful ones)`);
console.log(`  links          P ${f(b.links.precision)}  R ${f(b.links.recall)}  F1 ${f(b.links.f1)}  (tp ${b.links.tp}, fp ${b.links.fp}, fn ${b.links.fn}, tn ${b.links.tn})   (target P, R ≥ 0.95)`);
console.log(`  recall by relation  ${Object.entries(b.recallByRelation).map(([k, v]) => `${k} ${v.hit}/${v.total}`).join(', ')}`);
console.log(`  relation fine  ${f(b.relationFine.value)}  (${b.relationFine.hit}/${b.relationFine.total})`);
console.log(`  relation coarse ${f(b.relationCoarse.value)}  (${b.relationCoarse.hit}/${b.relationCoarse.total})   (target ≥ 0.95)`);
console.log(`  extraction     recall ${f(b.extraction.recall)} exact (${b.extraction.exact}/${b.extraction.total}; ${b.extraction.overlap} overlapped)   (target ≥ 0.99)`);
console.log(`  speaker        ${f(b.speaker.value)}  (${b.speaker.hit}/${b.speaker.total}, surname match)   (target ≥ 0.90)`);
console.log(`  quote-differs  warnings P ${f(b.quoteDiffers.precision)}  R ${f(b.quoteDiffers.recall)}  (tp ${b.quoteDiffers.tp}, fp ${b.quoteDiffers.fp}, fn ${b.quoteDiffers.fn}; per pair and direction, right when gold is a word change)   (target P ≥ 0.95)`);
console.log(`                 any severity R ${f(b.quoteDiffers.recallAny)}  (missed ${b.quoteDiffers.fnAny}; a quote that follows the canonical wording is information, “Sources disagree”)   (target ≥ 0.95)`);
console.log(`  speaker-differs P ${f(b.speakerDiffers.precision)}  (${b.speakerDiffers.right}/${b.speakerDiffers.fired} on labelled pairs both naming a speaker; ${b.speakerDiffers.all} fired in all)   (target P ≥ 0.90)`);
printConfusion(b.confusion);
const listMisses = process.argv.includes('--misses') || !!process.env.VERBATIM_MISSES;
if (listMisses) {
  console.log('  misses:');
  for (const m of b.misses) console.log('    ' + m);
} else {
  console.log(`  ${b.misses.length} misses: run \`npm run eval -- --misses\` to list them`);
}
const mixed = scoreBasilMixed();
console.log(`  as one archive (all 30 events' articles sources of each other): word-change links within an event ${mixed.within}, across two events ${mixed.across} (two utterances, but for a line repeated at both; 10 before the evidence rule of 2026-12-06)`);
if (listMisses) for (const x of mixed.examples) console.log(`    across events ${x}`);

for (const { split, dir } of polnearSplits()) {
  const p = scorePolnear(dir, split);
  console.log(`\nPolNeAR ${split} (${dir.includes('fixtures') ? 'test/fixtures/polnear' : 'shared corpora'}), ${p.named} quotations with a named source`);
  console.log(`  speaker        accuracy ${f(p.accuracy)} (${p.right}/${p.named})  precision ${f(p.precision)} (${p.right}/${p.given})   (target dev: accuracy ≥ 0.93, precision ≥ 0.97)`);
  console.log(`  by rule        ${Object.entries(p.byRule).sort((x, y) => y[1].given - x[1].given).map(([k, v]) => `${k} ${f(v.value)} (${v.right}/${v.given})`).join(', ')}`);
  console.log(`  speakers given to pronoun/description-sourced quotations (not scored): ${p.otherGiven}`);
  if (listMisses) for (const e of p.errors) console.log('    ' + e);
  const l = scorePolnearLinks(dir, split);
  console.log(`  word-change links across articles (every article a source of the others; labelled in test/fixtures/polnear/links.gold.json): ${l.linked}`);
  console.log(`                 precision ${f(l.precision)} (${l.same} one utterance, ${l.different} two, ${l.unsure} unsure, ${l.unlabelled.length} unlabelled); ${l.goldSameLinked} of the ${l.goldSame} labelled one utterance still linked (any relation)   (target P ≥ 0.80)`);
  if (listMisses) for (const e of [...l.falseLinks.map((x) => `false link ${x}`), ...l.unlabelled.map((x) => `unlabelled ${x}`)]) console.log('    ' + e);
}

/** Rows: gold relation (`different` = not the same utterance); columns: the engine's (`none` = no link). */
function printConfusion(c: Record<string, Record<string, number>>): void {
  const rels = ['identical', 'excerpt', 'punctuation', 'spelling', 'variant', 'paraphrase'];
  const cols = [...rels, 'none'];
  const rows = [...rels, 'different'].filter((r) => c[r]);
  const w = 11;
  console.log('  confusion of fine relations (rows gold, columns engine):');
  console.log('    ' + ''.padEnd(w) + cols.map((x) => x.slice(0, 10).padStart(w)).join(''));
  for (const r of rows) console.log('    ' + r.padEnd(w) + cols.map((x) => String(c[r][x] ?? 0).padStart(w)).join(''));
}
