/**
 * Seeded pseudo-random numbers (mulberry32): the same seed gives the same
 * sequence on every machine. For generated data (demo data, the benchmark's
 * dataset), never for anything secret.
 */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const below = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[below(list.length)]!;
  /** `count` different entries of `list`. */
  const sample = <T>(list: readonly T[], count: number): T[] => {
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(below(list.length));
    return [...chosen].map((index) => list[index]!);
  };
  const shuffle = <T>(list: readonly T[]): T[] => {
    const shuffled = [...list];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = below(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    return shuffled;
  };
  return {
    next,
    below,
    pick,
    sample,
    shuffle,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + below(max - min + 1),
  };
}
