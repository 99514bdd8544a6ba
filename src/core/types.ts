/**
 * The vocabulary of the tool, defined once.
 *
 * - *unit*: the entity an index is computed for (a zone, a region, a country).
 * - *year*: the time period of a value.
 * - *indicator*: a leaf of the indicator tree, a measured series.
 * - *group*: an inner node of the tree (dimension, pillar, sub-index); its value aggregates its children.
 * - *index*: the value of a group or of the whole tree (code `INDEX`, level 0).
 * - *direction*: `positive` when more is better, `negative` when less is better.
 * - *weight*: the relative importance of a node among its siblings.
 */

/** The code of the synthetic root whose value is the overall index. */
export const INDEX_CODE = "INDEX";

export const DIRECTIONS = ["positive", "negative"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Fields common to indicators and groups. */
interface NodeBase {
  /** Unique code, e.g. `A11`. */
  code: string;
  /** Code of the parent group; `null` for a first-level node (whose parent is the overall index). */
  parent: string | null;
  /** Display name (the tree's `name` column, often Chinese). */
  name: string;
  /** English name, when given. */
  nameEn?: string;
  /** Weight relative to the siblings as written in the tree; `NaN` when the cell was empty (equal weights). */
  weight: number;
  /** Unit of measurement (`%`, `亿元`): the values' measure column is checked against it (`io/read/measures.ts`). */
  measure?: string;
  description?: string;
  source?: string;
  /** Depth in the tree: first-level nodes are 1, the overall index is 0. */
  level: number;
  /** 1-based line of the node in its tree file. */
  line?: number;
  /** Every further column of the tree row (per-node method settings such as `normalise`, `min`, `max`, `target`). */
  attributes: Readonly<Record<string, string>>;
}

/** A leaf of the tree: a measured series. */
export interface IndicatorNode extends NodeBase {
  kind: "indicator";
  direction: Direction;
}

/** An inner node: its value aggregates its children. */
export interface GroupNode extends NodeBase {
  kind: "group";
  /** Codes of the children, in file order. */
  children: string[];
  /** `negative` when the tree marks the group `-`: its value is flipped before its parent aggregates it. Default positive. */
  direction?: Direction;
}

export type TreeNode = IndicatorNode | GroupNode;

/**
 * A validated indicator tree. `nodes` lists every node in depth-first pre-order with siblings in file order
 * (the order of every output); `indicators` lists the leaves in that same order.
 */
export interface Tree {
  nodes: TreeNode[];
  /** Codes of the first-level nodes. */
  roots: string[];
  /** Codes of the leaves, in tree order. */
  indicators: string[];
  byCode: ReadonlyMap<string, TreeNode>;
  /** The file the tree was read from, for messages. */
  source?: string;
  /** The overall index's name, from the tree's root row (code `INDEX`, no parent), if it has one. */
  indexName?: string;
  /** Its English name (the root row's `name_en`). */
  indexNameEn?: string;
}
