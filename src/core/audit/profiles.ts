/**
 * Strengths and weaknesses of each unit (COINr `get_str_weak`, with the Global Innovation Index rule): the indicators
 * and groups where a unit ranks among the best or the worst units of the year.
 */
import { computeRanks } from "../analysis/ranks.js";
import { append } from "../arrays.js";
import type { IndexResult } from "../compute.js";
import { cellIndex } from "../panel.js";
import { robustnessMessages } from "./robustness-messages.js";

/** The thresholds of a strength and a weakness. */
export interface ProfileOptions {
  /** A strength is in this top share of the units (percentile rank >= 1 − share). Default 0.1 (the top decile). */
  topShare?: number;
  /** A strength is also any rank <= this. Default 3. */
  topRanks?: number;
  /** A weakness is in this bottom share of the units (percentile rank <= share). Default 0.1 (the bottom decile). */
  bottomShare?: number;
  /** A weakness is also any of the last this many ranks (rank > units − this). Default 3. */
  bottomRanks?: number;
}

/** One strength or weakness of a unit in a year. */
export interface ProfileEntry {
  /** Position of the unit in `result.units`. */
  unit: number;
  /** Position of the year in `result.years`. */
  year: number;
  type: "strength" | "weakness";
  /** Position of the node in `result.nodes`. */
  node: number;
  /** The raw value of an indicator (`result.panel`, before imputation); `NaN` for a group. */
  value: number;
  /** The indicator's normalised score or the group's sub-index. */
  score: number;
  /** 1 for the highest score of the year (competition ranking, as `computeRanks`). */
  rank: number;
  /** `(units − rank) / (units − 1)`: 1 for the best, 0 for the worst. */
  percentile: number;
  /** The number of units ranked on this node in this year. */
  rankedUnits: number;
}

export interface Profiles {
  /** By unit, year, then strengths (best first) before weaknesses (worst first), ties in tree order. */
  entries: ProfileEntry[];
  /** Why there is nothing to list (a single unit), instead of ranks that mean nothing. */
  notes: string[];
}

/** A percentile within this of a threshold counts as on it (9/10 is 0.9 whatever the rounding). */
const EPSILON = 1e-12;

/**
 * Lists every unit's strengths and weaknesses, year by year, among the indicators and groups (not the overall index).
 * Each node is ranked among the units with a score that year (`n` of them); the percentile rank is
 * `(n − rank)/(n − 1)`. A strength has a percentile >= `1 − topShare` or a rank <= `topRanks`; a weakness a percentile
 * <= `bottomShare` or a rank > `n − bottomRanks`. With few units (n < topRanks + bottomRanks) a rank can pass both
 * tests: it is then a strength above the median (percentile > 0.5), a weakness below it, and neither on it.
 * Nodes with fewer than two ranked units in a year, or on which every unit ties, give neither.
 * With a single unit nothing is ranked: `entries` is empty and `notes` says why.
 * @example computeProfiles(result).entries[0] // => { unit: 0, year: 0, type: "strength", node: 3, rank: 1, percentile: 1, ... }
 * Reference: COINr `get_str_weak`; Global Innovation Index, strengths and weaknesses (top and bottom 10% of ranks).
 */
export function computeProfiles(result: IndexResult, options: ProfileOptions = {}): Profiles {
  const { units, years, nodes, values } = result;
  if (units.length < 2) return { entries: [], notes: units.length === 1 ? [robustnessMessages.profilesSingleUnit(units[0])] : [] };
  const topShare = options.topShare ?? 0.1;
  const topRanks = options.topRanks ?? 3;
  const bottomShare = options.bottomShare ?? 0.1;
  const bottomRanks = options.bottomRanks ?? 3;
  const { rank } = computeRanks(result, (node) => node.kind !== "index");
  const unitCount = units.length;
  const yearCount = years.length;
  const panelPosition = new Map(result.panel.indicators.map((code, i) => [code, i] as const));
  const at = (node: number, unit: number, year: number) => (node * unitCount + unit) * yearCount + year;

  // Per node and year: the ranked units, and whether any two differ.
  const rankedUnits = new Int32Array(nodes.length * yearCount);
  const varies = new Uint8Array(nodes.length * yearCount);
  for (let node = 1; node < nodes.length; node++)
    for (let year = 0; year < yearCount; year++)
      for (let unit = 0; unit < unitCount; unit++) {
        const r = rank[at(node, unit, year)];
        if (Number.isNaN(r)) continue;
        rankedUnits[node * yearCount + year]++;
        if (r > 1) varies[node * yearCount + year] = 1;
      }

  const entries: ProfileEntry[] = [];
  for (let unit = 0; unit < unitCount; unit++)
    for (let year = 0; year < yearCount; year++) {
      const strengths: ProfileEntry[] = [];
      const weaknesses: ProfileEntry[] = [];
      for (let node = 1; node < nodes.length; node++) {
        const n = rankedUnits[node * yearCount + year];
        const cell = at(node, unit, year);
        const r = rank[cell];
        if (n < 2 || !varies[node * yearCount + year] || Number.isNaN(r)) continue;
        const percentile = (n - r) / (n - 1);
        let strength = percentile >= 1 - topShare - EPSILON || r <= topRanks;
        let weakness = percentile <= bottomShare + EPSILON || r > n - bottomRanks;
        if (strength && weakness) {
          strength = percentile > 0.5;
          weakness = percentile < 0.5;
        }
        if (!strength && !weakness) continue;
        const indicator = panelPosition.get(nodes[node].code);
        const value = nodes[node].kind === "indicator" && indicator !== undefined ? result.panel.values[cellIndex(result.panel, indicator, unit, year)] : Number.NaN;
        const entry: ProfileEntry = { unit, year, type: strength ? "strength" : "weakness", node, value, score: values[cell], rank: r, percentile, rankedUnits: n };
        (strength ? strengths : weaknesses).push(entry);
      }
      // Stable sorts: ties keep tree order.
      strengths.sort((a, b) => b.percentile - a.percentile);
      weaknesses.sort((a, b) => a.percentile - b.percentile);
      append(entries, strengths);
      append(entries, weaknesses);
    }
  return { entries, notes: [] };
}
