import { explainScore, type EventKind, type GameView, type MoveCause, type ObjectiveMove, type RoleId } from '../engine';
import { h } from './dom';
import { agreementName } from './names';

/**
 * Why each objective of a score moved (issue 11), in words: worked out by the engine
 * (explainScore) on the viewer's own views, lazily, for the role shown, and kept per view.
 */

const FIGURES: Record<string, string> = {
  connectivity: 'connectivity',
  routes: 'backup cable routes',
  economy: 'the economy',
  coverage: 'mobile coverage',
  sovereignty: 'sovereignty',
  cyber: 'cyber resilience',
  legitimacy: 'the government’s standing',
  unrest: 'unrest',
  falls: 'a fall of the government',
  alignment: 'closeness to the powers',
  blocs: 'blocs joined or left',
  assets: 'ports and networks built or taken',
  recognises: 'which capital the islands recognise (Taipei or Beijing)',
  revenuePerRound: 'revenue',
  influence: 'influence gained and fading',
  reputation: 'reputation',
  debts: 'debts taken on or repaid',
  cables: 'cables begun, built or cut',
};

/** The figures each kind of event moves (docs/rules.md §8), so that a figure's move can name the event behind it. */
const EVENT_FIGURES: Record<EventKind, readonly string[]> = {
  eruption: ['cables', 'connectivity', 'routes', 'economy', 'unrest'],
  anchorDrag: ['cables', 'connectivity', 'routes', 'economy'],
  cyclone: ['cables', 'connectivity', 'routes', 'economy', 'coverage', 'unrest'],
  riots: ['unrest', 'legitimacy', 'economy'],
  leak: ['legitimacy', 'sovereignty', 'reputation', 'democracy'],
  ransomware: ['cyber', 'legitimacy', 'economy'],
  election: ['falls', 'legitimacy', 'alignment', 'unrest'],
  debtDistress: ['debts', 'economy', 'legitimacy'],
  summit: ['influence', 'reputation'],
  budgetCut: ['influence'],
  changeOfGovernment: ['falls', 'legitimacy', 'alignment'],
  pandemic: ['economy', 'unrest', 'legitimacy'],
  securityReview: ['influence', 'reputation', 'assets'],
  satelliteService: ['connectivity', 'routes'],
  recognitionPush: ['recognises', 'alignment', 'influence'],
  forum: ['influence', 'reputation', 'alignment'],
  bankExit: ['economy', 'legitimacy', 'unrest'],
};

/** Rounds a move spans: the round it was counted from (exclusive) to the round shown. */
export interface MoveSpan {
  from: number;
  to: number;
}

/** The events in the viewer's view, within the span, that move this figure: "(the cyclone in Tonga, round 3)". */
function eventsBehind(v: GameView, figure: string, span: MoveSpan | undefined): string {
  if (!span) return '';
  const events = v.events.filter((e) => e.round > span.from && e.round <= span.to && Object.hasOwn(EVENT_FIGURES, e.kind) && EVENT_FIGURES[e.kind].includes(figure));
  if (!events.length) return '';
  const named = events.slice(-2).map((e) => `${e.title}, round ${e.round}`);
  return ` (${named.join('; ')}${events.length > 2 ? `; and ${events.length - 2} more` : ''})`;
}

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** A cause in words, naming only what the view holds (and, for a figure, the events of the span that move it). */
export function causeText(v: GameView, c: MoveCause, span?: MoveSpan): string {
  switch (c.kind) {
    case 'agreement':
      return `${c.ended ? 'the end of ' : ''}${agreementName(v, c.id)}${c.round >= 1 ? `, round ${c.round}` : ''}`;
    case 'figure':
      return `${FIGURES[c.figure] ?? c.figure}${eventsBehind(v, c.figure, span)}`;
    case 'unseen':
      return 'an agreement you cannot see';
    case 'other':
      return 'other changes';
  }
}

/** One objective's move in words: "−12: Beijing's policing pact …, round 3 −10; connectivity −2". */
export function moveText(v: GameView, m: ObjectiveMove, span: 'round' | 'game' | 'start', rounds?: MoveSpan): string {
  const causes = m.causes.map((c) => `${causeText(v, c, rounds)} ${signed(c.points)}`).join('; ');
  if (m.move === 0 && !m.causes.length) {
    if (m.after === 50) return span === 'round' ? '50, where you started: nothing moved it this round' : '50: where you started';
    return span === 'round' ? `held at ${m.after}: nothing moved it this round` : `held at ${m.after}`;
  }
  if (m.move === 0) return `held at ${m.after}: ${causes}`;
  if (span === 'start') return `${m.after}, ${signed(m.move)} since the game began`;
  return `${signed(m.move)} (${m.before} → ${m.after}): ${causes}`;
}

const cache = new WeakMap<GameView, Map<string, ObjectiveMove[]>>();

/** explainScore, once per pair of views and role. */
export function movesOf(before: GameView | null, after: GameView, role: RoleId): ObjectiveMove[] {
  const key = `${role}|${before ? `${before.round}|${before.phase}|${before.viewer}` : '-'}`;
  let m = cache.get(after);
  if (!m) cache.set(after, (m = new Map()));
  const hit = m.get(key);
  if (hit) return hit;
  const out = explainScore(before, after, role);
  m.set(key, out);
  return out;
}

/** A list of "Objective: why it moved", for the objectives that count in the score. */
export function whyList(v: GameView, moves: ObjectiveMove[], span: 'round' | 'game' | 'start', label: (k: string) => string, counts: (k: string) => boolean, id?: string, rounds?: MoveSpan): HTMLElement {
  return h(
    'ul',
    { class: 'why', id: id ?? null },
    moves.filter((m) => counts(m.objective)).map((m) => h('li', { dataset: { objective: m.objective, move: String(m.move) } }, h('strong', null, `${label(m.objective)} `), moveText(v, m, span, rounds))),
  );
}
