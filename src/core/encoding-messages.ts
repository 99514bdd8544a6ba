/**
 * Messages of the text reader (src/io/read/read-text.ts): a file in none of the encodings it reads. Shape:
 * `<file>: <what the bytes are>; expected <how to save it>`.
 */
import { catalogue } from "./localize.js";

export const encodingMessages = catalogue("encodingMessages", {
  nulBytes: (source: string) =>
    `${source}: the file contains NUL bytes, so it is not text in UTF-8, UTF-16 or GBK (a binary file?); expected a CSV saved as "CSV UTF-8"`,
  notUtf8: (source: string) => `${source}: the file is not valid UTF-8; expected a UTF-8 text file (or give --encoding gbk)`,
  notValid: (source: string, encoding: string) => `${source}: the file is not valid ${encoding}; expected a CSV saved as "CSV UTF-8" or as CSV from Chinese Excel (GBK), or an .xlsx workbook`,
  notText: (source: string) =>
    `${source}: the file is neither UTF-8 nor GBK/GB18030 text; expected a CSV saved as "CSV UTF-8" or as CSV from Chinese Excel (GBK), or an .xlsx workbook`,
  notValidUtf16: (source: string, encoding: string) => `${source}: the file starts like ${encoding} text but is not valid ${encoding}; expected UTF-8`,
  /** A file whose lines are some UTF-8, some GBK (`mixedEncodingLines` in src/io/read/read-text.ts). */
  mixedEncodings: (source: string, mixed: MixedLines) =>
    `${source}: the file mixes two encodings: ${linesOf(mixed.utf8, mixed.utf8Count)} ${mixed.utf8Count === 1 ? "is" : "are"} UTF-8, ` +
    `${linesOf(mixed.other, mixed.otherCount)} ${mixed.otherCount === 1 ? "is" : "are"} not (GBK/GB18030, as Excel on Chinese Windows saves CSV); ` +
    `read as one encoding, some lines turn into wrong characters (UTF-8 ${JSON.stringify(mixed.sample.text)} read as GBK is ${JSON.stringify(mixed.sample.misread)}); ` +
    `expected one encoding for the whole file (was it joined from two files?): save each part again as "CSV UTF-8", then join them`,
});

/** The lines of each encoding of a file that mixes two: the first few of each, how many there are, a text misread. */
export interface MixedLines {
  utf8: readonly number[];
  utf8Count: number;
  other: readonly number[];
  otherCount: number;
  sample: { text: string; misread: string };
}

/** `line 4`, `lines 2, 3`, `lines 2, 3, 4, 5, 6 (40 lines in all)`: the lines named and how many there are. */
const linesOf = (named: readonly number[], count: number) =>
  `line${count === 1 ? "" : "s"} ${named.join(", ")}${count > named.length ? ` (${count} lines in all)` : ""}`;
