/** What a bench reports and how it times: one row per measure, the median of a few runs. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

/** Median wall time of `fn` over `runs` runs after one warm-up, in milliseconds. */
export async function medianMs(fn: () => unknown | Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
