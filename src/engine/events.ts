import { applyClauses, LEAK_EFFECTS } from './security';
import { raiseInfluence } from './influence';
import type { Cable, EventKind, GameEvent, GameState, InitiativeKind, IslandId, PowerId } from './types';
import { POWERS } from './types';
import { chance, pick, pickWeighted, roll } from './rng';
import { islandsOnRoute, refreshNetworks } from './cables';
import { BANK_EXIT, loseBank, newGovernment, runElection } from './domestic';
import { debtByCreditor, totalDebt } from './aid';
import { transfer } from './money';
import { CLAUSE_NAMES, clamp, clampAlignment, clampMetric, formatMoney, isDraftLeak, possessive, roundsFor, own } from './util';
import type { Say } from './log';
import { convene } from './forum';
import { switchRecognition } from './diplomacy';

/** Months until a repair ship has a cut cable back (Tonga 2022: about 38 days). */
export const REPAIR_MONTHS: Record<'eruption' | 'anchorDrag' | 'cyclone', number> = { eruption: 2, anchorDrag: 1, cyclone: 1 };

export interface EventTarget {
  island?: IslandId | undefined;
  cable?: string | undefined;
  power?: PowerId | undefined;
  title?: string | undefined;
  initiative?: InitiativeKind | undefined;
}

function record(g: GameState, kind: EventKind, title: string, target: { island?: IslandId | null; cable?: string | null; power?: PowerId | null }, scripted: boolean): GameEvent {
  const e: GameEvent = { id: `e${++g.counters.event}`, round: g.round, kind, title, island: target.island ?? null, cable: target.cable ?? null, power: target.power ?? null, scripted };
  g.events.push(e);
  return e;
}

const islandIds = (g: GameState): IslandId[] => Object.keys(g.islands).sort();
const powerIds = (g: GameState): PowerId[] => POWERS.filter((p) => own(g.powers, p));
const nameOf = (g: GameState, id: IslandId | null | undefined): string => (id ? (own(g.islands, id)?.name ?? id) : 'the region');
const liveCablesOn = (g: GameState, island: IslandId) => g.cables.filter((c) => c.status === 'active' && islandsOnRoute(g, c.route).includes(island));

/** Take a cable out of service until a repair ship has mended it; the islands it served lose business. */
export function cutCable(g: GameState, cable: Cable, months: number): void {
  cable.status = 'cut';
  // One repair ship serves the region: cuts queue for it. Its clock starts with the round, so a
  // repair of one round's length is done by that round's resolution.
  const start = Math.max(g.round, g.repairShipFree);
  cable.readyRound = start + roundsFor(months, g.scenario.monthsPerRound) - 1;
  g.repairShipFree = cable.readyRound + 1;
  refreshNetworks(g);
  for (const id of islandsOnRoute(g, cable.route)) {
    const island = own(g.islands, id);
    // An island with a second route keeps most of its business going.
    if (island) island.economy = clampMetric(island.economy - (island.routes === 0 ? 6 : 2));
  }
}

const cutReport = (g: GameState, cables: Cable[]): string => {
  const hit = [...new Set(cables.flatMap((c) => islandsOnRoute(g, c.route)))].sort();
  const back = Math.max(...cables.map((c) => c.readyRound ?? g.round));
  return `${hit.map((i) => `${own(g.islands, i)?.name} is down to ${own(g.islands, i)?.connectivity} connectivity`).join('; ')}. A repair ship should have ${cables.length > 1 ? 'them' : 'it'} back by the end of round ${back}.`;
};

function eruption(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const withCables = islandIds(g).filter((i) => liveCablesOn(g, i).length > 0);
  const id = t.island ?? pick(g, withCables.length ? withCables : islandIds(g));
  if (!id) return;
  const island = own(g.islands, id);
  if (!island) return;
  const cables = liveCablesOn(g, id);
  for (const c of cables) cutCable(g, c, REPAIR_MONTHS.eruption);
  island.economy = clampMetric(island.economy - 8);
  island.legitimacy = clampMetric(island.legitimacy - 2);
  const title = t.title ?? `A volcanic eruption and tsunami strike ${island.name}`;
  record(g, 'eruption', title, { island: id, cable: cables[0]?.id ?? null }, scripted);
  say(cables.length ? `${title}, cutting ${cables.map((c) => c.name).join(' and ')}. ${cutReport(g, cables)}` : `${title}; no cable is damaged, but the economy suffers.`);
}

function anchorDrag(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const candidates = g.cables
    .filter((c) => c.status === 'active' && islandsOnRoute(g, c.route).length > 0)
    .filter((c) => (t.cable ? c.id === t.cable : t.island ? islandsOnRoute(g, c.route).includes(t.island) : true));
  const cable = pick(g, candidates);
  const title = t.title ?? 'A ship drags its anchor across a cable';
  if (!cable) {
    record(g, 'anchorDrag', title, { island: t.island ?? null }, scripted);
    say(`${title}, but no cable in service is damaged.`);
    return;
  }
  cutCable(g, cable, REPAIR_MONTHS.anchorDrag);
  record(g, 'anchorDrag', `${title}: ${cable.name} cut`, { island: islandsOnRoute(g, cable.route)[0] ?? null, cable: cable.id }, scripted);
  say(`${title}: ${cable.name} is cut. ${cutReport(g, [cable])}`);
}

function cyclone(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const id = t.island ?? pick(g, islandIds(g));
  const island = id ? own(g.islands, id) : undefined;
  if (!id || !island) return;
  island.economy = clampMetric(island.economy - 6);
  island.legitimacy = clampMetric(island.legitimacy - 3);
  const cables = liveCablesOn(g, id);
  const cable = roll(g) < 0.5 ? pick(g, cables) : undefined;
  if (cable) cutCable(g, cable, REPAIR_MONTHS.cyclone);
  const title = t.title ?? `A cyclone hits ${island.name}`;
  record(g, 'cyclone', title, { island: id, cable: cable?.id ?? null }, scripted);
  say(`${title}: homes and roads are damaged${cable ? `, and ${cable.name} is cut. ${cutReport(g, [cable])}` : '; the cables hold.'}`);
}

function riots(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const id = t.island ?? pick(g, islandIds(g));
  const island = id ? own(g.islands, id) : undefined;
  if (!id || !island) return;
  island.legitimacy = clampMetric(island.legitimacy + RIOT_EFFECTS.legitimacy);
  island.democracy = clampMetric(island.democracy - 2);
  island.economy = clampMetric(island.economy - 3);
  // Riots feed on themselves: unrest rises. What calms it is a deployment under a pact, concessions
  // (budget support, relief), a crackdown, or time: riots do not recur on an island for two rounds.
  island.unrest = clampMetric(island.unrest + RIOT_EFFECTS.unrest);
  const title = t.title ?? `Riots in ${island.capital.name}`;
  record(g, 'riots', title, { island: id }, scripted);
  say(`${title}: the government's hold is shaken.`);
  // A pact with an unrest clause brings the partner's police in (Honiara 2021).
  for (const a of g.agreements) {
    if (a.status !== 'active' || a.deal.kind !== 'pact' || a.deal.island !== id || !a.clauses.some((c) => c.kind === 'unrestDeployment')) continue;
    const power = own(g.powers, a.deal.power);
    if (!power) continue;
    // A deployment shows the clause it rests on: a secret one is secret no longer.
    for (const c of a.clauses)
      if (c.kind === 'unrestDeployment' && c.seenBy !== 'all') {
        c.seenBy = 'all';
        applyClauses(g, id, [c.kind], 1);
        g.log = g.log.map((entry) => (entry.about.includes(c.id) ? { ...entry, seenBy: 'all' } : entry));
      }
    island.legitimacy = clampMetric(island.legitimacy + 6);
    island.sovereignty = clampMetric(island.sovereignty - 4);
    island.unrest = clampMetric(island.unrest + RIOT_EFFECTS.deployment);
    raiseInfluence(g, power.id, id, 8);
    say(`${power.name} deploys police to ${island.name} under its ${a.deal.pact} pact.`);
  }
}

function ransomware(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const id = t.island ?? pick(g, islandIds(g));
  const island = id ? own(g.islands, id) : undefined;
  if (!id || !island) return;
  const partner = g.agreements.find((a) => a.status === 'active' && a.deal.kind === 'pact' && a.deal.pact === 'cyber' && a.deal.island === id);
  const partnerPower = partner?.deal.kind === 'pact' ? own(g.powers, partner.deal.power) : undefined;
  // Damage falls with cyber resilience; a CERT partner halves it.
  const damage = Math.ceil(((100 - island.cyber) / 10) * (partnerPower ? 0.5 : 1));
  island.economy = clampMetric(island.economy - Math.ceil(damage / 2));
  island.legitimacy = clampMetric(island.legitimacy - damage);
  island.cyber = clampMetric(island.cyber + 5);
  if (partnerPower) raiseInfluence(g, partnerPower.id, id, 6);
  const title = t.title ?? `Ransomware hits ${possessive(island.name)} government network`;
  record(g, 'ransomware', title, { island: id, power: partnerPower?.id ?? null }, scripted);
  say(`${title}: services are down (legitimacy −${damage}).${partnerPower ? ` ${partnerPower.name}, its cyber partner, helps restore them.` : ''}`);
}

function debtDistress(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const burden = (i: IslandId) => totalDebt(g, i) / Math.max(1, own(g.islands, i)?.revenuePerRound ?? 1);
  const indebted = islandIds(g).filter((i) => totalDebt(g, i) > 0).sort((a, b) => burden(b) - burden(a) || a.localeCompare(b));
  const id = t.island ?? indebted[0];
  const island = id ? own(g.islands, id) : undefined;
  if (!id || !island) {
    record(g, 'debtDistress', t.title ?? 'Debt worries pass the islands by', {}, scripted);
    say('Markets fret about Pacific debt, but no island here owes enough to be in distress.');
    return;
  }
  island.legitimacy = clampMetric(island.legitimacy - 6);
  island.economy = clampMetric(island.economy - 4);
  const creditors = Object.keys(debtByCreditor(g, id)) as PowerId[];
  for (const c of creditors) {
    const p = own(g.powers, c);
    if (p) raiseInfluence(g, p.id, id, 4);
  }
  const title = t.title ?? `${island.name} in debt distress`;
  record(g, 'debtDistress', title, { island: id }, scripted);
  say(`${title}: ${formatMoney(totalDebt(g, id))} owed${creditors.length ? ` to ${creditors.map((c) => own(g.powers, c)?.name ?? own(g.funders ?? {}, c)?.name ?? c).join(' and ')}, who gain leverage` : ''}.`);
}

function summit(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const id = t.power ?? pick(g, powerIds(g));
  const power = id ? own(g.powers, id) : undefined;
  if (!id || !power) return;
  transfer(g, 'world', id, power.budgetPerRound, 'budget', null);
  power.reputation = clampMetric(power.reputation + 3);
  for (const i of islandIds(g)) {
    const island = own(g.islands, i);
    if (island) island.alignment[id] = clampAlignment(island.alignment[id] + 3);
  }
  const title = t.title ?? `${power.name} hosts a summit with Pacific leaders`;
  record(g, 'summit', title, { power: id }, scripted);
  // The title stands as the author wrote it; what the summit brings is a sentence of its own.
  say(`${title}. ${power.name} brings a new package: ${formatMoney(power.budgetPerRound)} more to spend this round.`);
}

function budgetCut(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const id = t.power ?? pick(g, powerIds(g));
  const power = id ? own(g.powers, id) : undefined;
  if (!id || !power) return;
  const cut = Math.min(power.treasury, Math.floor(power.budgetPerRound / 2));
  transfer(g, id, 'world', cut, 'budgetCut', null);
  const title = t.title ?? `${possessive(power.name)} aid budget is cut`;
  record(g, 'budgetCut', title, { power: id }, scripted);
  say(`${title}: ${formatMoney(cut)} less to spend.`);
}

function changeOfGovernment(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const id = t.island ?? pick(g, islandIds(g));
  if (!id || !own(g.islands, id)) return;
  const title = t.title ?? `No-confidence vote in ${nameOf(g, id)}`;
  record(g, 'changeOfGovernment', title, { island: id, power: t.power ?? null }, scripted);
  newGovernment(g, id, say, `${title}: the government falls.`, t.power);
}

function pandemic(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  for (const id of islandIds(g)) {
    const island = own(g.islands, id);
    if (!island) continue;
    // With borders closed, islands that are online keep more of their economy running.
    island.economy = clampMetric(island.economy - (island.routes > 0 ? 3 : 7));
    island.legitimacy = clampMetric(island.legitimacy - 2);
  }
  const title = t.title ?? 'A pandemic closes borders across the Pacific';
  record(g, 'pandemic', title, {}, scripted);
  say(`${title}: tourism and trade stop; islands with a cable keep more business online.`);
}

function securityReview(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const exposed = islandIds(g).filter((i) => (own(g.islands, i)?.exposure.beijing ?? 0) > 0);
  const id = t.island ?? pick(g, exposed);
  const island = id ? own(g.islands, id) : undefined;
  const beijing = g.powers.beijing;
  const title = t.title ?? `A security review of ${possessive(nameOf(g, id))} network`;
  if (!id || !island || !exposed.includes(id) || !beijing) {
    record(g, 'securityReview', title, { island: id ?? null }, scripted);
    say(`${title} finds no equipment of concern.`);
    return;
  }
  beijing.reputation = clampMetric(beijing.reputation - 4);
  island.alignment.beijing = clampAlignment(island.alignment.beijing - 5);
  island.legitimacy = clampMetric(island.legitimacy - 2);
  for (const p of powerIds(g)) {
    const power = own(g.powers, p);
    if (power && p !== 'beijing') raiseInfluence(g, power.id, id, 3);
  }
  record(g, 'securityReview', title, { island: id, power: 'beijing' }, scripted);
  say(`${title} finds PRC-made equipment insecure (as PNG's data centre review did in 2019).`);
}

function satelliteService(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const targets = t.island ? [t.island] : islandIds(g);
  for (const id of targets) {
    const island = own(g.islands, id);
    if (island) island.satellite = Math.min(40, island.satellite + 10);
  }
  refreshNetworks(g);
  const title = t.title ?? `New satellite service reaches ${t.island ? nameOf(g, t.island) : 'the islands'}`;
  record(g, 'satelliteService', title, { island: t.island ?? null }, scripted);
  say(`${title}: a slow but independent link (satellite connectivity +10).`);
}

function recognitionPush(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const roc = islandIds(g).filter((i) => own(g.islands, i)?.recognises === 'ROC');
  const id = t.island ?? pick(g, roc);
  const island = id ? own(g.islands, id) : undefined;
  const title = t.title ?? `Beijing presses ${nameOf(g, id)} to switch recognition`;
  if (!id || !island || island.recognises !== 'ROC') {
    record(g, 'recognitionPush', title, { island: id ?? null, power: 'beijing' }, scripted);
    say(`${title}, but every island here already recognises Beijing.`);
    return;
  }
  const switchChance = scripted ? 100 : clamp(30 + Math.floor(island.alignment.beijing / 2), 5, 90);
  if (roll(g) * 100 < switchChance) {
    const consequence = switchRecognition(g, id);
    record(g, 'recognitionPush', title, { island: id, power: 'beijing' }, scripted);
    say(`${title}: ${island.name} switches recognition from Taipei to Beijing. ${consequence}`);
  } else {
    island.alignment.beijing = clampAlignment(island.alignment.beijing + 5);
    record(g, 'recognitionPush', title, { island: id, power: 'beijing' }, scripted);
    say(`${title}; ${island.name} keeps its ties with Taipei for now.`);
  }
}

function leak(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const hidden = g.agreements
    .filter((a) => a.status === 'active' && (!t.island || a.parties.includes(t.island)) && (!t.power || (a.deal.kind === 'pact' && a.deal.power === t.power)))
    .flatMap((a) => a.clauses.filter((c) => c.seenBy !== 'all').map((c) => ({ a, c })));
  const found = pick(g, hidden);
  if (!found) {
    record(g, 'leak', t.title ?? 'A leak reveals nothing new', { island: t.island ?? null }, scripted);
    say(`${t.title ? `${t.title}: the documents` : 'Documents leak to the press, but they'} reveal nothing that was not already known.`);
    return;
  }
  const { a, c } = found;
  c.seenBy = 'all';
  if (a.deal.kind === 'pact') applyClauses(g, a.deal.island, [c.kind], 1, true);
  g.log = g.log.map((entry) => (entry.about.includes(c.id) ? { ...entry, seenBy: 'all' } : entry));
  const island = a.deal.kind === 'pact' ? own(g.islands, a.deal.island) : undefined;
  const power = a.deal.kind === 'pact' ? own(g.powers, a.deal.power) : undefined;
  if (island && power) {
    island.legitimacy = clampMetric(island.legitimacy + LEAK_EFFECTS.legitimacy);
    island.alignment[power.id] = clampAlignment(island.alignment[power.id] + LEAK_EFFECTS.alignment);
    power.reputation = clampMetric(power.reputation + LEAK_EFFECTS.reputation);
  }
  record(g, 'leak', t.title ?? `Leak: a secret clause of ${a.id}`, { island: island?.id ?? null, power: power?.id ?? null }, scripted);
  say(`A leaked document shows a secret ${CLAUSE_NAMES[c.kind]} clause in the pact between ${island?.name ?? '?'} and ${power?.name ?? '?'} (${a.id}).`, 'all', [c.id]);
}

function election(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const id = t.island ?? pick(g, islandIds(g));
  if (!id) return;
  record(g, 'election', t.title ?? `Snap election in ${nameOf(g, id)}`, { island: id, power: t.power ?? null }, scripted);
  runElection(g, id, say, true, t.power);
}

/** A Pacific Islands Forum meeting in this round's negotiation (forum.ts); drawn from the deck, it speaks on sovereignty. */
function forum(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const initiative = t.initiative ?? 'sovereignty';
  const power = initiative === 'sovereignty' ? null : t.power && own(g.powers, t.power) ? t.power : null;
  const m = convene(g, { round: g.round, title: t.title, initiative: power || initiative === 'sovereignty' ? initiative : 'sovereignty', power, calledBy: null }, say);
  record(g, 'forum', m.title, { power }, scripted);
}

/** An island's last commercial bank gives notice to leave (Nauru, late 2023): domestic.ts loseBank. */
function bankExit(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const served = islandIds(g).filter((i) => !own(g.islands, i)?.bankLeaving);
  const id = t.island ?? pick(g, served);
  const island = id ? own(g.islands, id) : undefined;
  const title = t.title ?? `The last commercial bank in ${nameOf(g, id)} says it will leave`;
  record(g, 'bankExit', title, { island: id ?? null }, scripted);
  if (!island || island.bankLeaving) {
    say(`${title}; ${island ? `${island.name} is already losing its bank` : 'no island is left to lose one'}.`);
    return;
  }
  loseBank(island);
  say(`${title}. ${island.name}'s economy falls by ${BANK_EXIT.economy} until another bank takes over (aid for banking services), and its government loses ${BANK_EXIT.legitimacy} legitimacy.`);
}

const HANDLERS: Record<EventKind, (g: GameState, say: Say, t: EventTarget, scripted: boolean) => void> = {
  eruption,
  anchorDrag,
  cyclone,
  riots,
  leak,
  ransomware,
  election,
  debtDistress,
  summit,
  budgetCut,
  changeOfGovernment,
  pandemic,
  securityReview,
  satelliteService,
  recognitionPush,
  forum,
  bankExit,
};

export function applyEvent(g: GameState, say: Say, kind: EventKind, t: EventTarget, scripted: boolean): void {
  HANDLERS[kind](g, say, t, scripted);
}

/** Unrest above this level can boil over into riots at any briefing. */
export const RIOT_THRESHOLD = 50;

/** What riots do (Honiara, November 2021), and what a partner's deployment under a pact takes back. */
export const RIOT_EFFECTS = { legitimacy: -10, unrest: 10, deployment: -6 } as const;

/** Rounds after a riot in which the same island does not riot again at random: anger spent, people counted. */
export const RIOT_COOLDOWN_ROUNDS = 2;

/** Scripted events for this round first, then riots where unrest boils over, then at most one card from the weighted deck. */
export function drawEvents(g: GameState, say: Say): void {
  for (const s of g.scripted.filter((e) => e.round === g.round && !isDraftLeak(e))) applyEvent(g, say, s.kind, s, true);
  for (const id of islandIds(g)) {
    const unrest = own(g.islands, id)?.unrest ?? 0;
    const recent = g.events.some((e) => e.kind === 'riots' && e.island === id && e.round < g.round && e.round >= g.round - RIOT_COOLDOWN_ROUNDS);
    if (unrest > RIOT_THRESHOLD && !recent && chance(g, unrest - RIOT_THRESHOLD)) applyEvent(g, say, 'riots', { island: id }, false);
  }
  if (chance(g, g.deck.chancePerRound)) {
    const kind = pickWeighted(g, g.deck.weights);
    if (kind) applyEvent(g, say, kind, {}, false);
  }
}
