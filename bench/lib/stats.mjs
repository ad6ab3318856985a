// The figures every part reports: percentiles of measured times, and numbers rounded for the table.

/** The p-quantile (0–1) of ascending `sorted` values, nearest rank; NaN when there are none. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** `x` to `digits` decimals for the table, or null when it is not a number. */
export const round = (x, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);
