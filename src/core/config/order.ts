/**
 * The one order of sources, shared by the CLI and the editor: by path, compared code unit by code unit
 * (not `localeCompare`, whose result depends on the machine's locale), so "the earliest source" names
 * the same file in both.
 */

/** Negative when source `a` sorts before `b`. */
export function compareSourceOrder(a: string, b: string): number {
  const x = a.replace(/\\/g, '/');
  const y = b.replace(/\\/g, '/');
  return x < y ? -1 : x > y ? 1 : 0;
}
