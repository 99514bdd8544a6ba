/**
 * CSV text <-> rows, keeping the line number of every row for messages.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { InputError } from "../errors.js";

/** A row of cells with the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  /** Line of the header row. */
  headerLine: number;
  rows: CsvRow[];
}

/** The delimiter of a CSV text, read off its first line: `,` unless the line has `;` or tabs and no commas. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  if (firstLine.includes(",")) return ",";
  if (firstLine.includes("\t")) return "\t";
  if (firstLine.includes(";")) return ";";
  return ",";
}

/**
 * Parses CSV text (a BOM is dropped, empty lines skipped, cells trimmed). The first non-empty row is the header.
 * A malformed file (an unclosed quote) is an `InputError` with its line.
 */
export function parseCsv(text: string, source: string): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (cause) {
    const line = (cause as { lines?: number }).lines;
    const reason = String((cause as Error).message).replace(/^Invalid [^:]*: /, "");
    throw new InputError("E_CSV_SYNTAX", `${source}${line ? `:${line}` : ""}: the file is not valid CSV (${reason}); expected comma-separated values`, { source, line }, { cause });
  }
  const rows = records
    .map(({ record, info }) => ({
      // info.lines is the line a record ends on; a quoted cell may span lines.
      line: info.lines - record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0),
      cells: record,
    }))
    .filter((row) => row.cells.some((cell) => cell !== ""));
  const [head, ...body] = rows;
  return { header: head?.cells ?? [], headerLine: head?.line ?? 1, rows: body };
}

/** Formats rows as CSV (RFC 4180, `\n` line ends). */
export function formatCsv(rows: readonly (readonly (string | number)[])[]): string {
  return stringify(rows as (string | number)[][], { eof: true, record_delimiter: "unix" });
}
