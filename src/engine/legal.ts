import type { ActionType, DealKind, OrderKind, PowerId, RoleId, VendorKind } from './types';
import { AID_PURPOSES, CLAUSE_KINDS, COLLATERALS, DIPLOMATIC_ACTS, INITIATIVES, PACT_TYPES, POWERS, TELECOM_PROJECTS } from './types';
import type { GameView } from './view';
import { LOAN_LIMITS } from './aid';
import { MAX_AID, MAX_BUILD_MONTHS, MAX_ISLAND_SHARE_PCT } from './deals';
import { MAX_COUNTERS, ROUND_LIMITS, usedThisRound } from './validate';
import { ISLAND_ORDERS, MAX_ORDERS_PER_ROUND, MIN_COST, POWER_ORDERS } from './orders';
import { canSee, own } from './util';
import { hasAnswered } from './packages';

/** The values a parameter of an action may take. */
export type Domain =
  | { kind: 'oneOf'; values: string[] }
  | { kind: 'someOf'; values: string[]; min: number; max: number; ordered: boolean }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'bool' }
  | { kind: 'text'; maxLength: number };

/**
 * One kind of action a role can take now, with the domain of each parameter (keyed by its path
 * in the action, such as "deal.financing.ratePct"). The interface builds forms from these and
 * bots fill them in; validate() still has the last word (for example on a route's islands).
 */
export interface ActionTemplate {
  type: ActionType;
  dealKind?: DealKind;
  orderKind?: OrderKind;
  /** For answers: the offer being answered. */
  offer?: string;
  /** For a cancellation or a renegotiation: the agreement concerned. */
  agreement?: string;
  /** For a renegotiation: the agreement the new offer would replace. */
  amends?: string;
  /** For an answer to the Forum: the meeting whose initiative is answered. */
  initiative?: string;
  params: Record<string, Domain>;
}

const financingParams = (payers: PowerId[]): Record<string, Domain> => ({
  'deal.financing.by': { kind: 'oneOf', values: payers },
  'deal.financing.kind': { kind: 'oneOf', values: ['grant', 'loan'] },
  'deal.financing.ratePct': { kind: 'int', ...LOAN_LIMITS.ratePct },
  'deal.financing.years': { kind: 'int', ...LOAN_LIMITS.years },
  'deal.financing.graceYears': { kind: 'int', ...LOAN_LIMITS.graceYears },
  'deal.financing.collateral': { kind: 'oneOf', values: [...COLLATERALS] },
});

export function legalActions(v: GameView, role: RoleId): ActionTemplate[] {
  if (v.phase === 'over' || !v.seats.includes(role) || v.ended.includes(role)) return [];
  if (v.phase !== 'negotiation' && v.phase !== 'decisions') return [];
  const out: ActionTemplate[] = [];
  const islands = Object.keys(v.islands).sort();
  const powers = POWERS.filter((p) => own(v.powers, p));
  const isPower = (POWERS as readonly string[]).includes(role);
  const others = v.seats.filter((s) => s !== role);

  if (v.phase === 'negotiation') {
    const payers = isPower ? [role as PowerId] : powers;
    // Beijing gives no aid to, and makes no pact with, a government that recognises Taipei (deals.ts).
    const taipeiAlly = (i: string) => own(v.islands, i)?.recognises === 'ROC';
    const aidable = role === 'beijing' ? islands.filter((i) => !taipeiAlly(i)) : islands;
    const partners = isPower ? powers : powers.filter((p) => p !== 'beijing' || !taipeiAlly(role));
    // Only vendors of the kind a deal needs: cable makers for cables, network vendors (and carriers, for a purchase) for the rest.
    const vendorsOf = (...kinds: VendorKind[]) => Object.values(v.vendors).filter((x) => kinds.includes(x.kind));
    const cableMakers = vendorsOf('cable');
    const minBuild = cableMakers.length ? Math.min(...cableMakers.map((x) => x.minBuildMonths)) : 1;
    out.push({
      type: 'offer',
      dealKind: 'cable',
      params: {
        to: { kind: 'someOf', values: others, min: 1, max: others.length, ordered: false },
        'deal.route': { kind: 'someOf', values: Object.keys(v.landings).sort(), min: 2, max: Object.keys(v.landings).length, ordered: true },
        'deal.vendor': { kind: 'oneOf', values: cableMakers.map((x) => x.id).sort() },
        ...financingParams(payers),
        'deal.buildMonths': { kind: 'int', min: minBuild, max: MAX_BUILD_MONTHS },
        'deal.stationOperator': { kind: 'oneOf', values: ['island', 'vendor'] },
        'deal.dataAccess': { kind: 'bool' },
        'deal.exclusivity': { kind: 'bool' },
        'deal.islandSharePct': { kind: 'int', min: 0, max: MAX_ISLAND_SHARE_PCT },
      },
    });
    // An island asks for aid up to what the richest power could pay; validate() checks the one it asks.
    const maxAid = Math.min(MAX_AID, isPower ? (own(v.powers, role as PowerId)?.treasury ?? 0) : Math.max(0, ...powers.map((p) => own(v.powers, p)?.treasury ?? 0)));
    // The islands this role may aid or make a pact with; banking services are for an island losing
    // its last bank only (validate() checks which).
    const aided = isPower ? aidable : [role];
    const purposes = aided.some((i) => own(v.islands, i)?.bankLeaving) ? [...AID_PURPOSES] : AID_PURPOSES.filter((p) => p !== 'banking');
    // Aid and pacts go to the same addressees, for the same islands.
    const aidedParams = {
      to: { kind: 'someOf', values: isPower ? aided : partners, min: 1, max: 1, ordered: false },
      'deal.island': { kind: 'oneOf', values: aided },
    } as const;
    if (maxAid >= 1 && partners.length)
      out.push({
        type: 'offer',
        dealKind: 'aid',
        params: {
          ...aidedParams,
          'deal.amount': { kind: 'int', min: 1, max: maxAid },
          'deal.purpose': { kind: 'oneOf', values: purposes },
          ...financingParams(isPower ? payers : partners),
        },
      });
    if (maxAid >= 1)
      out.push({
        type: 'offer',
        dealKind: 'telecom',
        params: {
          to: { kind: 'someOf', values: isPower ? islands : powers, min: 1, max: 1, ordered: false },
          'deal.island': { kind: 'oneOf', values: isPower ? islands : [role] },
          'deal.project': { kind: 'oneOf', values: [...TELECOM_PROJECTS] },
          'deal.vendor': { kind: 'oneOf', values: vendorsOf('network', 'carrier').map((x) => x.id).sort() },
          'deal.amount': { kind: 'int', min: 1, max: maxAid },
          ...financingParams(payers),
        },
      });
    if (aided.length && partners.length)
      out.push({
        type: 'offer',
        dealKind: 'pact',
        params: {
          ...aidedParams,
          'deal.power': { kind: 'oneOf', values: isPower ? [role] : partners },
          // Washington offers shiprider and coast-guard agreements (naval), not policing.
          'deal.pact': { kind: 'oneOf', values: role === 'washington' ? PACT_TYPES.filter((p) => p !== 'policing') : [...PACT_TYPES] },
          'deal.clauses': { kind: 'someOf', values: [...CLAUSE_KINDS], min: 0, max: CLAUSE_KINDS.length, ordered: false },
          'deal.clauses[].secret': { kind: 'bool' },
        },
      });
    out.push({
      type: 'offer',
      dealKind: 'diplomatic',
      params: {
        to: { kind: 'someOf', values: isPower ? islands : powers, min: 1, max: 1, ordered: false },
        'deal.island': { kind: 'oneOf', values: isPower ? islands : [role] },
        'deal.power': { kind: 'oneOf', values: isPower ? [role] : powers },
        'deal.act': { kind: 'oneOf', values: [...DIPLOMATIC_ACTS] },
      },
    });
    for (const a of v.agreements) {
      if (a.status !== 'active' || !a.parties.includes(role)) continue;
      out.push({ type: 'cancel', agreement: a.id, params: { reason: { kind: 'text', maxLength: 200 } } });
      if (a.deal.kind === 'pact' || (a.deal.kind === 'aid' && a.deal.financing.kind === 'loan'))
        out.push({ type: 'offer', dealKind: a.deal.kind, amends: a.id, params: {} });
    }
    for (const o of v.offers) {
      if (o.round !== v.round) continue;
      if (o.status === 'open' && o.to.includes(role) && !hasAnswered(o, role)) {
        out.push({ type: 'accept', offer: o.id, params: {} });
        out.push({ type: 'reject', offer: o.id, params: { reason: { kind: 'text', maxLength: 200 } } });
        // A package to several islands is answered island by island, never countered.
        if (o.counterDepth < MAX_COUNTERS && !(o.deal.kind === 'package' && o.deal.islands.length > 1)) out.push({ type: 'counter', offer: o.id, dealKind: o.deal.kind, params: {} });
      }
      if (o.from === role && (o.status === 'open' || o.status === 'accepted')) out.push({ type: 'withdraw', offer: o.id, params: {} });
    }
    // An island answers each Forum initiative before the islands this round, once.
    if (own(v.islands, role))
      for (const m of v.forums ?? [])
        if (m.round === v.round && m.status === 'open' && !m.endorsed.includes(role) && !m.rejected.includes(role))
          out.push({ type: 'endorse', initiative: m.id, params: {} }, { type: 'oppose', initiative: m.id, params: {} });
  } else if (v.orders.filter((o) => o.role === role).length < MAX_ORDERS_PER_ROUND) {
    const money = isPower ? (own(v.powers, role as PowerId)?.treasury ?? 0) : (own(v.islands, role)?.treasury ?? 0);
    const committed = v.orders.filter((o) => o.role === role).reduce((s, o) => s + o.order.amount, 0);
    const left = money - committed;
    const ordered = new Set(v.orders.filter((o) => o.role === role).map((o) => o.order.kind));
    const amount = (kind: OrderKind): Domain => ({ kind: 'int', min: MIN_COST[kind] ?? (kind === 'campaign' || kind === 'buildCert' || kind === 'repay' ? 1 : 0), max: left });
    const affordable = (kind: OrderKind) => (MIN_COST[kind] ?? 0) <= left && (kind === 'campaign' || kind === 'repay' || !ordered.has(kind));
    if (isPower) {
      for (const kind of POWER_ORDERS) {
        if (!affordable(kind)) continue;
        if (kind === 'leakDraft') {
          const leakable = v.agreements.filter((a) => !a.parties.includes(role)).flatMap((a) => a.clauses.filter((c) => c.seenBy !== 'all' && canSee(c.seenBy, role)).map((c) => c.id));
          if (leakable.length) out.push({ type: 'order', orderKind: kind, params: { 'order.clause': { kind: 'oneOf', values: leakable }, 'order.amount': amount(kind) } });
        } else if (kind === 'vendorPressure') {
          const vendors = Object.values(v.vendors).filter((x) => x.origin !== role).map((x) => x.id).sort();
          out.push({ type: 'order', orderKind: kind, params: { 'order.island': { kind: 'oneOf', values: islands }, 'order.vendor': { kind: 'oneOf', values: vendors }, 'order.amount': amount(kind) } });
        } else {
          const targets = kind === 'campaign' ? islands.filter((i) => !v.orders.some((o) => o.role === role && o.order.kind === 'campaign' && o.order.island === i)) : islands;
          if (targets.length) out.push({ type: 'order', orderKind: kind, params: { 'order.island': { kind: 'oneOf', values: targets }, 'order.amount': amount(kind) } });
        }
      }
    } else {
      const island = own(v.islands, role);
      const debts = v.debts.filter((d) => d.debtor === role && d.outstanding > 0).map((d) => d.id);
      for (const kind of ISLAND_ORDERS) {
        if (!affordable(kind)) continue;
        if (kind === 'repay' || kind === 'renegotiateDebt') {
          if (debts.length) out.push({ type: 'order', orderKind: kind, params: { 'order.debt': { kind: 'oneOf', values: debts }, 'order.amount': amount(kind) } });
        } else if (kind === 'callForum') {
          // The Forum meets in the next round; a power is named for a policing initiative or a statement on conduct.
          if (v.round < v.scenario.rounds)
            out.push({ type: 'order', orderKind: kind, params: { 'order.initiative': { kind: 'oneOf', values: [...INITIATIVES] }, 'order.power': { kind: 'oneOf', values: powers }, 'order.amount': amount(kind) } });
        } else if (kind === 'delayElection') {
          if (island?.nextElection && island.nextElection - v.round <= 1) out.push({ type: 'order', orderKind: kind, params: { 'order.amount': amount(kind) } });
        } else out.push({ type: 'order', orderKind: kind, params: { 'order.amount': amount(kind) } });
      }
    }
  }
  out.push({ type: 'endPhase', params: {} });
  // A seat that has used up a round limit is offered no more of that action this round.
  const used = usedThisRound(v, role);
  const room = (k: keyof typeof ROUND_LIMITS) => used[k] < ROUND_LIMITS[k];
  return out.filter((t) =>
    t.type === 'offer' ? room('offers') && (t.amends === undefined || room('renegotiations')) : t.type === 'counter' ? room('counters') : t.type === 'cancel' ? room('cancellations') : true,
  );
}
