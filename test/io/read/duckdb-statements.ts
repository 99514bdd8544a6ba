/** Making Parquet files for the tests of the DuckDB readers. */
import { openDuckdb } from "../../../src/io/read/duckdb.js";

/** Runs statements in a fresh, unsandboxed DuckDB, `'@/` standing for `'<dir>/` (to make Parquet files in `dir`). */
export async function duckdb(dir: string, ...statements: string[]): Promise<void> {
  const session = await openDuckdb();
  try {
    for (const statement of statements) await session.connection.run(statement.replace(/'@\//g, `'${dir}/`));
  } finally {
    session.close();
  }
}
