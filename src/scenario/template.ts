import { POWERS, type PowerId } from '../engine/types';
import { REGIONAL_RATIO, REVENUE_FILE, revenueFigure, revenuePerRoundFor } from './revenue';

/**
 * A starting scenario file for a teacher to edit (`npm run new-scenario`): the facts the fact
 * pack has (capitals, population, GDP, recognition, cables and their landings) filled in with
 * their sources, and every judgement (alignment, legitimacy, budgets) a commented placeholder.
 */

interface FactLanding {
  name: string;
  country: string;
  lat: number | null;
  lon: number | null;
}
interface FactCable {
  name: string;
  tgId: string;
  rfsYear: number | null;
  landings: FactLanding[];
  supplier: string | null;
  sources: string[];
}
interface FactCountry {
  name: string;
  iso3: string | null;
  capital: string;
  lat: number;
  lon: number;
  population: number;
  populationYear: number;
  populationSource: string;
  gdpUsd: number | null;
  gdpYear?: number;
  gdpSource?: string;
  recognizes: 'PRC' | 'ROC';
  sources: string[];
}
export interface FactPack {
  countries: FactCountry[];
  cables: FactCable[];
  meta: { title: string };
}

export interface TemplateOptions {
  islands: string[];
  powers: PowerId[];
  start: string;
  rounds: number;
  monthsPerRound: number;
}

const POWER_NAMES: Record<PowerId, string> = { beijing: 'Beijing', canberra: 'Canberra', washington: 'Washington' };
/** Quarterly budgets of the shipped scenarios (coral-sea, shared-future), scaled to the round's length. */
const QUARTERLY_BUDGET: Record<PowerId, number> = { beijing: 40000, canberra: 30000, washington: 15000 };
/** The fact pack, copied into the repository with its sources. */
const FACTS = 'assets/data/pacific-facts.json';

const str = (s: string): string => JSON.stringify(s);
const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');

/** The fact pack's choices for the ids the teacher asked for, or what is wrong with the request. */
export function checkTemplateOptions(facts: FactPack, o: TemplateOptions): string | undefined {
  const known = facts.countries.filter((c) => c.iso3 && (c.gdpUsd || revenueFigure(c.iso3))).map((c) => c.iso3!);
  const unknown = o.islands.find((i) => !known.includes(i));
  if (unknown !== undefined) return `--islands: ${str(unknown)} is not an island of the fact pack (${known.join(', ')})`;
  if (o.islands.length === 0 || o.islands.length > 10) return '--islands: give 1 to 10 island codes, such as VUT or VUT,SLB';
  if (new Set(o.islands).size !== o.islands.length) return '--islands: each island once';
  const badPower = o.powers.find((p) => !(POWERS as readonly string[]).includes(p));
  if (badPower !== undefined) return `--powers: ${str(badPower)} is not a power (${POWERS.join(', ')})`;
  if (o.powers.length === 0 || new Set(o.powers).size !== o.powers.length) return '--powers: give 1 to 3 different powers, such as beijing,canberra';
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.start)) return '--start: a year and month written YYYY-MM, such as 2022-07';
  if (!Number.isInteger(o.rounds) || o.rounds < 1 || o.rounds > 60) return '--rounds: a whole number from 1 to 60';
  if (![1, 2, 3, 4, 5, 6].includes(o.monthsPerRound)) return '--months: a whole number of months per round from 1 to 6';
  return undefined;
}

/** The scenario text. Assumes checkTemplateOptions passed. */
export function scenarioTemplate(facts: FactPack, o: TemplateOptions): string {
  const countries = o.islands.map((i) => facts.countries.find((c) => c.iso3 === i)!);
  const names = new Set(countries.map((c) => c.name));
  const startYear = Number(o.start.slice(0, 4));
  const scale = o.monthsPerRound / 3;
  // Cables of the fact pack that land on a chosen island and are in service by the start.
  const touches = (c: FactCable) => c.landings.some((l) => names.has(l.country));
  const placed = (l: FactLanding): l is FactLanding & { lat: number; lon: number } => l.lat !== null && l.lon !== null;
  const inService = facts.cables.filter((c) => touches(c) && c.rfsYear !== null && c.rfsYear <= startYear && c.landings.every(placed) && c.landings.length >= 2);
  const later = facts.cables.filter((c) => touches(c) && !inService.includes(c));

  const landings = new Map<string, { id: string; name: string; island: string | null; country: string; lat: number; lon: number }>();
  const landingId = (l: FactLanding & { lat: number; lon: number }): string => {
    const key = `${l.lat},${l.lon}`;
    const known = landings.get(key);
    if (known) return known.id;
    const short = l.name.split(',')[0]!.trim();
    let id = slug(short) || 'landing';
    while ([...landings.values()].some((x) => x.id === id)) id = `${id.slice(0, 37)}-${landings.size}`;
    const island = countries.find((c) => c.name === l.country)?.iso3 ?? null;
    landings.set(key, { id, name: short, island, country: l.country, lat: l.lat, lon: l.lon });
    return id;
  };
  const cables = inService.map((c) => {
    const route = [...new Set(c.landings.filter(placed).map(landingId))];
    return { id: slug(c.tgId), name: c.name, route, sources: c.sources };
  });
  // An island with no cable in the fact pack still needs a landing: its capital.
  for (const c of countries)
    if (![...landings.values()].some((l) => l.island === c.iso3)) landings.set(`capital-${c.iso3}`, { id: slug(c.capital), name: c.capital, island: c.iso3, country: c.name, lat: c.lat, lon: c.lon });

  // A first cable needs somewhere to land abroad: the regional hub of Suva (or Sydney, from Fiji).
  for (const hub of ['Suva', 'Sydney']) {
    if (landings.size >= 2) break;
    const at = facts.cables.flatMap((c) => c.landings).find((l) => l.name.startsWith(hub) && placed(l));
    if (at && placed(at) && ![...landings.values()].some((l) => l.name === hub)) landingId(at);
  }

  // The map frames the islands and the landings near them; a cable's far end (Sydney, Guam, Hawaii) may lie off it.
  const near = (p: { lat: number; lon: number }) => countries.some((c) => Math.abs(c.lat - p.lat) <= 20 && Math.abs(((c.lon - p.lon + 540) % 360) - 180) <= 25);
  const points = [...[...landings.values()].filter(near), ...countries];
  const lats = points.map((p) => p.lat);
  // Longitudes east of 180° are taken as west of it, so a map around Fiji or Tonga does not span the globe.
  const lons = points.map((p) => (p.lon < 0 ? p.lon + 360 : p.lon));
  const wrap = (x: number) => Math.round(x > 180 ? x - 360 : x);
  const map = {
    west: wrap(Math.max(0, Math.min(...lons) - 4)),
    east: wrap(Math.min(359, Math.max(...lons) + 4)),
    south: Math.max(-90, Math.floor(Math.min(...lats) - 4)),
    north: Math.min(90, Math.ceil(Math.max(...lats) + 4)),
  };

  const out: string[] = [];
  const line = (s = '') => out.push(s);
  line('# yaml-language-server: $schema=../schema/scenario.schema.json');
  line(`# Written by: npm run new-scenario -- --islands ${o.islands.join(',')} --powers ${o.powers.join(',')} --start ${o.start} --rounds ${o.rounds} --months ${o.monthsPerRound}`);
  line(`# Facts (capitals, population, GDP, recognition, cables and landings) come from ${FACTS},`);
  line('# with their sources below. Every number marked "set from your sources" is a placeholder: replace');
  line('# it with what your own reading supports, and say where it comes from in `sources`.');
  line('# docs/scenario-format.md explains every field; `npm run validate -- FILE` checks the file.');
  line(`id: ${slug(`${o.islands.join('-')}-${o.start}`)}`);
  line('version: 1');
  line(`title: ${str(`${countries.map((c) => c.name).join(', ')} from ${o.start}`)}`);
  line(`summary: ${str(`The situation in ${countries.map((c) => c.name).join(', ')} in ${o.start}: write a paragraph for the briefing screen.`)}`);
  line(`start: ${o.start}`);
  line(`monthsPerRound: ${o.monthsPerRound}`);
  line(`rounds: ${o.rounds}`);
  line('par: 50');
  line(`map: { west: ${map.west}, east: ${map.east}, south: ${map.south}, north: ${map.north} } # the capitals and landings with a margin`);
  line();
  line('islands:');
  for (const c of countries) {
    const gdp = c.gdpUsd ?? 0;
    // The sourced government revenue; with none, the regional share of GDP (assets/data/island-revenue.json).
    const figure = c.iso3 ? revenueFigure(c.iso3) : undefined;
    const revenue = figure ? revenuePerRoundFor(figure.revenueUsd, o.monthsPerRound) : revenuePerRoundFor((gdp * REGIONAL_RATIO.percentOfGdp) / 100, o.monthsPerRound);
    const whence = figure
      ? `government revenue US$${(figure.revenueUsd / 1e6).toFixed(1)}m a year (${figure.year}), ${REVENUE_FILE}`
      : `no revenue figure found: ${REGIONAL_RATIO.percentOfGdp}% of GDP (US$${(gdp / 1e9).toFixed(2)}bn, ${c.gdpYear ?? 'latest'}), the regional ratio of ${REVENUE_FILE}`;
    line(`  - id: ${c.iso3}`);
    line(`    name: ${str(c.name)}`);
    line(`    capital: { name: ${str(c.capital)}, lat: ${c.lat}, lon: ${c.lon} }`);
    line(`    population: ${c.population} # ${c.populationYear}, ${c.populationSource}`);
    line(`    treasury: ${Math.max(1000, revenue * 2)} # two rounds of revenue: set from your sources`);
    line(`    revenuePerRound: ${Math.max(100, revenue)} # ${whence}, per round`);
    line('    economy: 40 # set from your sources (0-100)');
    line('    legitimacy: 50 # set from your sources: how secure the government is');
    line('    democracy: 60 # set from your sources');
    line('    sovereignty: 65 # set from your sources');
    line('    cyber: 10 # set from your sources');
    line(`    satellite: 10 # connectivity with no cable, 0-40`);
    line(`    alignment: { ${o.powers.map((p) => `${p}: 0`).join(', ')} } # set from your sources, -100 to 100`);
    line(`    recognises: ${c.recognizes}`);
    if (c.recognizes === 'ROC') line("    # taipeiAid: 0 # US$ thousands a year of Taipei's aid, lost if the island switches to Beijing: set from your sources");
    line('    # nextElection: 3 # the round of the next general election, if it falls in the game');
  }
  line();
  line('powers:');
  for (const p of o.powers) {
    line(`  - id: ${p}`);
    line(`    name: ${POWER_NAMES[p]}`);
    line(`    treasury: ${Math.round(QUARTERLY_BUDGET[p] * 4)}`);
    line(`    budgetPerRound: ${Math.round(QUARTERLY_BUDGET[p] * scale)} # as the shipped scenarios, per ${o.monthsPerRound} months`);
    line('    reputation: 55 # set from your sources');
    line(`    influence: { ${o.islands.map((i) => `${i}: 30`).join(', ')} } # set from your sources, 0-100`);
  }
  line();
  line('# Prices per km of route and per landing station as in the shipped scenarios (coral-sea.yaml).');
  line('vendors:');
  line('  - { id: hmn-tech, name: HMN Tech (formerly Huawei Marine), kind: cable, origin: beijing, trusted: false, pricePerKm: 20, pricePerLanding: 3000, minBuildMonths: 15 }');
  line('  - { id: asn, name: Alcatel Submarine Networks, kind: cable, origin: other, trusted: true, pricePerKm: 25, pricePerLanding: 4000, minBuildMonths: 18 }');
  line('  - { id: nec, name: NEC, kind: cable, origin: other, trusted: true, pricePerKm: 25, pricePerLanding: 4000, minBuildMonths: 18 }');
  line('  - { id: subcom, name: SubCom, kind: cable, origin: washington, trusted: true, pricePerKm: 26, pricePerLanding: 4000, minBuildMonths: 18 }');
  line('  - { id: consortium, name: Operator consortium, kind: cable, origin: other, trusted: true, pricePerKm: 30, pricePerLanding: 5000, minBuildMonths: 24 }');
  line('  - { id: huawei, name: Huawei, kind: network, origin: beijing, trusted: false }');
  line('  - { id: ericsson, name: Ericsson, kind: network, origin: other, trusted: true }');
  line();
  line('# Landing points of the cables below (TeleGeography data in the fact pack); `island: null` is abroad.');
  line('landings:');
  for (const l of landings.values())
    line(`  - { id: ${l.id}, name: ${str(l.name)}, island: ${l.island ?? 'null'}, country: ${str(l.country)}, lat: ${l.lat}, lon: ${l.lon} }`);
  line();
  line(`# Cables of the fact pack in service by ${startYear}. Who built and paid for each is not in the fact`);
  line('# pack: `consortium` and `other` stand in; set them from your sources.');
  if (later.length) line(`# Later or unplaced cables of the fact pack, for tabled offers or scripted events: ${later.map((c) => c.name).join('; ')}.`);
  line(cables.length ? 'cables:' : 'cables: []');
  for (const c of cables) {
    line(`  - id: ${c.id}`);
    line(`    name: ${str(c.name)}`);
    line(`    route: [${c.route.join(', ')}]`);
    line('    vendor: consortium');
    line('    financier: other');
    line('    status: active');
  }
  line();
  line('debts: [] # e.g. - { id: exim-1, debtor: VUT, creditor: beijing, amount: 20000, ratePct: 2, years: 20, graceYears: 5 }');
  line();
  line('# How each role scores (weights 0-100); docs/scenario-format.md, objectives.');
  line('objectives:');
  line('  island: { development: 25, sovereignty: 15, survival: 20, resilience: 10, balance: 10, solvency: 10, democracy: 10 }');
  for (const p of o.powers) line(`  ${p}: { influence: 25, access: 20, vendorShare: 20, reputation: 15, denial: 20 }`);
  line();
  line('deck:');
  line('  chancePerRound: 30');
  line('  weights: { cyclone: 2, anchorDrag: 1, leak: 2, summit: 2, ransomware: 1, debtDistress: 1, election: 1 }');
  line();
  line('scripted: [] # events that happen in a given round, e.g. - { round: 3, kind: election, island: VUT }');
  line('# tabled: offers on the table at a round (docs/scenario-format.md, "Deals: the offer syntax")');
  line('# agreements: agreements in force at the start');
  line();
  line('sources:');
  const sources = new Set<string>([`${facts.meta.title} (${FACTS})`]);
  for (const c of countries) for (const s of [c.populationSource, c.gdpSource, ...c.sources]) if (s) sources.add(s);
  for (const c of countries) {
    const figure = c.iso3 ? revenueFigure(c.iso3) : undefined;
    sources.add(figure ? `Government revenue of ${figure.name}: ${figure.source} (${REVENUE_FILE})` : `Government revenue of ${c.name}: no figure found; ${REGIONAL_RATIO.source} (${REVENUE_FILE})`);
  }
  for (const c of cables) for (const s of c.sources) sources.add(s);
  for (const s of [...sources].slice(0, 200)) line(`  - ${str(s.slice(0, 2000))}`);
  return `${out.join('\n')}\n`;
}
