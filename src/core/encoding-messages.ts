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
});
