/**
 * Reading AHP judgements from a file, CSV or YAML by its extension.
 */
import type { Judgement } from "../../core/weighting/ahp.js";
import { parseAhpCsv } from "./ahp-csv.js";
import { readText } from "./read-text.js";

/** Reads a judgement file: YAML for `.yaml`/`.yml`, CSV otherwise; `label` names it in messages. */
export async function readAhpJudgements(path: string, label = path): Promise<Judgement[]> {
  const text = await readText(path, label);
  // The YAML parser is loaded only for a YAML file, so that runs without one start fast.
  return /\.ya?ml$/i.test(path) ? (await import("./ahp-yaml.js")).parseAhpYaml(text, label) : parseAhpCsv(text, label);
}
