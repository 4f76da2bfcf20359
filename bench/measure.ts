/** Timing helpers of the benchmark: warm-up, repetitions, percentiles. */

export interface Percentiles {
  p50: number;
  p95: number;
  samples: number;
}

/** Nearest-rank percentiles, rounded to hundredths of a millisecond. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!);
  return { p50: at(0.5), p95: at(0.95), samples: sorted.length };
}

export const round = (ms: number, digits = 2) => Number(ms.toFixed(digits));

export interface Repetitions {
  /** Untimed runs first: JIT, caches, lazily built indexes. */
  warmup: number;
  runs: number;
}

/**
 * Times `run` (warm-up runs first, untimed); `between` runs after each timed
 * run, untimed (e.g. to undo what the run did).
 */
export async function measure(
  repetitions: Repetitions,
  run: (index: number) => Promise<unknown>,
  between?: (index: number) => Promise<unknown>,
): Promise<Percentiles> {
  return percentiles(await measureSamples(repetitions, run, between));
}

/** As measure, answering the timings themselves (to combine several kinds of call into one figure). */
export async function measureSamples(
  { warmup, runs }: Repetitions,
  run: (index: number) => Promise<unknown>,
  between?: (index: number) => Promise<unknown>,
): Promise<number[]> {
  for (let index = 0; index < warmup; index++) {
    await run(index);
    await between?.(index);
  }
  const samples: number[] = [];
  for (let index = warmup; index < warmup + runs; index++) {
    const start = performance.now();
    await run(index);
    samples.push(performance.now() - start);
    await between?.(index);
  }
  return samples;
}

/** Runs `work` once; answers its result and how long it took. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: round(performance.now() - start), result };
}

/** The median of a few timings (for figures measured only a few times, e.g. open and exports). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return round(sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2);
}
