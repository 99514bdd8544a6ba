/**
 * Recognising a file that is not an input at all from its first bytes (a PDF, an image, an archive, a Parquet file, a
 * stream of NUL bytes), so that it is refused at once, naming what it looks like, instead of being read whole and
 * failing later with a vague message.
 */

/** How many first bytes are looked at for NUL bytes. */
export const SNIFF_BYTES = 8192;

/** Known first bytes of files that are never inputs, and what they are. */
const MAGIC: readonly (readonly [readonly number[], string])[] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], "a PDF document"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x1f, 0x8b], "a gzip archive (unpack it first)"],
  [[0x42, 0x5a, 0x68, 0x39], "a bzip2 archive (unpack it first)"],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], "an xz archive (unpack it first)"],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], "a 7-Zip archive (unpack it first)"],
  [[0x52, 0x61, 0x72, 0x21], "a RAR archive (unpack it first)"],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], "an SQLite database (export the table as CSV)"],
  [[0x7f, 0x45, 0x4c, 0x46], "a program (ELF)"],
];

/** The first bytes of a Parquet file (`PAR1`). */
const PARQUET = [0x50, 0x41, 0x52, 0x31];
/** The first bytes of a zip archive (an .xlsx workbook is one; so are .docx files and plain .zip archives). */
export const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The first bytes of an old binary Office file (.xls), refused with its own message by the table reader. */
export const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

/** Whether `bytes` start with the bytes of `magic`. */
export const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

/** What `describeBinary` says of first bytes holding NUL bytes that are not UTF-16 text: the readers name the first. */
export const NUL_DATA = "binary data (NUL bytes in its first bytes)";

/**
 * What the first bytes of a file look like when they are not an input: a known kind of file, or binary data (NUL
 * bytes in the first `SNIFF_BYTES`); `undefined` for text (any encoding the readers accept, UTF-16 with its byte-order
 * mark included), zip archives (checked whole by `describeZip`) and old .xls workbooks.
 */
export function describeBinary(head: Uint8Array): string | undefined {
  if (head.length === 0) return undefined;
  if (startsWith(head, ZIP) || startsWith(head, OLE2)) return undefined;
  // UTF-16 with a byte-order mark carries NUL bytes in every ASCII character; it is read as text.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return undefined;
  for (const [magic, what] of MAGIC) if (startsWith(head, magic)) return what;
  if (startsLikeParquet(head)) return "a Parquet file (export it as CSV)";
  const end = Math.min(head.length, SNIFF_BYTES);
  let nul = 0;
  for (let i = 0; i < end; i++) if (head[i] === 0) nul++;
  if (nul === 0) return undefined;
  if (nul === end) return "a stream of NUL bytes (binary data)";
  if (utf16WithoutMark(head) !== undefined) return undefined;
  return NUL_DATA;
}

/** Whether first bytes are a Parquet file's: `PAR1`, which could begin a line of text, followed by binary bytes. */
export function startsLikeParquet(head: Uint8Array): boolean {
  return startsWith(head, PARQUET) && head.subarray(4, 64).some((byte) => byte < 0x09);
}

/** How the NUL bytes of a text file are looked for (see `nulScanOf`). */
export type NulScan = "bytes" | "utf-16le" | "utf-16be";

/**
 * How a text file's NUL bytes are told apart, from its first bytes: `bytes` in UTF-8 and GBK/GB18030 text, none of
 * whose characters has a 0x00 byte; `utf-16le` or `utf-16be` in UTF-16 text (with its byte-order mark or without, as
 * `describeBinary` and `decodeText` tell it), whose characters may hold one, but whose pair of NUL bytes at an even
 * offset is U+0000, no text's character. `undefined` for a zip archive (an .xlsx workbook) or an old .xls workbook,
 * binary files whose readers check them.
 */
export function nulScanOf(head: Uint8Array): NulScan | undefined {
  if (startsWith(head, ZIP) || startsWith(head, OLE2)) return undefined;
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return head.subarray(0, SNIFF_BYTES).includes(0) ? (utf16WithoutMark(head) ?? "bytes") : "bytes";
}

/** Two NUL bytes: U+0000 in UTF-16 when they start at an even offset. */
const NUL_PAIR = Buffer.from([0, 0]);

/**
 * The offset in the file of the first NUL (`nulScanOf` says what is one) among `chunk`, the file's bytes from offset
 * `start` on; -1 when there is none. In UTF-16 a pair of NUL bytes counts from an even offset of the file, and a pair
 * that `chunk` cuts in two is not seen (give the chunk from an even offset).
 * @example firstNul(Buffer.from("a,b\n1,2\n\0\0"), "bytes", 100) // => 108
 */
export function firstNul(chunk: Uint8Array, scan: NulScan, start: number): number {
  const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (scan === "bytes") {
    const at = bytes.indexOf(0);
    return at < 0 ? -1 : start + at;
  }
  // A pair at an odd offset is the end of one character and the start of the next ("A一" is 41 00 00 4E in UTF-16LE).
  for (let from = 0; ; ) {
    const at = bytes.indexOf(NUL_PAIR, from);
    if (at < 0) return -1;
    if ((start + at) % 2 === 0) return start + at;
    from = at + 1;
  }
}

/**
 * The line (1-based) that the byte at `offset` of `bytes` (a file's bytes from its start) lies on: one more than the
 * line ends before it, counted as the CSV readers count them (csv.ts): a line feed, a carriage return followed by one
 * (CRLF, one line end), or a carriage return alone (the line end of Excel for Mac's "CSV (Macintosh)"). In UTF-16 the
 * U+000A and U+000D characters; in GBK/GB18030 no character's bytes hold 0x0A or 0x0D.
 * @example lineAt(Buffer.from("a\rb\r\nc\nd\0"), 8, "bytes") // => 4 (a CR, a CRLF and an LF before the NUL)
 */
export function lineAt(bytes: Uint8Array, offset: number, scan: NulScan): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(offset, bytes.byteLength));
  // A character's code units: one byte, or two in UTF-16 (at an even offset of the file).
  const width = scan === "bytes" ? 1 : 2;
  const unit = (code: number) => (scan === "bytes" ? Buffer.from([code]) : scan === "utf-16le" ? Buffer.from([code, 0]) : Buffer.from([0, code]));
  const feed = unit(0x0a);
  const carriageReturn = unit(0x0d);
  let line = 1;
  for (let at = view.indexOf(feed); at >= 0; at = view.indexOf(feed, at + 1)) if (at % width === 0) line++;
  // A carriage return not followed by a line feed (its CRLF counted above). The view ends before `offset`, whose byte
  // is the NUL: a carriage return just before it is one alone.
  const feedAfter = (at: number) => view[at + width] === feed[0] && (width === 1 || view[at + width + 1] === feed[1]);
  for (let at = view.indexOf(carriageReturn); at >= 0; at = view.indexOf(carriageReturn, at + 1)) if (at % width === 0 && !feedAfter(at)) line++;
  return line;
}

/** Control characters that no text file holds (all but tab, line feed and carriage return), NUL included. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * Whether the first bytes of a file (at most `SNIFF_BYTES` are looked at) are UTF-16 text without a byte-order mark,
 * as R's `write.csv(fileEncoding = "UTF-16LE")` or SQL Server's `bcp -w` write it, and in which byte order. Each ASCII
 * character (separators, digits, line ends: most of a CSV file, even one with Chinese names) has a NUL byte on the
 * same side of its pair, which a Chinese character seldom has (一, U+4E00, is one); the bytes must then decode to text
 * with no NUL and no control character but tab and line ends.
 * @example utf16WithoutMark(Buffer.from("code,weight\nA,1\n", "utf16le")) // => "utf-16le"
 */
export function utf16WithoutMark(head: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const end = Math.min(head.length, SNIFF_BYTES) & ~1;
  if (end < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < end; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = end / 2;
  const order = oddNul >= 0.3 * pairs && evenNul * 8 <= oddNul ? "utf-16le" : evenNul >= 0.3 * pairs && oddNul * 8 <= evenNul ? "utf-16be" : undefined;
  if (order === undefined) return undefined;
  try {
    // `stream`: the look may end inside a character's surrogate pair.
    const text = new TextDecoder(order, { fatal: true }).decode(head.subarray(0, end), { stream: true });
    return CONTROL.test(text) ? undefined : order;
  } catch {
    return undefined;
  }
}

/**
 * What a zip archive is when it is not an Excel workbook (`undefined` for a workbook or for bytes that are no zip):
 * the names of its entries, kept uncompressed in its central directory at the end, tell a workbook
 * (`xl/workbook.xml`) from a Word or PowerPoint file, an OpenDocument file or a plain archive.
 */
export function describeZip(bytes: Uint8Array): string | undefined {
  if (!startsWith(bytes, ZIP)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is within the last 64 KB (its comment is at most 65,535 bytes).
  let end = bytes.length - 22;
  const stop = Math.max(0, bytes.length - 22 - 65_535);
  while (end >= stop && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < stop) return undefined; // a damaged archive: exceljs says so
  const entries = view.getUint16(end + 10, true);
  let position = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < entries && position + 46 <= bytes.length && view.getUint32(position, true) === 0x02014b50; i++) {
    const nameLength = view.getUint16(position + 28, true);
    names.push(decoder.decode(bytes.subarray(position + 46, position + 46 + nameLength)));
    position += 46 + nameLength + view.getUint16(position + 30, true) + view.getUint16(position + 32, true);
  }
  if (names.length === 0 || names.includes("xl/workbook.xml")) return undefined;
  if (names.includes("word/document.xml")) return "a Word document (.docx)";
  if (names.includes("ppt/presentation.xml")) return "a PowerPoint file (.pptx)";
  if (names.includes("content.xml") && names.includes("mimetype")) return "an OpenDocument file (save it as .xlsx or CSV)";
  return `a ZIP archive that is not an Excel workbook (no xl/workbook.xml among its ${names.length} entr${names.length === 1 ? "y" : "ies"}; unpack it first)`;
}
