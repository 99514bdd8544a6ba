/**
 * The names of the presets (`presets.ts` holds what each sets): on their own, so that the message catalogue, which
 * holds the presets' words, and the presets, which take their words from it, need not import each other.
 */
export const PRESETS = ["nbs", "changzhou", "eis", "gii", "coinr"] as const;
export type Preset = (typeof PRESETS)[number];
