import { z } from 'zod';
import type { Action, GameState, InjectAction, MessageAction, Refusal, RoleId } from './types';
import { EVENT_KINDS, POWERS } from './types';
import { applyEvent } from './events';
import { sayer } from './log';
import { own } from './util';

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
]);

export const injectActionSchema = z.strictObject({ type: z.literal('inject'), role: z.literal(FACILITATOR), inject: injectSchema });
export const messageActionSchema = z.strictObject({
  type: z.literal('message'),
  role: id,
  to: z.union([z.literal('all'), z.literal(FACILITATOR), seats]),
  text: z.string().min(1).max(MAX_NEWS),
});

export const isFacilitatorAction = (a: Action): a is InjectAction | MessageAction => a.type === 'inject' || a.type === 'message';

/** The one check made before the shape: an inject from anyone but the facilitator is refused as such. */
export function senderRefusal(action: unknown): Refusal | null {
  if (typeof action !== 'object' || action === null) return null;
  const a = action as { type?: unknown; role?: unknown };
  if (a.type === 'inject' && a.role !== FACILITATOR) return { code: 'notFacilitator', field: 'role', message: 'Only the facilitator can inject into the game.' };
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
export function facilitatorRefusal(g: GameState, action: InjectAction | MessageAction): Refusal | null {
  if (g.phase !== 'negotiation' && g.phase !== 'decisions') return { code: 'wrongPhase', message: `That can't be done in the ${g.phase} phase.` };
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

/** Carry out a legal facilitator action (or a seat's question). */
export function applyFacilitator(g: GameState, action: InjectAction | MessageAction): void {
  const say = sayer(g);
  if (action.type === 'message') {
    const text = action.text.trim();
    if (action.role === FACILITATOR) say(`From the facilitator: ${text}`, action.to === 'all' || action.to === FACILITATOR ? 'all' : action.to);
    else {
      const name = own(g.islands, action.role)?.name ?? own(g.powers, action.role)?.name ?? action.role;
      // Only the asking seat sees its question; the facilitator sees every log entry.
      say(`${name} asks the facilitator: ${text}`, [action.role as RoleId]);
    }
    return;
  }
  const inject = action.inject;
  if (inject.kind === 'event') fireEvent(g, inject.event, { island: inject.island, power: inject.power, title: inject.title });
  else if (inject.kind === 'news') say(`News: ${inject.text.trim()}`, inject.to);
  else {
    const found = (g.injects ?? []).find((i) => i.id === inject.id);
    if (!found) return;
    // The facilitator's own line names the inject and its source; it marks the inject as fired.
    say(`Inject "${found.title}" (${found.source}).`, [], [firedMark(found.id)]);
    if (found.kind) fireEvent(g, found.kind, { island: found.island, power: found.power, title: found.title });
    if (found.news) say(`News: ${found.news}`, found.to && found.to.length > 0 ? found.to : 'all');
  }
}
