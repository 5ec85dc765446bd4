/**
 * The source of a regular expression that matches one of `words` (letters only), written as a prefix
 * tree: "say|said|stress" becomes "s(?:a(?:id|y)|tress)". Irregexp tries a flat alternation's words one
 * after another at every place it scans; the tree reads each letter once. Which word it tries first
 * changes, so use it only where every word that can match at a place ends at the same place (the
 * pattern requires a word boundary after it, say).
 */
export function prefixTree(words: readonly string[]): string {
  interface Node { end: boolean; next: Map<string, Node> }
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    if (!/^[A-Za-z]+$/.test(w)) throw new Error(`prefixTree takes letters only: ${JSON.stringify(w)}`);
    let n = root;
    for (const ch of w) {
      let child = n.next.get(ch);
      if (!child) n.next.set(ch, (child = { end: false, next: new Map() }));
      n = child;
    }
    n.end = true;
  }
  const emit = (n: Node): string => {
    const alts = [...n.next.keys()].sort().map((ch) => ch + emit(n.next.get(ch)!));
    if (alts.length === 0) return '';
    if (n.end) return `(?:${alts.join('|')})?`;
    return alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
  };
  return emit(root);
}
