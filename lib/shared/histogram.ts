/**
 * Logarithmic duration histograms (the rollups' `duration_histogram`): bucket b holds durations in
 * [1.1^(b-1), 1.1^b) ms, b = 1 also everything under 1 ms. Must match public.duration_bucket() in
 * supabase/migrations/20261127000300_duration_histograms.sql. A percentile read from such a histogram is within
 * 10 % of the exact value.
 */
const GROWTH = 1.1;

export function durationBucket(ms: number): number {
  return Math.floor(Math.log(Math.max(ms, 1)) / Math.log(GROWTH)) + 1;
}

/** Adds histograms bucket by bucket. */
export function mergeHistograms(histograms: Iterable<Record<string, number>>): Map<number, number> {
  const out = new Map<number, number>();
  for (const h of histograms) {
    for (const [bucket, n] of Object.entries(h)) out.set(Number(bucket), (out.get(Number(bucket)) ?? 0) + Number(n));
  }
  return out;
}

/**
 * The q-th quantile (0 < q ≤ 1) in ms, interpolated geometrically inside its bucket; null for an empty histogram.
 */
export function histogramQuantile(histogram: Map<number, number>, q: number): number | null {
  const buckets = [...histogram.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const target = q * total;
  let below = 0;
  for (const [bucket, n] of buckets) {
    if (below + n >= target) {
      const low = bucket === 1 ? 0 : GROWTH ** (bucket - 1);
      const high = GROWTH ** bucket;
      const fraction = n === 0 ? 0 : (target - below) / n;
      return bucket === 1 ? high * fraction : low * (high / low) ** fraction;
    }
    below += n;
  }
  const last = buckets.at(-1)?.[0] ?? 1;
  return GROWTH ** last;
}
