/** Spreadsheet column names: the letters Excel gives a column and back (1 is A, 27 is AA, 16,384 is XFD). */

/** The column letters of a 1-based column number (1 -> A, 27 -> AA). */
export function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** The 1-based column number of column letters in upper case (`A` 1, `XFD` 16,384). */
export function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}
