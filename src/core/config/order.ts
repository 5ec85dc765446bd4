/**
 * The one order of sources, shared by the CLI and the editor: by path, compared code unit by code unit
 * (not `localeCompare`, whose result depends on the machine's locale), so "the earliest source" names
 * the same file in both.
 */

/** A path as it is compared: Windows separators as forward slashes. */
const keyOf = (path: string): string => (path.includes('\\') ? path.replace(/\\/g, '/') : path);

/** Negative when source `a` sorts before `b`. */
export function compareSourceOrder(a: string, b: string): number {
  // Most paths have no backslash: a regular expression per comparison was most of a 10,000-file sort.
  const x = keyOf(a);
  const y = keyOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `items` sorted in the source order of `pathOf` each, each path's key made once (a stable sort). */
export function sortBySourceOrder<T>(items: readonly T[], pathOf: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ key: keyOf(pathOf(item)), item }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.item);
}
