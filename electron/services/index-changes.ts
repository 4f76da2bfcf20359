/** What one change of an array in a document removed and added. */
export interface Changes<T> {
  removed: T[];
  added: T[];
}

/**
 * The items of `previous` that are not in `next`, and those of `next` that
 * were not in `previous`, by identity: documents are never changed in place,
 * so an unchanged item is the same object in both. Only the part between the
 * common beginning and the common end is compared item by item, so that a
 * check-in at an event of 500 guests (one invitation replaced) costs pointer
 * comparisons and no work per guest in the indexes.
 */
export function changesBetween<T>(previous: readonly T[], next: readonly T[]): Changes<T> {
  let start = 0;
  const shorter = Math.min(previous.length, next.length);
  while (start < shorter && previous[start] === next[start]) start++;
  let previousEnd = previous.length;
  let nextEnd = next.length;
  while (previousEnd > start && nextEnd > start && previous[previousEnd - 1] === next[nextEnd - 1]) {
    previousEnd--;
    nextEnd--;
  }
  const before = previous.slice(start, previousEnd);
  const after = next.slice(start, nextEnd);
  if (before.length === 0 || after.length === 0) return { removed: before, added: after };
  // Unchanged items may lie between two changed ones (or moved): they are neither removed nor added.
  const kept = new Set(before);
  const now = new Set(after);
  return { removed: before.filter((item) => !now.has(item)), added: after.filter((item) => !kept.has(item)) };
}
