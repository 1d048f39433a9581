import data from '../../assets/data/island-revenue.json';

/** Where the figures live, as messages and comments name it. */
export const REVENUE_FILE = 'assets/data/island-revenue.json';

/** One island state's annual government revenue, with its year and source. */
export interface IslandRevenue {
  iso3: string;
  name: string;
  /** US$ a year. */
  revenueUsd: number;
  year: number;
  source: string;
  gdpUsd?: number;
  gdpYear?: number | null;
  percentOfGdp?: number;
  note?: string;
}

export const ISLAND_REVENUE: readonly IslandRevenue[] = data.countries;

/** Share of GDP (percent) taken for a country with a GDP and no revenue figure, and where that share comes from. */
export const REGIONAL_RATIO: { percentOfGdp: number; source: string } = data.meta.regionalRatio;

/** How far (as a share) a real island's revenuePerRound may stray from its sourced figure. */
export const REVENUE_TOLERANCE = 0.1;

export function revenueFigure(iso3: string): IslandRevenue | undefined {
  return ISLAND_REVENUE.find((c) => c.iso3 === iso3);
}

/** Revenue per round in US$ thousands: a year's revenue spread over the months a round covers. */
export function revenuePerRoundFor(revenueUsdPerYear: number, monthsPerRound: number): number {
  return Math.round((revenueUsdPerYear / 1000) * (monthsPerRound / 12));
}

/**
 * The islands of a scenario whose revenuePerRound strays from the sourced figure (fictional islands
 * and ids the file does not know are left alone), with the figure they should carry.
 */
export function revenueMismatches(s: { monthsPerRound: number; islands: readonly { id: string; revenuePerRound: number; fictional?: boolean | undefined }[] }): { index: number; expected: number; figure: IslandRevenue }[] {
  const out: { index: number; expected: number; figure: IslandRevenue }[] = [];
  s.islands.forEach((island, index) => {
    const figure = island.fictional ? undefined : revenueFigure(island.id);
    if (!figure) return;
    const expected = revenuePerRoundFor(figure.revenueUsd, s.monthsPerRound);
    if (Math.abs(island.revenuePerRound - expected) > expected * REVENUE_TOLERANCE) out.push({ index, expected, figure });
  });
  return out;
}
