import type { Action, GameState, Offer } from './types';

/** The islands as the rules may change them, each copied down to what a rule writes (its sustainable levels too: the bank's exit moves them). */
export function copyIslands(g: GameState): GameState['islands'] {
  const islands: GameState['islands'] = {};
  for (const [id, i] of Object.entries(g.islands))
    islands[id] = { ...i, alignment: { ...i.alignment }, exposure: { ...i.exposure }, assets: i.assets.map((a) => ({ ...a })), blocs: [...i.blocs], pressure: i.pressure.slice(), norm: { ...i.norm } };
  return islands;
}

/** The powers as the rules may change them. */
export function copyPowers(g: GameState): GameState['powers'] {
  const powers: GameState['powers'] = {};
  for (const [id, p] of Object.entries(g.powers) as [keyof GameState['powers'], NonNullable<GameState['powers'][keyof GameState['powers']]>][])
    powers[id] = { ...p, influence: { ...p.influence }, intrusions: p.intrusions.slice() };
  return powers;
}

/**
 * A working copy of the state for the rules to change. Parts the rules never change after they
 * are written (landings, vendors, the scenario, ledger, log and event entries, deals, past rounds'
 * offers) are shared with the original; everything a rule may change is copied. The tests run
 * every rule on deep-frozen states to hold this promise.
 */
export function cloneState(g: GameState): GameState {
  return {
    ...g,
    islands: copyIslands(g),
    powers: copyPowers(g),
    cables: g.cables.map((c) => ({ ...c })),
    offers: g.offers.map((o) => (o.round === g.round ? { ...o, to: [...o.to], acceptedBy: [...o.acceptedBy], seenBy: [...o.seenBy] } : o)),
    agreements: g.agreements.map((a) => ({ ...a, clauses: a.clauses.map((c) => ({ ...c, seenBy: c.seenBy === 'all' ? 'all' : [...c.seenBy] })) })),
    debts: g.debts.map((d) => ({ ...d })),
    ledger: g.ledger.slice(),
    orders: g.orders.slice(),
    events: g.events.slice(),
    log: g.log.slice(),
    ended: g.ended.slice(),
    history: g.history.slice(),
    counters: { ...g.counters },
    // Scripted funders' accounts change when they pay; absent unless the scenario has any.
    ...(g.funders ? { funders: Object.fromEntries(Object.entries(g.funders).map(([id, f]) => [id, f && { ...f }])) } : {}),
  };
}

/**
 * The smallest working copy an action needs: most actions touch only the offers, the sealed
 * orders or who has ended the phase, so copying the whole state for them would be waste. The
 * list of offers is copied, not the offers in it: the rules copy the one offer they change
 * (touchOffer), so an action costs the same however many offers the round has seen.
 */
export function cloneFor(g: GameState, action: Action): GameState {
  const base = { ...g, log: action.why ? g.log.slice() : g.log, counters: { ...g.counters } };
  switch (action.type) {
    case 'endPhase':
      return { ...base, ended: g.ended.slice() };
    // A Forum answer replaces the list of meetings (forum.ts), changing nothing in place.
    case 'endorse':
    case 'oppose':
      return base;
    case 'order':
      return { ...base, orders: g.orders.slice() };
    case 'offer':
    case 'counter':
    case 'accept':
    case 'withdraw':
      return { ...base, offers: g.offers.slice() };
    // A rejection may be a power refusing a landing, which touches islands, agreements and cables.
    default:
      return cloneState(g);
  }
}

/** A working copy of one offer, put in the draft's list in place of the original, for a rule to change. */
export function touchOffer(g: GameState, id: string): Offer | undefined {
  const i = g.offers.findIndex((o) => o.id === id);
  const o = g.offers[i];
  if (!o) return undefined;
  const copy: Offer = { ...o, to: [...o.to], acceptedBy: [...o.acceptedBy], seenBy: [...o.seenBy] };
  g.offers[i] = copy;
  return copy;
}
