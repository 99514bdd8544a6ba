/**
 * Values from a file or from a folder of files: a folder is read as the union of its values files (`.csv`, `.xlsx`), in
 * name order, so adding a year means adding a file (`data/2021.csv`) and nothing else. Every file may use either
 * layout (long or wide) and any encoding or format a single values file may.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { limitMessages } from "../../core/limit-messages.js";
import { InputError } from "../../errors.js";
import { readBytes } from "./read-text.js";

/** A values file: its path and the label that names it in messages. */
export interface ValuesFile {
  path: string;
  label: string;
}

/**
 * The values files behind `path`: itself, or the `.csv` and `.xlsx` files of a folder, sorted by name, leaving out
 * hidden files and the `~$name.xlsx` lock files Excel keeps next to an open workbook.
 */
export async function listValueFiles(path: string, label = path): Promise<ValuesFile[]> {
  const isFolder = await stat(path).then((info) => info.isDirectory(), () => false);
  if (!isFolder) return [{ path, label }];
  const all = await readdir(path, { withFileTypes: true });
  const names = all.filter((entry) => /\.(csv|xlsx)$/i.test(entry.name) && !entry.name.startsWith(".") && !entry.name.startsWith("~$")).map((entry) => entry.name).sort();
  const folderLabel = label.replace(/[\\/]+$/, "");
  if (names.length === 0) {
    const held = all.map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name)).sort();
    throw new InputError("E_EMPTY_FOLDER", limitMessages.emptyValuesFolder(folderLabel, held), { source: folderLabel });
  }
  return names.map((name) => ({ path: join(path, name), label: `${folderLabel}/${name}` }));
}

/** The bytes of every values file behind `path` (see `listValueFiles`); an unreadable file is an `InputError` naming it. */
export async function readValueFiles(path: string, label = path): Promise<(ValuesFile & { bytes: Uint8Array })[]> {
  const files = await listValueFiles(path, label);
  return Promise.all(files.map(async (file) => ({ ...file, bytes: await readBytes(file.path, file.label) })));
}
