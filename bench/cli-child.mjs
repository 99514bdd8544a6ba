/** Runs the CLI in this process (as bin/innovation-index.js does) and prints its exit code and peak memory. */
import { main } from "../dist/bundle/main.js";

const code = await main(process.argv.slice(2), { cwd: process.cwd(), stdout: () => undefined, stderr: (text) => process.stderr.write(text) });
console.log(JSON.stringify({ code, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
