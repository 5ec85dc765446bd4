/** replaceAtLineStarts (core/text/lines.ts) gives exactly what a global multiline replace gives. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { replaceAtLineStarts } from '../../src/core/text/lines';

// The attribution's furniture pattern, and a simpler one, on text made of the pieces that matter:
// every line break `^` knows (\r, \n, U+2028, U+2029), labels, capitals, credits.
const PATTERNS = [
  /^[ \t]*(?:(?:Related|Read more|Photo|Watch)\b[^\n]*|[^\n\p{Ll}]*\p{Lu}{2}[^\n\p{Ll}]*|[^\n]{0,80}\b(?:Getty Images|AP Photo)\b[^\n]*)$/gmu,
  /^X[^\n]*$/gm,
];
const piece = fc.constantFrom('Related: x', 'PHOTO', 'AB CD', 'Getty Images', 'hello', '\n', '\r', '\r\n', '\u2028', '\u2029', ' ', '\t', 'Photo by AP Photo', 'x', 'X', '\u2063', 'Watch', 'ÉÉ', 'a');
const text = fc.array(piece, { maxLength: 24 }).map((xs) => xs.join(''));

describe('replacing at line starts', () => {
  it('equals String.replace with the global multiline pattern', () => {
    const blank = (line: string): string => line.replace(/[^\u2063]/gu, ' ');
    for (const g of PATTERNS) {
      const sticky = new RegExp(g.source, g.flags.replace('g', '') + 'y');
      fc.assert(fc.property(text, (t) => replaceAtLineStarts(t, sticky, blank) === t.replace(g, blank)), { numRuns: 3000 });
    }
    // The case that a first version got wrong: a match that crosses a break ends where a line starts.
    const t = 'YY\u2028\u2028Photo by AP Photo';
    assert.equal(replaceAtLineStarts(t, new RegExp(PATTERNS[0].source, 'ymu'), blank), t.replace(PATTERNS[0], blank));
  });
});
