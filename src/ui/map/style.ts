import { DANGER, POWER_COLOURS, toNumber } from '../palette';
import type { CableStatus } from '../../engine/types';
import type { Side } from './model';

/**
 * How the map draws the game, in CSS pixels (the scene multiplies by the pixel ratio). Shared by
 * the scene and the legend so that the key always matches the map.
 */

export const HALO = '#0d1f2d';
export const INK = '#0f2231';
export const WHITE = '#fbfaf5';

export const sideColour = (s: Side): string => POWER_COLOURS[s];
export const sideNumber = (s: Side): number => toNumber(POWER_COLOURS[s]);
export const DANGER_NUMBER = toNumber(DANGER);

export interface LineStyle {
  /** Width of the coloured line. */
  width: number;
  /** Dark edge on each side, so the line reads on sea and land alike. */
  casing: number;
  /** Dash and gap; null for a solid line. */
  dash: [number, number] | null;
}

export const CABLE_STYLES: Record<CableStatus, LineStyle> = {
  proposed: { width: 2.5, casing: 1.5, dash: [5, 6] },
  building: { width: 3.5, casing: 1.5, dash: [12, 8] },
  active: { width: 3.5, casing: 1.5, dash: null },
  cut: { width: 3.5, casing: 1.5, dash: null },
};

/** The onshore link from where a cable comes ashore to a landing inland: thin dots. */
export const ASHORE_STYLE: LineStyle = { width: 1.5, casing: 1, dash: [2, 4] };

/** How fast a building cable's dashes march, CSS pixels per second. */
export const MARCH_SPEED = 22;
/** Space between cables that share a leg. */
export const CABLE_SPACING = 6;
/** The vendor badge's radius. */
export const BADGE_R = 9;

/** The influence ring around a capital: three fixed slots, one per power, each filled by how far the island leans that way. */
export const RING = { gap: 4, width: 5, slotGapDeg: 14 } as const;
/** Slot of each power, clockwise from the top: Beijing upper right, Canberra below, Washington upper left. */
export const SLOT_START_DEG: Record<'beijing' | 'canberra' | 'washington', number> = { beijing: -90, canberra: 30, washington: 150 };
export const SLOT_DEG = 120;

/** Signal bars for connectivity: one bar for each quarter of 0-100. */
export const BARS = { count: 4, width: 4, gap: 2, minHeight: 5, maxHeight: 14 } as const;
export const barsLit = (connectivity: number): number => Math.max(0, Math.min(BARS.count, Math.ceil(connectivity / (100 / BARS.count))));

/** Pact and aid markers. */
export const MARKER = { size: 16, spacing: 3 } as const;

/** How long each effect lasts, ms. */
export const DURATION = {
  drawIn: 1600,
  light: 1100,
  flash: 1800,
  ripple: 2400,
  pulse: 1300,
  influence: 1000,
} as const;
