/** The values without repeats (two are the same when `key` says so), in their first order. */
export function distinctBy<T>(values: readonly T[], key: (value: T) => string = String): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const found = key(value);
    if (seen.has(found)) return false;
    seen.add(found);
    return true;
  });
}
