/**
 * Values from a file or from a folder of files: a folder is read as the union of its CSV files, in name order, so adding
 * a year means adding a file (`data/2021.csv`) and nothing else. Every file may use either layout (long or wide).
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { InputError, type Issue, type Validated } from "../errors.js";
import type { ValueRecord } from "../core/panel.js";
import { parseDataCsv } from "./data-csv.js";
import { readText } from "./read-text.js";

/** A values file as read: its path and the label that names it in messages. */
export interface ValuesFile {
  path: string;
  label: string;
}

/** The value files behind `path`: itself, or the `.csv` files of a folder (not hidden ones), sorted by name. */
export async function listValueFiles(path: string, label = path): Promise<ValuesFile[]> {
  const isFolder = await stat(path).then((info) => info.isDirectory(), () => false);
  if (!isFolder) return [{ path, label }];
  const names = (await readdir(path)).filter((name) => /\.csv$/i.test(name) && !name.startsWith(".")).sort();
  const joinLabel = (name: string) => `${label.replace(/[\\/]+$/, "")}/${name}`;
  return names.map((name) => ({ path: join(path, name), label: joinLabel(name) }));
}

/**
 * Reads the values of a file or a folder. Each record carries the file it came from (`file`), so a problem is reported
 * in the right file; a folder without CSV files gives no records (the caller reports "no values").
 */
export async function readValues(path: string, label = path): Promise<Validated<ValueRecord[]> & { files: ValuesFile[] }> {
  const files = await listValueFiles(path, label);
  const texts = await Promise.all(files.map((file) => readText(file.path, file.label)));
  const issues: Issue[] = [];
  const records: ValueRecord[] = [];
  files.forEach((file, i) => {
    let parsed: Validated<ValueRecord[]>;
    try {
      parsed = parseDataCsv(texts[i], file.label);
    } catch (error) {
      // A malformed file (an unclosed quote) is one problem among the others.
      if (!(error instanceof InputError)) throw error;
      const { code, message, source, line, column, id } = error;
      parsed = { ok: false, issues: [{ code, message, source, line, column, id }], warnings: [] };
    }
    if (parsed.ok) for (const record of parsed.value) records.push(files.length > 1 ? { ...record, file: file.label } : record);
    else issues.push(...parsed.issues);
  });
  return issues.length > 0 ? { ok: false, issues, warnings: [], files } : { ok: true, value: records, warnings: [], files };
}
