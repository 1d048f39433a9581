import { z } from 'zod';
import type { Action, GameState, InjectAction, MessageAction, OverrideAction, Refusal, RoleId, ScheduledInject } from './types';
import { EVENT_KINDS, OVERRIDE_FIGURES, POWERS } from './types';
import { islandsOfDeal } from './deals';
import { applyClauses, weighing } from './security';
import { transfer } from './money';
import { clampMetric, own, possessive, roleNameOf } from './util';
import { applyEvent } from './events';
import { sayer } from './log';
import { allSubRolesOf } from './subroles';

/**
 * The facilitator's moves in the record: injects (an event of the deck resolved at once, a news
 * item, one of the scenario's scripted injects) and messages (the facilitator to all or chosen
 * seats, a seat's private question to the facilitator). They are engine actions like any other,
 * so a replay plays them again and the debrief reads them. Only the role "facilitator" injects;
 * the server checks who sent it, the engine that it is the facilitator's action.
 */

export const FACILITATOR = 'facilitator';
/** Longest news item or message, in characters: a paragraph read aloud. */
export const MAX_NEWS = 500;
/** Longest title given to an injected event. */
export const MAX_INJECT_TITLE = 160;

const id = z.string().min(1).max(64);
const seats = z.array(id).min(1).max(32);

export const injectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('event'), event: z.enum(EVENT_KINDS), island: id.optional(), power: z.enum(POWERS).optional(), title: z.string().min(1).max(MAX_INJECT_TITLE).optional() }),
  z.strictObject({ kind: z.literal('news'), text: z.string().min(1).max(MAX_NEWS), to: z.union([z.literal('all'), seats]) }),
  z.strictObject({ kind: z.literal('scripted'), id }),
  z.strictObject({ kind: z.literal('cancel'), id }),
]);

/** `at`: a later round at whose briefing the inject resolves, before the scenario's events (a scheduled inject). */
export const injectActionSchema = z.strictObject({ type: z.literal('inject'), role: z.literal(FACILITATOR), inject: injectSchema, at: z.number().int().min(1).max(1000).optional() });
export const messageActionSchema = z.strictObject({
  type: z.literal('message'),
  role: id,
  to: z.union([z.literal('all'), z.literal(FACILITATOR), seats]),
  text: z.string().min(1).max(MAX_NEWS),
});

/** Longest reason for an override. */
export const MAX_OVERRIDE_REASON = 200;
/** Largest treasury a facilitator may set, US$ thousands. */
export const MAX_SET_TREASURY = 10_000_000;

const reason = z.string().min(1).max(MAX_OVERRIDE_REASON);
export const overrideSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('void'), agreement: id, reason }),
  z.strictObject({ kind: z.literal('set'), target: id, figure: z.enum(OVERRIDE_FIGURES), value: z.number().int().min(0).max(MAX_SET_TREASURY), reason }),
  z.strictObject({ kind: z.literal('team'), seat: id, subRoles: z.array(id).min(1).max(8), reason }),
]);
export const overrideActionSchema = z.strictObject({ type: z.literal('override'), role: z.literal(FACILITATOR), override: overrideSchema });

type FacilitatorAction = InjectAction | MessageAction | OverrideAction;
export const isFacilitatorAction = (a: Action): a is FacilitatorAction => a.type === 'inject' || a.type === 'message' || a.type === 'override';

/** The one check made before the shape: an inject from anyone but the facilitator is refused as such. */
export function senderRefusal(action: unknown): Refusal | null {
  if (typeof action !== 'object' || action === null) return null;
  const a = action as { type?: unknown; role?: unknown };
  if (a.type === 'inject' && a.role !== FACILITATOR) return { code: 'notFacilitator', field: 'role', message: 'Only the facilitator can inject into the game.' };
  if (a.type === 'override' && a.role !== FACILITATOR) return { code: 'notFacilitator', field: 'role', message: 'Only the facilitator can override the game.' };
  return null;
}

/** The marker in the facilitator's record line of a scripted inject, so each is fired once. */
const firedMark = (injectId: string) => `inject:${injectId}`;

/** The round a scripted inject was fired in, if it has been. */
export function firedIn(g: Pick<GameState, 'log'>, injectId: string): number | null {
  const entry = g.log.find((e) => e.about.includes(firedMark(injectId)));
  return entry ? entry.round : null;
}

function seatsRefusal(g: GameState, to: readonly string[], field: string): Refusal | null {
  for (let i = 0; i < to.length; i++) {
    const seat = to[i] ?? '';
    if (!g.seats.includes(seat)) return { code: 'unknownRole', field: `${field}[${i}]`, message: `"${seat}" has no seat in this game.` };
    if (to.indexOf(seat) !== i) return { code: 'badParty', field: `${field}[${i}]`, message: 'Each seat appears once.' };
  }
  return null;
}

/** Null when the facilitator's (or a seat's message) action is legal now; the shape is already checked. */
export function facilitatorRefusal(g: GameState, action: FacilitatorAction): Refusal | null {
  if (g.phase !== 'negotiation' && g.phase !== 'decisions') return { code: 'wrongPhase', message: `That can't be done in the ${g.phase} phase.` };
  if (action.type === 'override') return overrideRefusal(g, action);
  if (action.type === 'message') {
    const text = action.text.trim();
    if (!text) return { code: 'malformed', field: 'text', message: 'Write a message.' };
    if (action.role === FACILITATOR) {
      if (action.to === FACILITATOR) return { code: 'badParty', field: 'to', message: 'Write to all seats or to chosen seats.' };
      return action.to === 'all' ? null : seatsRefusal(g, action.to, 'to');
    }
    if (!g.seats.includes(action.role)) return { code: 'unknownRole', field: 'role', message: `"${action.role}" has no seat in this game.` };
    if (action.to !== FACILITATOR) return { code: 'badParty', field: 'to', message: 'A seat writes to the facilitator; to other seats, make an offer.' };
    return null;
  }
  const inject = action.inject;
  if (inject.kind === 'cancel') {
    if (action.at !== undefined) return { code: 'malformed', field: 'at', message: 'A cancellation takes effect now.' };
    const s = (g.schedule ?? []).find((x) => x.id === inject.id);
    if (!s || s.status !== 'waiting') return { code: 'unknownTarget', field: 'inject.id', message: s ? `That inject has ${s.status === 'fired' ? 'fired' : 'been cancelled'}.` : `No inject "${inject.id.slice(0, 40)}" is scheduled.` };
    return null;
  }
  if (action.at !== undefined) {
    if (action.at <= g.round || action.at > g.scenario.rounds)
      return g.round >= g.scenario.rounds
        ? { code: 'illegalTerms', field: 'at', message: 'This is the last round: an inject can only resolve now.' }
        : { code: 'illegalTerms', field: 'at', message: `An inject can be set for round ${g.round + 1} to ${g.scenario.rounds}.` };
    if (inject.kind === 'scripted' && (g.schedule ?? []).some((x) => x.status === 'waiting' && x.inject.kind === 'scripted' && x.inject.id === inject.id))
      return { code: 'illegalTerms', field: 'inject.id', message: 'That inject is already scheduled.' };
  }
  switch (inject.kind) {
    case 'event':
      if (inject.island !== undefined && !own(g.islands, inject.island)) return { code: 'unknownTarget', field: 'inject.island', message: `There is no island "${inject.island}" in this game.` };
      if (inject.power !== undefined && !own(g.powers, inject.power)) return { code: 'unknownTarget', field: 'inject.power', message: `${inject.power} is not in this game.` };
      return null;
    case 'news':
      if (!inject.text.trim()) return { code: 'malformed', field: 'inject.text', message: 'Write the news item.' };
      return inject.to === 'all' ? null : seatsRefusal(g, inject.to, 'inject.to');
    case 'scripted': {
      const found = (g.injects ?? []).find((i) => i.id === inject.id);
      if (!found) return { code: 'unknownTarget', field: 'inject.id', message: `This scenario has no inject "${inject.id}".` };
      const round = firedIn(g, inject.id);
      if (round !== null) return { code: 'illegalTerms', field: 'inject.id', message: `That inject was fired in round ${round}.` };
      return null;
    }
  }
}

const ISLAND_FIGURES = new Set<string>(['treasury', 'economy', 'legitimacy', 'unrest', 'sovereignty', 'cyber', 'democracy']);
const POWER_FIGURES = new Set<string>(['treasury', 'reputation']);

function overrideRefusal(g: GameState, action: OverrideAction): Refusal | null {
  const o = action.override;
  if (!o.reason.trim()) return { code: 'malformed', field: 'override.reason', message: 'Give the reason the players will read.' };
  if (o.kind === 'void') {
    const a = g.agreements.find((x) => x.id === o.agreement);
    if (!a || a.status !== 'active') return { code: 'unknownTarget', field: 'override.agreement', message: `There is no agreement "${o.agreement}" in force.` };
    return null;
  }
  if (o.kind === 'team') {
    if (!g.seats.includes(o.seat)) return { code: 'unknownRole', field: 'override.seat', message: `"${o.seat.slice(0, 40)}" has no seat in this game.` };
    const all = allSubRolesOf(g, o.seat);
    for (let i = 0; i < o.subRoles.length; i++) {
      const sub = o.subRoles[i] ?? '';
      if (!all.some((s) => s.id === sub)) return { code: 'unknownTarget', field: `override.subRoles[${i}]`, message: `"${sub.slice(0, 40)}" is not one of this seat's sub-roles (${all.map((s) => s.id).join(', ')}).` };
      if (o.subRoles.indexOf(sub) !== i) return { code: 'malformed', field: `override.subRoles[${i}]`, message: 'Each sub-role appears once.' };
    }
    return null;
  }
  const island = own(g.islands, o.target);
  const power = own(g.powers, o.target);
  if (!island && !power) return { code: 'unknownRole', field: 'override.target', message: `"${o.target}" is no island or power of this game.` };
  if (island && !ISLAND_FIGURES.has(o.figure)) return { code: 'illegalTerms', field: 'override.figure', message: `An island's figure is one of: ${[...ISLAND_FIGURES].join(', ')}.` };
  if (power && !POWER_FIGURES.has(o.figure)) return { code: 'illegalTerms', field: 'override.figure', message: `A power's figure is one of: ${[...POWER_FIGURES].join(', ')}.` };
  if (o.figure !== 'treasury' && o.value > 100) return { code: 'illegalTerms', field: 'override.value', message: 'A metric is from 0 to 100.' };
  return null;
}

/**
 * A ruling. A voided deal stops binding from now: no party is blamed (no reputation or alignment
 * lost, unlike a cancellation), a pact's clauses stop acting, a cable contract not yet being built
 * is dropped; money already paid stays paid and debts stay owed, so the ledger stays balanced.
 * A treasury is set through the ledger (to or from the world), never by writing the number.
 */
function applyOverride(g: GameState, action: OverrideAction): void {
  const say = sayer(g);
  const o = action.override;
  const why = o.reason.trim();
  if (o.kind === 'void') {
    const a = g.agreements.find((x) => x.id === o.agreement);
    if (!a) return;
    a.status = 'ended';
    a.reason = `voided by the facilitator: ${why}`;
    if (a.deal.kind === 'pact') for (const id of islandsOfDeal(g, a.deal)) applyClauses(g, id, weighing(a.clauses), -1);
    if (a.deal.kind === 'cable') {
      for (const c of g.cables) if (c.agreement === a.id) c.dataAccess = false;
      g.cables = g.cables.filter((c) => !(c.agreement === a.id && c.status === 'proposed'));
    }
    say(`The facilitator voids agreement ${a.id}: ${why}`, 'all', [a.id]);
    return;
  }
  if (o.kind === 'team') {
    // Kept in the sub-roles' own order, so a replay and a view read the same team.
    const kept = allSubRolesOf(g, o.seat).filter((s) => o.subRoles.includes(s.id));
    g.teams = { ...g.teams, [o.seat]: kept.map((s) => s.id) };
    const name = roleNameOf(g, o.seat);
    say(`The facilitator sets ${possessive(name)} team: ${kept.map((s) => s.title).join(', ')}: ${why}`, [o.seat]);
    return;
  }
  const island = own(g.islands, o.target);
  const power = own(g.powers, o.target);
  const name = island?.name ?? power?.name ?? o.target;
  let was = 0;
  if (o.figure === 'treasury') {
    was = island?.treasury ?? power?.treasury ?? 0;
    if (o.value > was) transfer(g, 'world', o.target, o.value - was, 'override', null, [o.target]);
    else if (o.value < was) transfer(g, o.target, 'world', was - o.value, 'override', null, [o.target]);
  } else if (island && o.figure !== 'reputation') {
    was = island[o.figure];
    island[o.figure] = clampMetric(o.value);
  } else if (power && o.figure === 'reputation') {
    was = power.reputation;
    power.reputation = clampMetric(o.value);
  }
  say(`The facilitator sets ${possessive(name)} ${o.figure} to ${o.value} (was ${was}): ${why}`, [o.target]);
}

/** Mark the events an inject made, so the debrief and the map can tell them from the deck's. */
function markInjected(g: GameState, from: number): void {
  for (let i = from; i < g.events.length; i++) {
    const e = g.events[i];
    if (e) g.events[i] = { ...e, injected: true };
  }
}

function fireEvent(g: GameState, kind: NonNullable<Extract<InjectAction['inject'], { kind: 'event' }>['event']>, target: { island?: string | undefined; power?: (typeof POWERS)[number] | undefined; title?: string | undefined }): void {
  const from = g.events.length;
  // Resolved as a scripted event is: it happens, whatever the deck's odds.
  applyEvent(g, sayer(g), kind, target, true);
  markInjected(g, from);
}

/** How the facilitator's schedule names an inject. */
export function injectText(g: Pick<GameState, 'injects' | 'islands' | 'powers'>, inject: ScheduledInject['inject']): string {
  if (inject.kind === 'news') return `news: "${inject.text.trim().slice(0, 80)}"`;
  if (inject.kind === 'scripted') return `the scenario's inject "${(g.injects ?? []).find((i) => i.id === inject.id)?.title ?? inject.id}"`;
  const where = inject.island ? ` on ${own(g.islands, inject.island)?.name ?? inject.island}` : inject.power ? ` on ${own(g.powers, inject.power)?.name ?? inject.power}` : '';
  return `${inject.title ?? `an event (${inject.event})`}${where}`;
}

/** An inject resolving now: at once when made, or at the briefing of the round it was scheduled for. */
function fireInject(g: GameState, inject: ScheduledInject['inject']): void {
  const say = sayer(g);
  if (inject.kind === 'event') fireEvent(g, inject.event, { island: inject.island, power: inject.power, title: inject.title });
  else if (inject.kind === 'news') say(`News: ${inject.text.trim()}`, inject.to);
  else {
    const found = (g.injects ?? []).find((i) => i.id === inject.id);
    if (!found) return;
    const round = firedIn(g, inject.id);
    // Fired by hand since it was scheduled: not twice.
    if (round !== null) return say(`Scheduled inject "${found.title}" not fired again: it was fired in round ${round}.`, []);
    // The facilitator's own line names the inject and its source; it marks the inject as fired.
    say(`Inject "${found.title}" (${found.source}).`, [], [firedMark(found.id)]);
    if (found.kind) fireEvent(g, found.kind, { island: found.island, power: found.power, title: found.title });
    if (found.news) say(`News: ${found.news}`, found.to && found.to.length > 0 ? found.to : 'all');
  }
}

/** At a round's briefing, before the scenario's events: the injects scheduled for this round, in the order they were set. */
export function fireScheduled(g: GameState): void {
  for (const s of g.schedule ?? []) {
    if (s.status !== 'waiting' || s.round !== g.round) continue;
    // A state is never changed once made (view.ts; online patches rely on it): the entry is replaced, not changed.
    g.schedule = (g.schedule ?? []).map((x) => (x === s ? { ...x, status: 'fired' as const } : x));
    sayer(g)(`Scheduled inject ${s.id} fires: ${injectText(g, s.inject)}.`, [], [s.id]);
    fireInject(g, s.inject);
  }
}

/** Carry out a legal facilitator action (or a seat's question). */
export function applyFacilitator(g: GameState, action: FacilitatorAction): void {
  if (action.type === 'override') return applyOverride(g, action);
  const say = sayer(g);
  if (action.type === 'message') {
    const text = action.text.trim();
    if (action.role === FACILITATOR) say(`From the facilitator: ${text}`, action.to === 'all' || action.to === FACILITATOR ? 'all' : action.to);
    else {
      const name = roleNameOf(g, action.role);
      // Only the asking seat sees its question; the facilitator sees every log entry.
      say(`${name} asks the facilitator: ${text}`, [action.role as RoleId]);
    }
    return;
  }
  const inject = action.inject;
  if (inject.kind === 'cancel') {
    const s = (g.schedule ?? []).find((x) => x.id === inject.id);
    if (!s) return;
    g.schedule = (g.schedule ?? []).map((x) => (x === s ? { ...x, status: 'cancelled' as const } : x));
    // The schedule is the facilitator's: the seats never learn what was planned.
    say(`Scheduled inject ${s.id} cancelled: ${injectText(g, s.inject)}.`, [], [s.id]);
    return;
  }
  if (action.at !== undefined) {
    const schedule = g.schedule ?? [];
    const entry: ScheduledInject = { id: `at${schedule.length + 1}`, round: action.at, inject: structuredClone(inject), status: 'waiting', madeIn: g.round };
    g.schedule = [...schedule, entry];
    say(`Inject ${entry.id} set for the start of round ${action.at}: ${injectText(g, inject)}.`, [], [entry.id]);
    return;
  }
  fireInject(g, inject);
}
