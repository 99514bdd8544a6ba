/**
 * Which inputs DuckDB reads, decided without loading it (or its reader): a `.sql` or `.parquet` values file, and the
 * indicators of a tree that carry a query of their own.
 */
import type { Stats } from "node:fs";
import type { SpecialFileKind } from "../../core/reader-messages.js";
import type { Tree } from "../../core/types.js";

/** The extensions of values files that DuckDB reads. */
export const DUCKDB_VALUE_EXTENSIONS = [".sql", ".parquet"] as const;

/** Whether `path` is a values file that DuckDB reads. */
export function isDuckdbValues(path: string): boolean {
  const dot = path.lastIndexOf(".");
  return dot >= 0 && (DUCKDB_VALUE_EXTENSIONS as readonly string[]).includes(path.slice(dot).toLowerCase());
}

/** The indicators of a tree defined by a query of their own (the tree's `sql` column). */
export function queryIndicators(tree: Tree): { code: string; sql: string; line?: number }[] {
  return tree.nodes
    .filter((node) => node.kind === "indicator" && (node.attributes.sql ?? "").trim() !== "")
    .map((node) => ({ code: node.code, sql: node.attributes.sql.trim(), line: node.line }));
}

/**
 * What `info` is when it is a file a reader could wait on without end: a named pipe, a socket, a device (DuckDB opening
 * a file a query names, a project run hashing an input); `undefined` for a regular file, a folder, or no `info`.
 */
export function specialKind(info: Stats | undefined): SpecialFileKind | undefined {
  if (!info) return undefined;
  return info.isFIFO() ? "named pipe" : info.isSocket() ? "socket" : info.isCharacterDevice() ? "character device" : info.isBlockDevice() ? "block device" : undefined;
}
