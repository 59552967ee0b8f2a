/** Percentages as the API shows them: 0–100 with one decimal, halves rounded up, null when there is nothing to divide by. */
export function pct1(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  // Snap to 1e-6 of a tenth first so float noise (e.g. 2/3 summed in another order) cannot flip the last digit.
  const tenths = Math.round((numerator / denominator) * 1e7) / 1e4;
  return Math.round(tenths) / 10;
}
