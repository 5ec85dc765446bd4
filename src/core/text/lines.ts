/**
 * Line and column of UTF-16 offsets, by binary search over line starts (built once per text). Lines end
 * at `\r\n`, `\n` or `\r`, as in VS Code's TextDocument, so the CLI and the editor agree on positions.
 */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) this.starts.push(i + 1);
    }
  }

  /** Zero-based line and UTF-16 column of `offset`, clamped to the text. */
  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(Math.floor(offset), this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: o - this.starts[lo] };
  }
}

/**
 * `text.replace(re, f)` for a global search of a `^…`-anchored multiline pattern, given `re` sticky:
 * it is tried at each line start (after \n, \r, U+2028 or U+2029, as `^` takes them) past the last
 * match, which is where a global search can match it, instead of at every character.
 */
export function replaceAtLineStarts(text: string, re: RegExp, f: (match: string) => string, mayMatch?: (text: string, at: number) => boolean): string {
  const parts: string[] = [];
  let kept = 0;
  // (Most texts break lines with \n alone: then the next break is found by indexOf.)
  const feedsOnly = !OTHER_BREAK.test(text);
  for (let at = 0; at <= text.length; ) {
    // (`mayMatch`, when given, is false where `re` cannot match: there it is not run.)
    re.lastIndex = at;
    const m = mayMatch && !mayMatch(text, at) ? null : re.exec(text);
    if (m && m[0].length > 0) {
      parts.push(text.slice(kept, at), f(m[0]));
      kept = at = at + m[0].length;
      // A match can end just after a break it crossed ([^\n] takes \r): then a line starts right there.
      const last = text.charCodeAt(at - 1);
      if (last === 10 || last === 13 || last === 0x2028 || last === 0x2029) continue;
    }
    let br: number;
    if (feedsOnly) br = text.indexOf('\n', at);
    else {
      LINE_BREAK.lastIndex = at;
      br = LINE_BREAK.exec(text)?.index ?? -1;
    }
    if (br < 0) break;
    at = br + 1;
  }
  if (kept === 0) return text;
  parts.push(text.slice(kept));
  return parts.join('');
}
const LINE_BREAK = /[\n\r\u2028\u2029]/g;
const OTHER_BREAK = /[\r\u2028\u2029]/;
