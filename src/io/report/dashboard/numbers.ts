/** How the dashboard writes the numbers it shows beside the computed ones. */
import { SIGNIFICANT_DIGITS, toFixedText } from "../../../core/number.js";

/**
 * A raw value with the digits it has, up to 15 significant (`SIGNIFICANT_DIGITS`, what Excel keeps: 0.1 + 0.2 shows as
 * 0.3), rounded as `toFixedText` rounds, with no trailing zeros and never an exponent: 0.0000005 is not "5e-7", and
 * 2.00005 is not cut to 2, nor 0.00004 to 0; "–" for a missing one. (The same digits as `formatSignificant(value, 0,
 * 15)` of the CSV writers, which the page's script cannot import: they read files.)
 * @example formatRaw(1234.567891) // => "1234.567891"
 * @example formatRaw(0.0000005) // => "0.0000005"
 */
export function formatRaw(value: number): string {
  if (!Number.isFinite(value)) return "–";
  if (value === 0) return "0";
  // The exponent of the value rounded to 15 significant digits (toExponential rounds first: 9.99999999999999999e-5 is
  // 1.00000000000000e-4), then as many decimals as the 15th digit needs.
  const exponent = Number(value.toExponential(SIGNIFICANT_DIGITS - 1).split("e")[1]);
  const decimals = Math.max(0, SIGNIFICANT_DIGITS - 1 - exponent);
  const text = toFixedText(value, decimals);
  return decimals > 0 ? text.replace(/\.?0+$/, "") : text;
}
