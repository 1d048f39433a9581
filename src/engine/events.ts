import type { EventKind, GameEvent, GameState, IslandId } from './types';
import { chance, pick, pickWeighted } from './rng';
import { islandsOnRoute, refreshNetworks } from './cables';
import { runElection } from './domestic';
import { clampAlignment, clampMetric, roundsFor } from './util';
import type { Say } from './log';

/** Months a repair ship needs to reach and mend a cut (Tonga 2022: about 38 days). */
export const REPAIR_MONTHS = 2;

interface EventTarget {
  island?: IslandId | undefined;
  cable?: string | undefined;
  title?: string | undefined;
}

function record(g: GameState, kind: EventKind, title: string, target: { island: IslandId | null; cable: string | null }, scripted: boolean): GameEvent {
  const e: GameEvent = { id: `e${++g.counters.event}`, round: g.round, kind, title, island: target.island, cable: target.cable, scripted };
  g.events.push(e);
  return e;
}

function cableCut(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const candidates = g.cables
    .filter((c) => c.status === 'active' && islandsOnRoute(g, c.route).length > 0)
    .filter((c) => (t.cable ? c.id === t.cable : t.island ? islandsOnRoute(g, c.route).includes(t.island) : true));
  const cable = pick(g, candidates);
  const cause = t.title ?? pick(g, ['A volcanic eruption', 'A ship dragging its anchor', 'A cyclone']) ?? 'A fault';
  if (!cable) {
    record(g, 'cableCut', `${cause} damages no cable`, { island: t.island ?? null, cable: null }, scripted);
    say(`${cause} strikes, but no cable in service is damaged.`);
    return;
  }
  cable.status = 'cut';
  // The repair clock starts with the round: a repair of one round's length is done by its resolution.
  cable.readyRound = g.round + roundsFor(REPAIR_MONTHS, g.scenario.monthsPerRound) - 1;
  refreshNetworks(g);
  const hit = islandsOnRoute(g, cable.route);
  for (const id of hit) {
    const island = g.islands[id];
    if (island) island.economy = clampMetric(island.economy - (island.routes === 0 ? 6 : 2));
  }
  record(g, 'cableCut', `${cause} cuts ${cable.name}`, { island: hit[0] ?? null, cable: cable.id }, scripted);
  say(`${cause} cuts ${cable.name}. ${hit.map((i) => `${g.islands[i]?.name} is down to ${g.islands[i]?.connectivity} connectivity`).join('; ')}. A repair ship should have it back by the end of round ${cable.readyRound}.`);
}

function leak(g: GameState, say: Say, scripted: boolean): void {
  const hidden = g.agreements
    .filter((a) => a.status === 'active')
    .flatMap((a) => a.clauses.filter((c) => c.seenBy !== 'all').map((c) => ({ a, c })));
  const found = pick(g, hidden);
  if (!found) {
    record(g, 'leak', 'A leak reveals nothing new', { island: null, cable: null }, scripted);
    say('Documents leak to the press, but they reveal nothing that was not already known.');
    return;
  }
  const { a, c } = found;
  c.seenBy = 'all';
  g.log = g.log.map((entry) => (entry.about.includes(c.id) ? { ...entry, seenBy: 'all' } : entry));
  const island = a.deal.kind === 'pact' ? g.islands[a.deal.island] : undefined;
  const power = a.deal.kind === 'pact' ? g.powers[a.deal.power] : undefined;
  if (island && power) {
    island.legitimacy = clampMetric(island.legitimacy - 10);
    island.alignment[power.id] = clampAlignment(island.alignment[power.id] - 5);
    power.reputation = clampMetric(power.reputation - 6);
  }
  record(g, 'leak', `Leak: a secret clause of ${a.id}`, { island: island?.id ?? null, cable: null }, scripted);
  say(`A leaked document shows a secret ${c.kind} clause in the pact between ${island?.name ?? '?'} and ${power?.name ?? '?'} (${a.id}).`, 'all', [c.id]);
}

function election(g: GameState, say: Say, t: EventTarget, scripted: boolean): void {
  const id = t.island ?? pick(g, Object.keys(g.islands).sort());
  if (!id) return;
  record(g, 'election', `Election in ${g.islands[id]?.name}`, { island: id, cable: null }, scripted);
  runElection(g, id, say, true);
}

export function applyEvent(g: GameState, say: Say, kind: EventKind, t: EventTarget, scripted: boolean): void {
  switch (kind) {
    case 'cableCut':
      return cableCut(g, say, t, scripted);
    case 'leak':
      return leak(g, say, scripted);
    case 'election':
      return election(g, say, t, scripted);
  }
}

/** Scripted events for this round first, then at most one card from the weighted deck. */
export function drawEvents(g: GameState, say: Say): void {
  for (const s of g.scripted.filter((e) => e.round === g.round)) applyEvent(g, say, s.kind, s, true);
  if (chance(g, g.deck.chancePerRound)) {
    const kind = pickWeighted(g, g.deck.weights);
    if (kind) applyEvent(g, say, kind, {}, false);
  }
}
