/** Binary search over sorted lists. */

/**
 * The number of leading elements of `list` for which `before` holds, when it holds for a prefix and
 * then never again (C++'s partition_point): e.g. how many mentions come before an offset.
 */
export function partitionPoint<T>(list: readonly T[], before: (x: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
