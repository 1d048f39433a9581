import type { PowerId } from '../engine';

/**
 * One colour per power (Okabe–Ito, colour-blind safe), used for its cables, markers and influence
 * alike. Red (vermillion) is kept for damage and danger only: a cut cable, unrest.
 */
export const POWER_COLOURS: Record<PowerId | 'other', string> = {
  beijing: '#E69F00', // orange
  canberra: '#009E73', // bluish green
  washington: '#56B4E9', // sky blue
  other: '#CC79A7', // reddish purple: consortia, vendors of no power
};
export const DANGER = '#D55E00'; // vermillion
export const NEUTRAL_LAND = '#DCCFB4';
export const OCEAN = '#123049';

export const toNumber = (hex: string): number => Number.parseInt(hex.slice(1), 16);
