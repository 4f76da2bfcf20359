/**
 * Applies a validated patch: an absent key keeps its value; a key that is
 * undefined (an emptied text) or null (a cleared date, number or link)
 * removes the value.
 */
export function applyPatch<T extends object>(current: T, patch: { [K in keyof T]?: T[K] | null }): T {
  const next = { ...current } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as T;
}
