import type { Agreement, AgreementClause, Deal, GameState, Offer, PowerId, RoleId, StandingAgreementData } from './types';
import { consentingPowers } from './consent';
import { funderOf, islandsOfDeal } from './deals';
import { buildRounds, islandsOnRoute } from './cables';
import { openLoan } from './aid';
import { clampAlignment, own, possessive, roleNameOf } from './util';
import type { Say } from './log';
import { clauseIds } from './ids';

/**
 * Agreements in force when the game starts (the 2017 Australia-Solomons treaty, Huawei Marine's
 * 2017 Solomons cable contract, Telstra's Digicel Pacific). The scenario's starting numbers
 * already reflect them, so nothing they did is applied again: they only exist, and can then be
 * cancelled, renegotiated, breached or leaked like any agreement signed in the game.
 */
export function openStanding(g: GameState, list: readonly StandingAgreementData[], say: Say): void {
  for (const s of list) {
    const deal = structuredClone(s.deal);
    const consented = s.consented ?? [];
    const pending = consentingPowers(g, deal).filter((p) => !consented.includes(p));
    const parties = [...new Set<RoleId>([funderOf(deal), ...islandsOfDeal(g, deal), ...consentingPowers(g, deal).filter((p) => consented.includes(p))])].sort();
    const ids = deal.kind === 'pact' ? clauseIds(g, s.id, deal.clauses.map((c) => c.secret)) : [];
    const clauses: AgreementClause[] = deal.kind === 'pact' ? deal.clauses.map((c, i) => ({ ...c, id: ids[i] ?? `${s.id}.c${i + 1}`, seenBy: c.secret ? [...parties] : 'all' })) : [];
    const publicDeal: Deal = deal.kind === 'pact' ? { ...deal, clauses: deal.clauses.filter((c) => !c.secret) } : deal;
    const agreement: Agreement = { id: s.id, offer: 'standing', round: 0, parties, deal: publicDeal, clauses, status: 'active', reason: null };
    g.agreements.push(agreement);
    switch (deal.kind) {
      case 'aid':
      case 'telecom':
        if (deal.financing.kind === 'loan') openLoan(g, deal.island, deal.financing, deal.amount, s.id, `${s.id}-loan`);
        if (deal.kind === 'telecom')
          own(g.islands, deal.island)?.assets.push({
            id: `t${++g.counters.asset}`,
            kind: deal.project,
            vendor: deal.vendor,
            owner: deal.project === 'carrier' ? deal.financing.by : deal.island,
            agreement: s.id,
          });
        break;
      case 'cable': {
        const islands = islandsOnRoute(g, deal.route);
        const vendor = own(g.vendors, deal.vendor);
        // A contract whose landing still needs a power's consent waits for it: it is not being built.
        const elapsed = monthsBetween(s.since, g.scenario.start);
        g.cables.push({
          id: `cable-${s.id}`,
          name: `${own(g.islands, islands[0])?.name ?? 'Island'} cable (${vendor?.name ?? deal.vendor})`,
          route: [...deal.route],
          vendor: deal.vendor,
          financier: deal.financing.by,
          status: pending.length ? 'proposed' : 'building',
          readyRound: pending.length ? null : g.round + buildRounds(g, Math.max(1, deal.buildMonths - elapsed)) - 1,
          dataAccess: deal.dataAccess,
          operator: deal.stationOperator,
          owner: islands.length === 1 ? (islands[0] ?? 'other') : 'other',
          agreement: s.id,
        });
        break;
      }
      default:
        break;
    }
    const waits = pending.length ? ` It waits for ${pending.map((p) => possessive(own(g.powers, p)?.name ?? p)).join(' and ')} consent to land.` : '';
    say(`In force since ${s.since}: an agreement between ${parties.map((p) => roleNameOf(g, p)).join(' and ')}${s.note ? ` (${s.note})` : ''}.${waits}`, 'all', [s.id]);
  }
}

const monthsBetween = (from: string, to: string): number => {
  const [fy = 0, fm = 1] = from.split('-').map(Number);
  const [ty = 0, tm = 1] = to.split('-').map(Number);
  return Math.max(0, (ty - fy) * 12 + (tm - fm));
};

/** A cable contract signed but not yet being built (its landing still awaits consent). */
export function isPendingContract(g: Pick<GameState, 'cables'>, a: Agreement): boolean {
  return a.status === 'active' && a.deal.kind === 'cable' && g.cables.some((c) => c.agreement === a.id && c.status === 'proposed');
}

/**
 * A new cable deal may replace a contract still waiting to be built, if it lands at every one of
 * that contract's landings (Canberra's 2018 Coral Sea cable in place of Huawei Marine's).
 */
export function isContractReplacement(g: Pick<GameState, 'cables'>, deal: Deal, a: Agreement): boolean {
  if (deal.kind !== 'cable' || a.deal.kind !== 'cable' || !isPendingContract(g, a) || !Array.isArray(deal.route)) return false;
  return a.deal.route.every((l) => deal.route.includes(l));
}

/** The contract gives way to the agreement that replaces it; its cable is never laid. */
export function endContract(g: GameState, old: Agreement, next: Agreement, say: Say): void {
  old.status = 'ended';
  old.reason = `replaced by ${next.id}`;
  g.cables = g.cables.filter((c) => !(c.agreement === old.id && c.status === 'proposed'));
  say(`A new agreement replaces the cable contract signed before the game, which will not be built.`, 'all', [old.id, next.id]);
}

/**
 * A power refuses a cable landing on its territory: the contract the offer would have carried
 * out cannot land, and ends. The islands it would have served hold it against that power.
 */
export function refuseLanding(g: GameState, offer: Offer, role: RoleId, say: Say): void {
  const deal = offer.deal;
  if (deal.kind !== 'cable' || !consentingPowers(g, deal).includes(role as PowerId)) return;
  const power = own(g.powers, role as PowerId);
  const islands = islandsOnRoute(g, deal.route);
  for (const id of islands) {
    const island = own(g.islands, id);
    if (island && power) island.alignment[power.id] = clampAlignment(island.alignment[power.id] - 5);
  }
  const contract = offer.amends ? g.agreements.find((a) => a.id === offer.amends) : undefined;
  const vendor = own(g.vendors, deal.vendor)?.name ?? deal.vendor;
  if (contract && isPendingContract(g, contract)) {
    contract.status = 'ended';
    contract.reason = `landing refused by ${power?.name ?? role}`;
    g.cables = g.cables.filter((c) => !(c.agreement === contract.id && c.status === 'proposed'));
  }
  say(
    `${power?.name ?? role} refuses to let ${vendor} land its cable on its territory${contract ? ': the contract signed before the game cannot be carried out' : ''}.`,
    'all',
    contract ? [contract.id] : [],
  );
}
