/**
 * Texts that Excel shows otherwise when it opens a CSV file: it reads every cell it can as a number, a date or a time,
 * so an indicator code `1.10` shows as 1.1 (the same as `1.1`), `01` and `000001` as 1, `1E5` as 1.00E+05, `2-3` and
 * `1/2` as dates, `1:30` as a time, and a number of more than 11 digits in scientific notation (past 15 digits also
 * rounded). The CSV files keep the text as written; index.xlsx stores it as text and shows it as it is.
 */

/** How Excel shows a CSV cell that it does not show as written: the number it reads, or as a date, a time, or in scientific notation. */
export type ExcelShown = { kind: "number"; shown: string } | { kind: "date" | "time" | "scientific" };

/** A text Excel reads as a number (an optional sign, digits with one decimal point, an optional exponent). */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Texts Excel reads as a date (`2-3`, `1/2`, `2017-1`, `2017/1/2`) or a time (`1:30`, `1:30:05`). */
const DATE = /^\d{1,4}[-/]\d{1,2}(?:[-/]\d{1,4})?$/;
const TIME = /^\d{1,2}:\d{2}(?::\d{2})?$/;
/** The most digits Excel's General format shows of a number before it turns to scientific notation. */
const GENERAL_DIGITS = 11;

/**
 * How Excel, opening a CSV file, shows the cell `text` when not as written (see the module's note); `undefined` when
 * it shows it as written (a code such as `A11`, `1.1` or `1.1.1`, a name, `-2.5`).
 * @example excelShownAs("1.10") // => { kind: "number", shown: "1.1" }
 */
export function excelShownAs(text: string): ExcelShown | undefined {
  if (DATE.test(text)) return { kind: "date" };
  if (TIME.test(text)) return { kind: "time" };
  if (!NUMBER.test(text)) return undefined;
  if (/[eE]/.test(text)) return { kind: "scientific" };
  const digits = text.replace(/[eE].*$/, "").replace(/\D/g, "").replace(/^0+(?=\d)/, "");
  const number = Number(text);
  if (digits.length > GENERAL_DIGITS || Math.abs(number) >= 10 ** GENERAL_DIGITS) return { kind: "scientific" };
  const shown = String(number);
  return shown === text ? undefined : { kind: "number", shown };
}
