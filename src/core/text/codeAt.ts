/**
 * `s.charCodeAt(i)`, or -1 for an `i` outside `s` (where charCodeAt gives NaN, without reading past
 * the end). V8 compiles a read past a string's end as a wrong guess: the first one throws the
 * function's optimised code away, and a large function (sentenceSubject) is then compiled again; so
 * would a NaN where the code so far saw only character codes. Each worker pays that anew, on cores
 * the analysis needs (bench/RESULTS.md, 2026-12-06). Callers compare the result (or it `| 0x20`) with
 * codes at or above zero, for equality or a range, where -1 and NaN give the same answers.
 */
export const codeAt = (s: string, i: number): number => (i >= 0 && i < s.length ? s.charCodeAt(i) : -1);
