import { z } from 'zod';
import { AID_PURPOSES, EVENT_KINDS, INITIATIVES, ISLAND_OBJECTIVES, PERSONAS, POWER_OBJECTIVES, POWERS, SCRIPTED_FUNDERS, SUB_ROLE_ACTS, VENDOR_KINDS, type Deal, type ScenarioData } from '../engine/types';
import { dealSchema } from '../engine/parse';

/**
 * The scenario file format. Every numeric field carries its bounds here, and these
 * bounds are the documented ranges of the game state (docs/scenario-format.md).
 * Money is in integer US$ thousands everywhere (US$66m = 66000).
 */

const id = z
  .string()
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case id of letters, digits and dashes, such as "honiara"');
const islandId = z
  .string()
  .regex(/^[A-Z]{3}$/, 'a three-letter upper-case country code, such as "SLB"');
const POWER_IDS = POWERS;
const powerId = z.enum(POWER_IDS);
// Control characters (ANSI escape codes among them) have no place in a name or a title, and would act on a terminal.
// eslint-disable-next-line no-control-regex
const NO_CONTROLS = /^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/;
/** A text of 1 to `max` characters, without control characters. */
const text = (max: number) => z.string().min(1).max(max).regex(NO_CONTROLS, 'a text without control characters (such as ANSI escape codes)');
const name = text(120);
const int = (min: number, max: number) => z.number().int().min(min).max(max);
const money = (max = 10_000_000) => int(0, max).describe('US$ thousands');
const metric = int(0, 100);
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a year and month written YYYY-MM, such as "2017-01"');
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);


const weights = <K extends readonly [string, ...string[]]>(keys: K) =>
  z.partialRecord(z.enum(keys), int(0, 100)).refine((w) => Object.values(w).some((v) => typeof v === "number" && v > 0), {
    message: 'at least one objective with a weight above 0',
  });


/** Each role's objective weights: the islands' (shared) and each power's. */
const objectivesSchema = z
  .object({
    island: weights(ISLAND_OBJECTIVES),
    beijing: weights(POWER_OBJECTIVES).optional(),
    canberra: weights(POWER_OBJECTIVES).optional(),
    washington: weights(POWER_OBJECTIVES).optional(),
  })
  .strict();

const alignment = z.partialRecord(powerId, int(-100, 100)).describe('alignment with each power, -100 (hostile) to 100 (client)');

export const islandSchema = z
  .object({
    id: islandId,
    name,
    capital: z.object({ name, lat: latitude, lon: longitude }).strict(),
    population: int(1, 20_000_000),
    treasury: money().describe('starting treasury, US$ thousands'),
    revenuePerRound: money(10_000_000).describe('government revenue each round (a year of it x monthsPerRound / 12), US$ thousands'),
    economy: metric.describe('economy index 0-100'),
    legitimacy: metric,
    democracy: metric,
    sovereignty: metric,
    cyber: metric.describe('cyber resilience 0-100'),
    satellite: int(0, 40).describe('connectivity the island has with no cable, 0-40'),
    alignment,
    recognises: z.enum(['PRC', 'ROC']),
    taipeiAid: money().optional().describe("US$ thousands a year of Taipei's aid while the island recognises Taipei, part of its revenue and lost if it switches to Beijing"),
    nextElection: int(1, 60).optional().describe('round in which the next general election falls'),
    leaning: powerId.optional().describe('the power the government leans to, if any'),
    computer: z.boolean().optional().describe('the seat is played by the computer unless someone takes it'),
    fictional: z.boolean().optional().describe('a fictional composite island (the tutorial), labelled as such'),
    parliament: z
      .object({
        ratifies: z.array(z.enum(['cable', 'aid', 'telecom', 'pact', 'diplomatic'])).max(5).describe('kinds of deal the parliament must ratify before they take effect'),
        opposition: powerId.optional().describe('the power the opposition leans to; by default the one the islanders favour most after the government\'s'),
      })
      .strict()
      .optional()
      .describe('a parliament that votes on some deals after they are signed (docs/rules.md, Ratification)'),
  })
  .strict();

export const powerSchema = z
  .object({
    id: powerId,
    name,
    treasury: money().describe('money in hand at the start, US$ thousands'),
    budgetPerRound: money(1_000_000).describe('new money granted each round, US$ thousands'),
    reputation: metric,
    influence: z.partialRecord(islandId, metric).describe('influence on each island 0-100'),
    persona: z.enum(PERSONAS).optional().describe('how the computer plays this power: balanced, cautious, assertive or distracted'),
    computer: z.boolean().optional().describe('the seat is played by the computer unless someone takes it'),
  })
  .strict();

export const vendorSchema = z
  .object({
    id,
    name,
    kind: z.enum(VENDOR_KINDS).describe('cable: a cable maker; network: builds towers, data centres, safe-city systems; carrier: runs a network'),
    origin: z.enum([...POWER_IDS, 'other']),
    trusted: z.boolean().describe('on the trusted-vendor lists of Canberra and Washington'),
    pricePerKm: int(1, 1000).optional().describe('cable makers: cable price per km of route, US$ thousands'),
    pricePerLanding: int(0, 100_000).optional().describe('cable makers: price of each landing station, US$ thousands'),
    minBuildMonths: int(1, 60).optional().describe('cable makers: the fewest months a cable takes'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind !== 'cable') return;
    for (const key of ['pricePerKm', 'pricePerLanding', 'minBuildMonths'] as const)
      if (v[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `a ${key} for a cable maker` });
  });

const deal = dealSchema.describe('a deal, as an offer carries it (see docs/rules.md)');

/** A funder with no seat (Tokyo, the World Bank, the ADB): a budget and the deals it co-funds, on what terms. */
export const scriptedFunderSchema = z
  .object({
    id: z.enum(SCRIPTED_FUNDERS).describe('tokyo, worldBank, adb or chinaExim'),
    name,
    budget: money().describe('US$ thousands it can commit over the whole game'),
    of: z.enum(POWERS).optional().describe("a state's policy bank: it lends only beside that power's own loans, and its loans are owed to that power"),
    pledges: z
      .array(
        z
          .object({
            deal: z.enum(['cable', 'aid', 'telecom']).describe('the kind of deal it co-funds'),
            islands: z.array(islandId).min(1).max(40).describe('the deal must reach one of these islands'),
            trustedVendor: z.boolean().optional().describe('only with a vendor on the trusted list'),
            vendorFrom: z.enum(POWERS).optional().describe("only with a vendor from this power (a tied credit: China Exim's for Chinese contractors)"),
            purpose: z.enum(AID_PURPOSES).optional().describe('only aid for this purpose (a policy bank lends for infrastructure, not budget support)'),
            sharePct: int(1, 99).describe('the largest share of the price it pays, percent'),
            terms: z.discriminatedUnion('kind', [
              z.object({ kind: z.literal('grant') }).strict(),
              z.object({ kind: z.literal('loan'), ratePct: int(0, 15), years: int(1, 30), graceYears: int(0, 10) }).strict(),
            ]),
            fromRound: int(1, 60).optional(),
            untilRound: int(1, 60).optional(),
            note: text(400).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(20),
  })
  .strict();

export const standingAgreementSchema = z
  .object({
    id,
    since: yearMonth.describe('when it was signed, before the game starts'),
    deal,
    consented: z.array(powerId).optional().describe('powers whose landing consent a cable contract already has'),
    note: z.string().min(1).optional(),
  })
  .strict();

export const landingSchema = z
  .object({
    id,
    name,
    island: islandId.nullable().describe('the island seat it lands on, or null for a landing abroad (Sydney, Guam)'),
    country: name,
    lat: latitude,
    lon: longitude,
  })
  .strict();

export const CABLE_STATUSES = ['proposed', 'building', 'active', 'cut'] as const;

export const cableSchema = z
  .object({
    id,
    name,
    route: z.array(id).min(2).max(50).describe('landing ids in the order the cable runs'),
    vendor: id,
    financier: z.enum([...POWER_IDS, 'other']),
    status: z.enum(['building', 'active']),
    readyRound: int(1, 60).optional().describe('for a cable being built: the round it becomes active'),
    dataAccess: z.boolean().default(false),
  })
  .strict();

export const debtSchema = z
  .object({
    id,
    debtor: islandId,
    creditor: powerId,
    lender: z.enum(SCRIPTED_FUNDERS).optional().describe("the bank repaid, when it is the creditor state's policy bank (chinaExim): repayments refill the bank's lending, not the state's budget"),
    amount: money().describe('principal outstanding at the start, US$ thousands'),
    ratePct: int(0, 15),
    years: int(1, 40).describe('years left to repay'),
    graceYears: int(0, 20).describe('years left before principal falls due'),
    note: text(2000).optional(),
  })
  .strict();

export const scriptedEventSchema = z
  .object({
    round: int(1, 60),
    kind: z.enum(EVENT_KINDS),
    island: islandId.optional(),
    cable: id.optional(),
    power: powerId.optional(),
    title: text(240).optional(),
    initiative: z.enum(INITIATIVES).optional().describe('for a forum: what it puts to the islands (policing and conduct name a power)'),
  })
  .strict();

export const lessonSchema = z
  .object({
    id: id.describe('how the host names it (lesson=ID)'),
    title: text(80),
    minutes: int(10, 600).describe('how long the cut runs in class, debrief included'),
    rounds: int(1, 60).describe('rounds in the cut (fewer than the full game)'),
    monthsPerRound: int(1, 6)
      .optional()
      .describe("longer rounds that cover the full game's span (at least the scenario's monthsPerRound): dated things move to the round that holds their month and per-round money is scaled; without it the cut is the full game's first rounds"),
    buildPct: int(10, 100).optional().describe('cable makers\' fewest build months, as a percentage of the full game\'s, so a cable signed early still comes into service'),
    negotiationMinutes: int(1, 120),
    decisionsMinutes: int(1, 120),
    note: text(400)
      .optional()
      .describe("for the facilitator at set-up, shown in the console's lobby: what to know before choosing who plays which seat (a seat the computer players seldom win with, say)"),
    objectives: objectivesSchema
      .partial()
      .optional()
      .describe("the cut's own objective weights for the roles it names, in place of the scenario's (a shorter game decides on fewer rounds)"),
  })
  .strict();

const subRoleAct = z.enum(SUB_ROLE_ACTS);
export const subRoleSchema = z
  .object({
    id: id.describe('how the join screen and the record name it (an action\'s `by` and `cosigned`)'),
    title: text(60).describe('as it reads in a sentence: "minister of finance" ("Awaiting the minister of finance\'s signature")'),
    takes: z.array(subRoleAct).max(SUB_ROLE_ACTS.length).optional().describe('the acts this member may make or accept; all when absent'),
    signs: z.array(subRoleAct).max(SUB_ROLE_ACTS.length).optional().describe('the acts another member of the team makes only with this member\'s signature'),
  })
  .strict();
const subRoleList = z
  .array(subRoleSchema)
  .min(1)
  .max(8)
  .superRefine((list, ctx) => {
    list.forEach((r, i) => {
      if (list.findIndex((x) => x.id === r.id) !== i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'an id no other sub-role of the team has' });
      if (!list.some((x) => !x.takes || x.takes.length > 0)) ctx.addIssue({ code: 'custom', path: [i, 'takes'], message: 'at least one sub-role that may act' });
    });
  });
export const subRolesSchema = z
  .object({
    island: subRoleList.describe('the members of an island government\'s team'),
    power: subRoleList.describe('the members of a power\'s team'),
  })
  .strict();

export const injectSchema = z
  .object({
    id: id.describe('how the facilitator\'s console and the record name it'),
    title: text(160),
    source: text(400).describe('where the inject comes from: a real report, or "fictional"'),
    kind: z.enum(EVENT_KINDS).optional().describe('an event that resolves at once when fired'),
    island: islandId.optional(),
    power: powerId.optional(),
    news: text(500).optional().describe('a news item shown when fired'),
    to: z.array(z.string().min(1).max(40)).min(1).max(32).optional().describe('the seats that read the news item; all when absent'),
  })
  .strict();

const historyEntry = z
  .object({
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date YYYY, YYYY-MM or YYYY-MM-DD').describe('when it happened'),
    kind: z.enum(['deal', 'event', 'outcome']),
    text: z.string().min(1),
    source: z.string().min(1).describe('where this is documented (a URL or a citation)'),
  })
  .strict();

/** What really happened, for the debrief to set the class's game beside: real deals, events and outcomes, and prompts for the discussion. */
export const historySchema = z
  .object({
    entries: z.array(historyEntry).min(1),
    prompts: z.array(z.string().min(1)).length(5).describe('five discussion prompts tied to the entries'),
  })
  .strict();

export const mapSchema = z
  .object({
    west: longitude,
    east: longitude,
    south: latitude,
    north: latitude,
  })
  .strict()
  .describe('map extent in degrees; west may be greater than east when the map crosses 180°');

export const scenarioSchema = z
  .object({
    id,
    version: int(1, 10_000),
    title: text(120),
    summary: text(4000),
    start: yearMonth,
    monthsPerRound: int(1, 6),
    rounds: int(1, 60),
    par: int(1, 100).default(50),
    map: mapSchema,
    islands: z.array(islandSchema).min(1).max(10),
    powers: z.array(powerSchema).min(1).max(3),
    vendors: z.array(vendorSchema).min(1).max(50),
    landings: z.array(landingSchema).min(2).max(500),
    cables: z.array(cableSchema).max(200).default([]),
    debts: z.array(debtSchema).max(200).default([]),
    objectives: objectivesSchema,
    deck: z
      .object({
        chancePerRound: int(0, 100).describe('percent chance that a round draws an event from the deck'),
        weights: z.partialRecord(z.enum(EVENT_KINDS), int(0, 100)),
      })
      .strict(),
    scripted: z.array(scriptedEventSchema).max(200).default([]),
    tabled: z
      .array(
        z
          .object({
            round: int(1, 60),
            from: z.string().min(1).max(40).describe('the role that makes the offer'),
            deal: dealSchema.describe('a deal, as an offer carries it (see docs/rules.md)'),
            why: text(240).optional(),
            amends: id.optional().describe('a standing agreement the offer would replace (a renegotiation, or a new deal for a cable contract)'),
            ratify: z
              .union([z.literal(true), z.enum(['pass', 'refuse'])])
              .optional()
              .describe('the deal needs ratification by the islands\' parliaments: true for a vote by chance, or pass or refuse as history had it'),
          })
          .strict(),
      )
      .max(200)
      .optional()
      .describe('offers put on the table at a round\'s briefing; the engine checks each then and drops one that is not legal'),
    agreements: z
      .array(standingAgreementSchema)
      .max(200)
      .optional()
      .describe('agreements in force when the game starts; the starting numbers already reflect them, so nothing is applied twice'),
    funders: z
      .array(scriptedFunderSchema)
      .max(SCRIPTED_FUNDERS.length)
      .optional()
      .describe('funders with no seat and no view (Tokyo, the World Bank, the ADB), each with a budget and a script of the deals it co-funds'),
    sources: z.array(text(2000)).min(1).max(200),
    history: historySchema.optional(),
    lessons: z.array(lessonSchema).max(10).optional().describe('shorter cuts of the scenario for a lesson (docs/facilitator.md)'),
    injects: z.array(injectSchema).max(100).optional().describe('injects the facilitator may fire during a game (docs/facilitator.md), each with its source'),
    subRoles: subRolesSchema.optional().describe('the members of a team in an online game and the acts each may take or must co-sign (docs/facilitator.md); a default set when absent'),
  })
  .strict()
  .superRefine((s, ctx) => {
    /** "a landing id of this scenario (anuvai, loto-bay, suva)": the ids it could have been, a few of them. */
    const oneOf = (what: string, ids: Iterable<string>): string => {
      const list = [...ids];
      return `${what} of this scenario (${list.slice(0, 8).join(', ')}${list.length > 8 ? ', …' : ''})`;
    };
    const landingIds = new Set(s.landings.map((l) => l.id));
    const islandIds = new Set(s.islands.map((i) => i.id));
    const vendorIds = new Set(s.vendors.map((v) => v.id));
    const powerIds = new Set<string>(s.powers.map((p) => p.id));
    const funderIds = new Set<string>([...powerIds, ...(s.funders ?? []).map((f) => f.id)]);
    // Taipei's aid is lost on a switch: an island that already recognises Beijing has none to lose.
    s.islands.forEach((island, i) => {
      if (island.taipeiAid !== undefined && island.recognises !== 'ROC')
        ctx.addIssue({ code: 'custom', path: ['islands', i, 'taipeiAid'], message: 'no taipeiAid for an island that recognises Beijing (recognises: PRC)', params: { found: String(island.taipeiAid) } });
    });
    const dup = (list: { id: string }[], key: string) => {
      const first = new Map<string, number>();
      list.forEach((item, i) => {
        const j = first.get(item.id);
        if (j !== undefined) ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `an id of its own (${key}[${j}] already has "${item.id}")` });
        else first.set(item.id, i);
      });
    };
    dup(s.islands, 'islands');
    dup(s.powers, 'powers');
    dup(s.vendors, 'vendors');
    dup(s.landings, 'landings');
    dup(s.cables, 'cables');
    dup(s.agreements ?? [], 'agreements');
    dup(s.funders ?? [], 'funders');
    (s.funders ?? []).forEach((f, i) => {
      if (f.of !== undefined && !powerIds.has(f.of)) ctx.addIssue({ code: 'custom', path: ['funders', i, 'of'], message: oneOf('a power', powerIds) });
      f.pledges.forEach((p, j) => {
        p.islands.forEach((isl, k) => {
          if (!islandIds.has(isl)) ctx.addIssue({ code: 'custom', path: ['funders', i, 'pledges', j, 'islands', k], message: oneOf('an island', islandIds) });
        });
        if (f.of !== undefined && p.terms.kind !== 'loan') ctx.addIssue({ code: 'custom', path: ['funders', i, 'pledges', j, 'terms', 'kind'], message: "a loan (a policy bank lends beside its power's loans)" });
        if (p.terms.kind === 'loan' && p.terms.graceYears >= p.terms.years) ctx.addIssue({ code: 'custom', path: ['funders', i, 'pledges', j, 'terms', 'graceYears'], message: 'fewer grace years than years' });
        if (p.purpose !== undefined && p.deal !== 'aid') ctx.addIssue({ code: 'custom', path: ['funders', i, 'pledges', j, 'purpose'], message: 'a purpose only on an aid pledge' });
        if (p.fromRound !== undefined && p.untilRound !== undefined && p.untilRound < p.fromRound)
          ctx.addIssue({ code: 'custom', path: ['funders', i, 'pledges', j, 'untilRound'], message: 'a round no earlier than fromRound' });
      });
    });
    s.landings.forEach((l, i) => {
      if (l.island !== null && !islandIds.has(l.island))
        ctx.addIssue({ code: 'custom', path: ['landings', i, 'island'], message: oneOf('an island', islandIds) });
    });
    s.cables.forEach((c, i) => {
      c.route.forEach((r, j) => {
        // The engine refuses such a route in an offer; a scenario's cable is held to the same rule.
        const k = c.route.indexOf(r);
        if (k < j) ctx.addIssue({ code: 'custom', path: ['cables', i, 'route', j], message: `a landing not already on the route (route[${k}] is "${r}" too)` });
        if (!landingIds.has(r))
          ctx.addIssue({ code: 'custom', path: ['cables', i, 'route', j], message: oneOf('a landing id', landingIds) });
      });
      if (!vendorIds.has(c.vendor))
        ctx.addIssue({ code: 'custom', path: ['cables', i, 'vendor'], message: oneOf('a vendor id', vendorIds) });
      if (c.status === 'building' && c.readyRound === undefined)
        ctx.addIssue({ code: 'custom', path: ['cables', i, 'readyRound'], message: 'the round a cable being built becomes active' });
    });
    s.islands.forEach((isl, i) => {
      if (!s.landings.some((l) => l.island === isl.id))
        ctx.addIssue({ code: 'custom', path: ['islands', i, 'id'], message: `at least one landing point on ${isl.name}` });
    });
    s.powers.forEach((p, i) => {
      for (const k of Object.keys(p.influence))
        if (!islandIds.has(k)) ctx.addIssue({ code: 'custom', path: ['powers', i, 'influence', k], message: oneOf('an island', islandIds), params: { found: JSON.stringify(k) } });
      if (!s.objectives[p.id])
        ctx.addIssue({ code: 'custom', path: ['objectives', p.id], message: `objective weights for ${p.name}` });
    });
    s.islands.forEach((isl, i) => {
      for (const k of Object.keys(isl.alignment))
        if (!powerIds.has(k)) ctx.addIssue({ code: 'custom', path: ['islands', i, 'alignment', k], message: oneOf('a power', powerIds), params: { found: JSON.stringify(k) } });
      const opposition = isl.parliament?.opposition;
      if (opposition && !powerIds.has(opposition)) ctx.addIssue({ code: 'custom', path: ['islands', i, 'parliament', 'opposition'], message: oneOf('a power', powerIds) });
    });
    s.debts.forEach((d, i) => {
      if (!islandIds.has(d.debtor)) ctx.addIssue({ code: 'custom', path: ['debts', i, 'debtor'], message: oneOf('an island', islandIds) });
      if (!powerIds.has(d.creditor)) ctx.addIssue({ code: 'custom', path: ['debts', i, 'creditor'], message: oneOf('a power', powerIds) });
      if (d.graceYears >= d.years) ctx.addIssue({ code: 'custom', path: ['debts', i, 'graceYears'], message: 'fewer grace years than years left' });
      const bank = d.lender && s.funders?.find((f) => f.id === d.lender);
      if (bank && bank.of !== d.creditor) ctx.addIssue({ code: 'custom', path: ['debts', i, 'lender'], message: `a policy bank of ${d.creditor} (${d.lender} is declared under funders without \`of: ${d.creditor}\`)` });
    });
    s.scripted.forEach((e, i) => {
      if (e.round > s.rounds) ctx.addIssue({ code: 'custom', path: ['scripted', i, 'round'], message: `a round from 1 to ${s.rounds}` });
      if (e.island && !islandIds.has(e.island))
        ctx.addIssue({ code: 'custom', path: ['scripted', i, 'island'], message: oneOf('an island', islandIds) });
      if (e.cable && !s.cables.some((c) => c.id === e.cable))
        ctx.addIssue({ code: 'custom', path: ['scripted', i, 'cable'], message: oneOf('a cable', s.cables.map((c) => c.id)) });
      if (e.initiative !== undefined && e.kind !== 'forum') ctx.addIssue({ code: 'custom', path: ['scripted', i, 'initiative'], message: 'an initiative only on a `forum` event' });
      if (e.kind === 'forum' && (e.initiative === 'policing' || e.initiative === 'conduct') && !e.power)
        ctx.addIssue({ code: 'custom', path: ['scripted', i, 'power'], message: e.initiative === 'policing' ? 'the power that backs the policing initiative' : 'the power whose conduct the statement addresses' });
      if ((e.kind === 'forum' || e.kind === 'leak') && e.power && !powerIds.has(e.power)) ctx.addIssue({ code: 'custom', path: ['scripted', i, 'power'], message: oneOf('a power', powerIds) });
    });
    s.lessons?.forEach((l, i) => {
      if (l.rounds > s.rounds) ctx.addIssue({ code: 'custom', path: ['lessons', i, 'rounds'], message: `at most the full game's ${s.rounds} rounds` });
      if (l.monthsPerRound !== undefined && l.monthsPerRound < s.monthsPerRound)
        ctx.addIssue({ code: 'custom', path: ['lessons', i, 'monthsPerRound'], message: `at least the scenario's ${s.monthsPerRound} months a round` });
      if (s.lessons?.findIndex((x) => x.id === l.id) !== i) ctx.addIssue({ code: 'custom', path: ['lessons', i, 'id'], message: 'an id no other lesson cut has' });
      for (const p of POWERS)
        if (l.objectives?.[p] && !powerIds.has(p)) ctx.addIssue({ code: 'custom', path: ['lessons', i, 'objectives', p], message: oneOf('a power', powerIds) });
    });
    s.injects?.forEach((e, i) => {
      if (!e.kind && !e.news) ctx.addIssue({ code: 'custom', path: ['injects', i, 'kind'], message: 'an event kind, a news item, or both' });
      if (e.island && !islandIds.has(e.island)) ctx.addIssue({ code: 'custom', path: ['injects', i, 'island'], message: oneOf('an island', islandIds) });
      if (e.power && !powerIds.has(e.power)) ctx.addIssue({ code: 'custom', path: ['injects', i, 'power'], message: oneOf('a power', powerIds) });
      e.to?.forEach((seat, j) => {
        if (!islandIds.has(seat) && !powerIds.has(seat)) ctx.addIssue({ code: 'custom', path: ['injects', i, 'to', j], message: oneOf('a seat', new Set([...islandIds, ...powerIds])) });
      });
      if (s.injects?.findIndex((x) => x.id === e.id) !== i) ctx.addIssue({ code: 'custom', path: ['injects', i, 'id'], message: 'an id no other inject has' });
    });
    // A tabled or standing deal names only what this scenario has: checked here, with the file's
    // line, before any rule reads through an id.
    const knownIds = (d: Deal, at: (...path: (string | number)[]) => (string | number)[]): void => {
      const known = (ids: Set<string>, value: string, what: string, ...path: (string | number)[]) => {
        if (!ids.has(value)) ctx.addIssue({ code: 'custom', path: at(...path), message: oneOf(what, ids) });
      };
      if (d.kind === 'package') {
        // A package: its islands and power here, each part as the same deal alone (its island is one of the package's).
        d.islands.forEach((isl, j) => known(islandIds, isl, 'an island', 'deal', 'islands', j));
        known(powerIds, d.power, 'a power', 'deal', 'power');
        d.parts.forEach((part, j) => knownIds({ ...part, island: [...islandIds][0] ?? '' } as Deal, (...path) => at('deal', 'parts', j, ...path.slice(1))));
        return;
      }
      if (d.kind === 'cable') d.route.forEach((l, j) => known(landingIds, l, 'a landing id', 'deal', 'route', j));
      else known(islandIds, d.island, 'an island', 'deal', 'island');
      if (d.kind === 'cable' || d.kind === 'telecom') known(vendorIds, d.vendor, 'a vendor id', 'deal', 'vendor');
      if (d.kind === 'pact' || d.kind === 'diplomatic') known(powerIds, d.power, 'a power', 'deal', 'power');
      else {
        known(powerIds, d.financing.by, 'a power', 'deal', 'financing', 'by');
        d.cofunders?.forEach((c, j) => known(funderIds, c.by, 'a power or a funder', 'deal', 'cofunders', j, 'by'));
        d.conditions?.forEach((c, j) =>
          c.kind === 'noVendor' ? known(vendorIds, c.vendor, 'a vendor id', 'deal', 'conditions', j, 'vendor') : known(powerIds, c.power, 'a power', 'deal', 'conditions', j, 'power'),
        );
      }
    };
    s.tabled?.forEach((t, i) => {
      const at = (...path: (string | number)[]) => ['tabled', i, ...path];
      if (t.round > s.rounds) ctx.addIssue({ code: 'custom', path: at('round'), message: `a round from 1 to ${s.rounds}` });
      const seats = new Set<string>([...islandIds, ...powerIds]);
      if (!seats.has(t.from)) ctx.addIssue({ code: 'custom', path: at('from'), message: oneOf('a seat', seats) });
      knownIds(t.deal, at);
    });
    (s.agreements ?? []).forEach((a, i) => {
      if (a.since > s.start) ctx.addIssue({ code: 'custom', path: ['agreements', i, 'since'], message: `a month no later than the start (${s.start})` });
      if (a.deal.kind === 'package')
        ctx.addIssue({ code: 'custom', path: ['agreements', i, 'deal', 'kind'], message: 'one deal: a package in force is written as one agreement per part and island' });
      else knownIds(a.deal, (...path) => ['agreements', i, ...path]);
    });
    if (s.map.south >= s.map.north) ctx.addIssue({ code: 'custom', path: ['map', 'north'], message: 'a latitude north of map.south' });
  });

export type Scenario = z.output<typeof scenarioSchema>;

// The engine declares what it reads from a scenario; the schema must produce exactly that.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesEngine: Same<Scenario, ScenarioData> = true;
void schemaMatchesEngine;
