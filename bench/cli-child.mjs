/**
 * Runs the CLI in this process (as bin/innovation-index.js does) and prints its exit code, peak memory and CPU time
 * (user + system of every thread of the process: DuckDB's and the file writers' included).
 */
import { main } from "../dist/bundle/main.js";

const code = await main(process.argv.slice(2), { cwd: process.cwd(), stdout: () => undefined, stderr: (text) => process.stderr.write(text) });
const { user, system } = process.cpuUsage();
console.log(JSON.stringify({ code, peakRssMb: process.resourceUsage().maxRSS / 1024, cpuMs: (user + system) / 1000 }));
