/**
 * The normalisation of each indicator: the run's default (`--normalise`, `--cap`, `--dampen`) overridden by the
 * indicator's own columns in the tree (`normalise`, `cap`, `dampen`, and the parameters `min`, `max`, `target`).
 */
import type { Issue } from "../../errors.js";
import { messages } from "../messages.js";
import { methodMessages } from "../method-messages.js";
import { NORMALIZE_METHODS, RANGE_METHODS, RATIO_METHODS, Z_SCALE_METHODS, type NormalizeMethod, type ScoreRange, type ZScale } from "./methods.js";
import { parseNumber } from "../number.js";
import type { Tree, TreeNode } from "../types.js";
import { DAMPENINGS, type Dampening } from "./ratio.js";

/** The run-wide normalisation settings (the command line). */
export interface NormalizeDefaults {
  /** Default `fixed-base`. */
  method?: NormalizeMethod;
  /** Ratio methods: cap on a score, >= 100. Default: none. */
  cap?: number;
  /** Ratio methods: dampening of the ratio. Default: none. */
  dampen?: Dampening;
  /** Min-max family: the output range (`--range`). Default 0 to 100. */
  range?: ScoreRange;
  /** Z-score family: the output scale (`--z-scale`). Default 100 + 10·z. */
  zScale?: ZScale;
}

/** How one indicator is normalised. */
export interface IndicatorNormalization {
  method: NormalizeMethod;
  cap?: number;
  dampen?: Dampening;
  goalposts?: { min: number; max: number };
  target?: number;
  range?: ScoreRange;
  zScale?: ZScale;
}

/** Tree columns read as per-indicator settings (lower case; `normalize` is accepted for `normalise`). */
export const INDICATOR_SETTINGS = ["normalise", "normalize", "normalisation", "normalization", "min", "max", "target", "cap", "dampen", "range", "z_scale"] as const;

/**
 * Reads two numbers written `A,B` (or `A;B`, which a CSV cell holds unquoted): a range `LOW,HIGH` with LOW < HIGH, or a
 * z-scale `MEAN,SD` with SD > 0. Returns undefined for anything else.
 * @example parseNumberPair("1,100", "range") // => { first: 1, second: 100 }
 */
export function parseNumberPair(text: string, kind: "range" | "z-scale"): { first: number; second: number } | undefined {
  const parts = text.split(/[,;]/).map((part) => part.trim());
  if (parts.length !== 2 || parts.some((part) => part === "")) return undefined;
  const [first, second] = parts.map(Number);
  if (!Number.isFinite(first) || !Number.isFinite(second)) return undefined;
  if (kind === "range" ? !(first < second) : !(second > 0)) return undefined;
  return { first, second };
}

/** The smallest cap: a cap below 100 would move the base year (and the reference) off 100. */
export const MIN_CAP = 100;

/** The text of a setting in a node's attributes, matching keys case-insensitively; "" when absent. */
export function attributeOf(node: TreeNode, ...names: readonly string[]): { key: string; text: string } {
  for (const [normalized, key, text] of settingsOf(node)) if (names.includes(normalized)) return { key, text };
  return { key: names[0], text: "" };
}

/**
 * A node's attributes that are not empty, as `[key normalised, key, text]`, made once per node: the plans read them
 * for every setting of every node, and an uncertainty analysis plans each combination of methods again.
 */
function settingsOf(node: TreeNode): readonly (readonly [string, string, string])[] {
  let settings = nodeSettings.get(node);
  if (!settings) {
    settings = Object.entries(node.attributes).flatMap(([key, value]) =>
      value.trim() === "" ? [] : [[key.trim().toLowerCase().replace(/[\s-]+/g, "_"), key, value.trim()] as const],
    );
    nodeSettings.set(node, settings);
  }
  return settings;
}
const nodeSettings = new WeakMap<TreeNode, readonly (readonly [string, string, string])[]>();

/**
 * The normalisation of every indicator, in `tree.indicators` order, and every problem with the tree's settings:
 * an unknown method, a cap or goalpost or target that is not a number, goalposts or a target missing for the method
 * that needs them, min >= max, a target <= 0, and indicator settings written on a group.
 */
export function planNormalization(tree: Tree, defaults: NormalizeDefaults = {}): { plans: IndicatorNormalization[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const plans: IndicatorNormalization[] = [];
  if (defaults.cap !== undefined && !(defaults.cap >= MIN_CAP))
    issues.push({ code: "E_BAD_OPTION", message: messages.capOptionTooLow(defaults.cap), column: "--cap" });
  for (const node of tree.nodes) {
    const at = (column: string, code: string, message: string): Issue => ({ code, message, source: tree.source, line: node.line, column, id: node.code });
    if (node.kind === "group") {
      for (const name of INDICATOR_SETTINGS) {
        const { key, text } = attributeOf(node, name);
        if (text) issues.push(at(key, "E_SETTING_ON_GROUP", messages.indicatorSettingOnGroup(node.code, key)));
      }
      continue;
    }
    const number = (name: string): number | undefined => {
      const { key, text } = attributeOf(node, name);
      if (!text) return undefined;
      const value = parseNumber(text);
      if (Number.isNaN(value)) return undefined; // written as missing (NA, -, ...)
      if (value === undefined) {
        issues.push(at(key, "E_BAD_SETTING", messages.badNumericSetting(node.code, key, text)));
        return Number.NaN;
      }
      return value;
    };

    const methodCell = attributeOf(node, "normalise", "normalize", "normalisation", "normalization");
    let method = defaults.method ?? "fixed-base";
    if (methodCell.text) {
      const found = methodCell.text.toLowerCase();
      if ((NORMALIZE_METHODS as readonly string[]).includes(found)) method = found as NormalizeMethod;
      else issues.push(at(methodCell.key, "E_UNKNOWN_METHOD", messages.unknownMethod("normalisation", methodCell.text, NORMALIZE_METHODS)));
    }
    const plan: IndicatorNormalization = { method };

    const ownCap = number("cap");
    const cap = ownCap ?? (defaults.cap !== undefined && defaults.cap >= MIN_CAP ? defaults.cap : undefined);
    if (cap !== undefined && !Number.isNaN(cap)) {
      if (cap < MIN_CAP) issues.push(at("cap", "E_BAD_SETTING", messages.capTooLow(node.code, cap)));
      else if (RATIO_METHODS.includes(method)) plan.cap = cap;
    }
    const dampenCell = attributeOf(node, "dampen");
    let dampen = defaults.dampen;
    if (dampenCell.text) {
      const found = dampenCell.text.toLowerCase();
      if ((DAMPENINGS as readonly string[]).includes(found)) dampen = found as Dampening;
      else issues.push(at(dampenCell.key, "E_BAD_SETTING", messages.badChoiceSetting(node.code, dampenCell.key, dampenCell.text, DAMPENINGS)));
    }
    if (dampen && RATIO_METHODS.includes(method)) plan.dampen = dampen;

    // A pair of numbers in the tree (range, z_scale) overrides the default; a malformed one is an issue.
    const pairSetting = (kind: "range" | "z-scale", names: readonly string[], expected: string) => {
      const cell = attributeOf(node, ...names);
      if (!cell.text) return undefined;
      const pair = parseNumberPair(cell.text, kind);
      if (!pair) issues.push(at(cell.key, "E_BAD_SETTING", methodMessages.badPairSetting(node.code, cell.key, cell.text, expected)));
      return pair;
    };
    const rangePair = pairSetting("range", ["range"], methodMessages.rangeExpected());
    const range = rangePair ? { low: rangePair.first, high: rangePair.second } : defaults.range;
    if (range && RANGE_METHODS.includes(method)) plan.range = range;
    const zScalePair = pairSetting("z-scale", ["z_scale", "zscale"], methodMessages.zScaleExpected());
    const zScale = zScalePair ? { mean: zScalePair.first, sd: zScalePair.second } : defaults.zScale;
    if (zScale && Z_SCALE_METHODS.includes(method)) plan.zScale = zScale;

    const minValue = number("min");
    const maxValue = number("max");
    if (method === "min-max-goalposts") {
      if (minValue === undefined || maxValue === undefined)
        issues.push(at(minValue === undefined ? "min" : "max", "E_MISSING_GOALPOSTS", messages.missingGoalposts(node.code, minValue === undefined, maxValue === undefined)));
      else if (!Number.isNaN(minValue) && !Number.isNaN(maxValue)) {
        if (!(minValue < maxValue)) issues.push(at("min", "E_GOALPOSTS_ORDER", messages.goalpostsOrder(node.code, minValue, maxValue)));
        else plan.goalposts = { min: minValue, max: maxValue };
      }
    }
    const target = number("target");
    if (method === "distance-to-target") {
      if (target === undefined) issues.push(at("target", "E_MISSING_TARGET", messages.missingTarget(node.code)));
      else if (!Number.isNaN(target)) {
        if (!(target > 0)) issues.push(at("target", "E_TARGET_NOT_POSITIVE", messages.targetNotPositive(node.code, target)));
        else plan.target = target;
      }
    }
    plans.push(plan);
  }
  return { plans, issues };
}
