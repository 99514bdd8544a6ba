/** How the dashboard writes the numbers it shows beside the computed ones. */

/**
 * A raw value as read, cut to 4 decimals at most (a computed series can carry 15), or to 6 significant digits below 1,
 * so that a small value (0.00004, a share of 0.014935) is not shown as 0 or cut to 0.0149; "–" for a missing one.
 * @example formatRaw(1234.567891) // => "1234.5679"
 * @example formatRaw(0.00004) // => "0.00004"
 */
export function formatRaw(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return String(Math.abs(value) >= 1 ? Number(value.toFixed(4)) : Number(value.toPrecision(6)));
}
