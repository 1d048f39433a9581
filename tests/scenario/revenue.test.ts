import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenarioFile, scenarioFiles } from '../../src/scenario/files';
import { parseScenarioText } from '../../src/scenario/load';
import { ISLAND_REVENUE, REGIONAL_RATIO, revenueFigure, revenuePerRoundFor } from '../../src/scenario/revenue';
import { createGame } from '../../src/engine';
import { staticWarnings } from '../../src/ai/report-words';
import { absorptionCap } from '../../src/engine/domestic';

/** Island finances come from each island's sourced government revenue (assets/data/island-revenue.json). */
const load = (file: string) => {
  const r = loadScenarioFile(file);
  if (!r.ok) throw new Error(`${file} does not load: ${JSON.stringify(r.errors)}`);
  return r.scenario;
};

describe('island government revenue', () => {
  it('weighs the 161-tower loan (US$66m China Exim, 2022) at about a seventh of a year of Solomons revenue', () => {
    const s = load('scenarios/honiara.yaml');
    const loan = s.tabled?.find((t) => t.deal.kind === 'telecom' && t.deal.project === 'towers' && t.deal.island === 'SLB');
    expect(loan?.deal.kind === 'telecom' && loan.deal.amount).toBe(66000);
    const g = createGame(s, 'revenue', 'revenue');
    const slb = g.islands.SLB!;
    const year = slb.revenuePerRound * (12 / s.monthsPerRound);
    const share = 66000 / year;
    // A seventh is 0.143; the band allows for the year of the figure (2022) and rounding.
    expect(share).toBeGreaterThan(1 / 9);
    expect(share).toBeLessThan(1 / 5);
    // The same loan weighed more than three years of revenue under the old 2.5%-of-GDP figure (20000 a round).
    expect(66000 / (20000 * 2)).toBeGreaterThan(1.5);
  });

  it('gives every real island of every shipped scenario a sourced figure, and the scenario carries it', () => {
    let islands = 0;
    for (const file of Object.values(scenarioFiles())) {
      const s = load(file);
      for (const island of s.islands) {
        if (island.fictional) continue;
        islands++;
        const figure = revenueFigure(island.id);
        expect(figure, `${island.id} in ${file}`).toBeDefined();
        expect(figure!.source.length).toBeGreaterThan(20);
        expect(figure!.year).toBeGreaterThanOrEqual(2015);
        expect(figure!.revenueUsd).toBeGreaterThan(0);
        const expected = revenuePerRoundFor(figure!.revenueUsd, s.monthsPerRound);
        expect(Math.abs(island.revenuePerRound - expected), `${island.id} in ${file}`).toBeLessThanOrEqual(expected * 0.1);
        // The opening treasury is within what the island can absorb (two years of revenue).
        expect(island.treasury).toBeLessThanOrEqual(island.revenuePerRound * Math.floor(12 / s.monthsPerRound) * 2);
      }
    }
    expect(islands).toBeGreaterThan(15);
  });

  it('keeps revenue at 15-60% of GDP, and far more where fishing licences or the processing centre pay', () => {
    const share = (iso3: string) => revenueFigure(iso3)!.percentOfGdp!;
    for (const c of ISLAND_REVENUE) {
      if (c.percentOfGdp === undefined || ['KIR', 'TUV', 'NRU'].includes(c.iso3)) continue;
      expect(c.percentOfGdp, c.iso3).toBeGreaterThanOrEqual(15);
      expect(c.percentOfGdp, c.iso3).toBeLessThanOrEqual(60);
    }
    for (const iso3 of ['KIR', 'TUV', 'NRU']) expect(share(iso3)).toBeGreaterThan(80);
    // The regional ratio is what its source says: the median of the other islands' shares.
    const others = ISLAND_REVENUE.filter((c) => c.percentOfGdp !== undefined && !['KIR', 'TUV', 'NRU'].includes(c.iso3)).map((c) => c.percentOfGdp!).sort((a, b) => a - b);
    const mid = others.length / 2;
    expect(REGIONAL_RATIO.percentOfGdp).toBe(others.length % 2 ? others[Math.floor(mid)] : (others[mid - 1]! + others[mid]!) / 2);
  });

  it('warns (in the authoring report) of a real island whose revenue strays from its sourced figure, naming the figure and the file', () => {
    const text = readFileSync('scenarios/honiara.yaml', 'utf8').replace(/revenuePerRound: 218087[^\n]*/, 'revenuePerRound: 20000');
    const r = parseScenarioText(text, 'honiara.yaml');
    // An author may model another year: the file still loads, and old records carrying it still open.
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const w = staticWarnings(r.scenario).filter((x) => x.includes('sourced government revenue'));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^Solomon Islands' revenuePerRound is \$20m, .*assets\/data\/island-revenue\.json\) gives about \$218\.1m for 6 months/);
  });

  it('leaves a fictional island to its author, and caps what an island holds at two years of its revenue', () => {
    const tutorial = load('scenarios/tutorial.yaml');
    expect(tutorial.islands.every((i) => i.fictional)).toBe(true);
    const g = createGame(load('scenarios/honiara.yaml'), 'revenue', 'revenue');
    expect(absorptionCap(g, g.islands.SLB!.revenuePerRound)).toBe(218087 * 2 * 2);
  });
});
