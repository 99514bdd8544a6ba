/**
 * Values from a file or from a folder of files: a folder is read as the union of its values files (`.csv`, `.tsv`,
 * `.xlsx`, and the `.txt` files Excel saves as "Unicode text" or "Text (Tab delimited)", or a CSV file saved as `.txt`), in name order, so adding a year means adding a file (`data/2021.csv`) and nothing else. Every file may use either
 * layout (long or wide) and any encoding or format a single values file may.
 */
import { open, readdir, stat, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { limitMessages, type UnreadValuesKind } from "../../core/limit-messages.js";
import { InputError, ValidationError, type Issue } from "../../errors.js";
import { noteValuesFolder } from "./inputs-read.js";
import { readBytes } from "./read-text.js";
import { normalizeColumnName } from "./columns.js";
import { LONG_COLUMNS } from "./data-csv.js";

/** A values file: its path and the label that names it in messages. */
export interface ValuesFile {
  path: string;
  label: string;
}

/**
 * The values files behind `path`: itself, or the values files of a folder, sorted by name: `.csv`, `.tsv` and `.xlsx`
 * files, and `.txt` files that Excel saved from a sheet (a UTF-16 byte-order mark, Excel's "Unicode text", or a tab in
 * the first line, its "Text (Tab delimited)"), so that a notes file such as `README.txt` is not taken for values. Hidden
 * files and the `~$name.xlsx` lock files Excel keeps next to an open workbook are left out. A `.xlsm` workbook is
 * read as a `.xlsx` one (the same format; its macros are not run). A spreadsheet of a format the tool cannot read
 * (`.xls`, `.xlsb`, `.ods`, WPS `.et`, ...) is not passed over: a year's values saved so by a data provider would be
 * left out of the run without a word (a nightly `--if-changed` would find nothing new), so it is an `InputError`
 * (`E_SPREADSHEET_FORMAT`) naming every such file. So is any other file the folder reader does not read
 * (`E_VALUES_FOLDER_FILE`, by kind: a `.parquet` or `.sql` file, which is a values source of its own; a compressed
 * file such as `2018.csv.gz`; anything else, such as `x.json`), but for the files it knowingly leaves aside: notes
 * (`.txt` files not saved from a sheet, `.md`, `.pdf`, `.doc`, `.docx`, `.wps`, `.rtf`, a `README`), backups
 * (`.bak`, `.orig`, a name ending in `~`) and the files Windows keeps in folders (`desktop.ini`, `Thumbs.db`). Subfolders are not read. A folder holding no values file
 * at all is `E_EMPTY_FOLDER`, naming what it holds.
 */
export async function listValueFiles(path: string, label = path): Promise<ValuesFile[]> {
  const isFolder = await stat(path).then((info) => info.isDirectory(), () => false);
  if (!isFolder) return [{ path, label }];
  const all = await readdir(path, { withFileTypes: true });
  // A link to a folder is a subfolder too.
  const isSubfolder = await Promise.all(all.map((entry) => entry.isDirectory() || (entry.isSymbolicLink() && stat(join(path, entry.name)).then((info) => info.isDirectory(), () => false))));
  const candidates = all.filter((entry, index) => !isSubfolder[index] && !entry.name.startsWith(".") && !entry.name.startsWith("~$"));
  const chosen = await Promise.all(
    candidates.map(async (entry) =>
      /\.(csv|tsv|xlsx|xlsm)$/i.test(entry.name) || (/\.txt$/i.test(entry.name) && !/^readme/i.test(entry.name) && (await isSheetText(join(path, entry.name)))) ? entry.name : undefined,
    ),
  );
  const names = chosen.filter((name): name is string => name !== undefined).sort();
  const folderLabel = label.replace(/[\\/]+$/, "");
  const unread = candidates.map((entry) => entry.name).filter((name) => UNREAD_SPREADSHEET.test(name)).sort();
  if (unread.length > 0) throw new InputError("E_SPREADSHEET_FORMAT", limitMessages.unreadSpreadsheets(folderLabel, unread), { source: folderLabel });
  // Every other file not read, unless left aside knowingly (`LEFT_ASIDE`), by kind; said only beside values files
  // (a folder without any is E_EMPTY_FOLDER below, which names everything it holds).
  const read = new Set(names);
  const others = candidates.map((entry) => entry.name).filter((name) => !read.has(name) && !LEFT_ASIDE.test(name)).sort();
  if (others.length > 0 && (names.length > 0 || others.some((name) => unreadKind(name) !== "other"))) {
    const issues: Issue[] = [];
    for (const kind of UNREAD_KINDS) {
      const files = others.filter((name) => unreadKind(name) === kind);
      if (files.length > 0) issues.push({ code: "E_VALUES_FOLDER_FILE", message: limitMessages.unreadValuesFiles(folderLabel, kind, files), source: folderLabel });
    }
    if (issues.length === 1) throw new InputError(issues[0].code, issues[0].message, { source: folderLabel });
    throw new ValidationError(issues);
  }
  noteValuesFolder(path);
  if (names.length === 0) {
    const held = all.map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name)).sort();
    throw new InputError("E_EMPTY_FOLDER", limitMessages.emptyValuesFolder(folderLabel, held), { source: folderLabel });
  }
  return names.map((name) => ({ path: join(path, name), label: `${folderLabel}/${name}` }));
}

/** Spreadsheet files the tool cannot read: old and binary Excel, OpenDocument, WPS, Apple Numbers. */
const UNREAD_SPREADSHEET = /\.(xls|xlsb|ods|fods|et|ett|numbers)$/i;

/**
 * Files a values folder may hold beside its values that are knowingly left aside: notes (a `.txt` file not saved from
 * a sheet is one too, see `isSheetText`; a `README` of any kind), the backups editors keep or a person makes to set a
 * file aside (`2018.csv.bak`, `2018.csv~`, `.orig`), and the files Windows keeps in folders.
 */
const LEFT_ASIDE = /(\.(txt|md|markdown|pdf|doc|docx|wps|rtf|bak|orig)|~|^readme(\.\w+)?|^desktop\.ini|^thumbs\.db)$/i;

/** Kinds of files a values folder reader does not read, each with its own way to fix it (`unreadValuesFiles`). */
const UNREAD_KINDS = ["source", "compressed", "other"] as const satisfies readonly UnreadValuesKind[];

/**
 * The kind of a file a values folder reader does not read: `source` for a `.parquet` or `.sql` file (a values source
 * of its own, given with `-d`), `compressed` for an archive or a compressed file (`2018.csv.gz`), else `other`.
 */
function unreadKind(name: string): UnreadValuesKind {
  if (/\.(parquet|sql)$/i.test(name)) return "source";
  if (/\.(gz|tgz|bz2|xz|zst|zip|7z|rar|tar|z)$/i.test(name)) return "compressed";
  return "other";
}

/**
 * Whether a `.txt` file starts as a table of values: as Excel saves a sheet as text (a UTF-16 byte-order mark, or a tab
 * in its first line), or with a comma- or semicolon-separated header that names a values column (`unit,year,indicator,
 * value`, `indicator,2017,2018`, `地区,年份,…`: `LONG_COLUMNS` and their aliases), as a CSV file saved under `.txt`.
 * A note's first line is prose: left aside (a sentence that happens to start with such a word is read, and its
 * problems said, never dropped).
 */
async function isSheetText(path: string): Promise<boolean> {
  let handle: FileHandle | undefined;
  try {
    // A named pipe (or a socket, a device) is no sheet saved as text: opening it would wait for a writer without end.
    if (!(await stat(path)).isFile()) return false;
    handle = await open(path, "r");
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
    const end = bytes.findIndex((byte) => byte === 0x0a || byte === 0x0d);
    const first = bytes.subarray(0, end < 0 ? bytes.length : end);
    return first.includes(0x09) || namesValuesColumn(first);
  } catch {
    return false; // an unreadable notes file is no values file either
  } finally {
    await handle?.close();
  }
}

/** Every name a values column goes by (`LONG_COLUMNS`: the canonical ones and their aliases). */
const VALUES_COLUMN_NAMES: ReadonlySet<string> = new Set(Object.entries(LONG_COLUMNS).flatMap(([name, aliases]) => [name, ...aliases]));

/**
 * Whether `line`, a first line (UTF-8, with or without its byte order mark, or else GBK as Excel on Chinese Windows
 * saves it), is a header of two or more fields separated by commas or semicolons, one of which names a values column.
 */
function namesValuesColumn(line: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(line).replace(/^\uFEFF/, "");
  } catch {
    text = new TextDecoder("gb18030").decode(line);
  }
  const fields = text.split(/[,;，]/);
  return fields.length >= 2 && fields.some((field) => VALUES_COLUMN_NAMES.has(normalizeColumnName(field.replace(/^"|"$/g, ""))));
}

/**
 * `issues` with those of the folder's `files` in the order the files are read (by name, `listValueFiles`), then by
 * line (a problem of a file as a whole, without one, first), then by column (a cell's number before a column named by
 * its header); a sort that keeps the order found at the same place, so that the listing is the same on every run. Each
 * takes the place of one of theirs in the list: the other issues (the tree's, the folder's own) stay where they are.
 * @example inReadOrder([{ source: "data/2018.csv", line: 2 }, { source: "data/2017.csv", line: 5 }], files) // => 2017.csv's first
 */
export function inReadOrder<T extends Pick<Issue, "source" | "line" | "column">>(issues: readonly T[], files: readonly ValuesFile[]): T[] {
  const rank = new Map(files.map((file, index) => [file.label, index] as const));
  const slots = issues.flatMap((issue, index) => (issue.source !== undefined && rank.has(issue.source) ? [index] : []));
  const key = (issue: T) => [rank.get(issue.source!)!, issue.line ?? -Infinity, typeof issue.column === "number" ? issue.column : Infinity];
  // Keys compared, not subtracted: they may be infinite. The sort is stable (ES2019).
  const compare = (a: T, b: T) => {
    const [first, second] = [key(a), key(b)];
    for (let i = 0; i < first.length; i++) if (first[i] !== second[i]) return first[i] < second[i] ? -1 : 1;
    return 0;
  };
  const sorted = slots.map((index) => issues[index]).sort(compare);
  const ordered = [...issues];
  slots.forEach((index, i) => (ordered[index] = sorted[i]));
  return ordered;
}

/** The bytes of every values file behind `path` (see `listValueFiles`); an unreadable file is an `InputError` naming it. */
export async function readValueFiles(path: string, label = path): Promise<(ValuesFile & { bytes: Uint8Array })[]> {
  const files = await listValueFiles(path, label);
  return Promise.all(files.map(async (file) => ({ ...file, bytes: await readBytes(file.path, file.label) })));
}
