import type { Agreement, CableDeal, Deal, GameState, IslandId, PactDeal, PowerId, Refusal, Vendor, VendorKind } from './types';
import { own, pactName, possessive, TELECOM_PROJECT_TEXT } from './util';

/**
 * Who else must agree to a deal, and which deals the rules refuse outright: landing consent
 * (Canberra and the Huawei Marine landing at Sydney, 2018), the Compact states' security veto,
 * duplicate cables, pacts and safe-city systems, and vendors of the wrong kind.
 */

/** The Freely Associated States: their Compacts give Washington a say over other powers' security pacts. */
export const COMPACT_STATES: readonly IslandId[] = ['FSM', 'MHL', 'PLW'];

/** The power whose territory a foreign landing is on, from the landing's `country`, or null. */
export function landingState(country: string): PowerId | null {
  if (country === 'Australia') return 'canberra';
  if (/\(US\)$/.test(country) || /^(United States|Hawaii|Guam)\b/.test(country)) return 'washington';
  if (/^(China|Hong Kong)\b/.test(country)) return 'beijing';
  return null;
}

/** Canberra and Washington trust the vendors on their trusted lists and their own; Beijing trusts all but its rivals'. */
export function trustedBy(power: PowerId, vendor: Pick<Vendor, 'origin' | 'trusted'>): boolean {
  if (vendor.origin === power) return true;
  return power === 'beijing' ? vendor.origin === 'other' : vendor.trusted;
}

type Where = Pick<GameState, 'landings' | 'vendors' | 'powers'>;

/**
 * Powers that must consent to a deal without paying for it: the state a cable lands in, when
 * it does not trust the vendor; Washington, for another power's security pact with a Compact state.
 */
export function consentingPowers(g: Where, deal: Deal): PowerId[] {
  const out = new Set<PowerId>();
  if (deal.kind === 'cable') {
    const vendor = own(g.vendors, deal.vendor);
    for (const id of Array.isArray(deal.route) ? deal.route : []) {
      const landing = own(g.landings, id);
      if (!landing || landing.island !== null || !vendor) continue;
      const state = landingState(landing.country);
      if (state && own(g.powers, state) && state !== deal.financing?.by && !trustedBy(state, vendor)) out.add(state);
    }
  }
  if (deal.kind === 'pact' && deal.power !== 'washington' && g.powers.washington && COMPACT_STATES.includes(deal.island)) out.add('washington');
  return [...out].sort();
}

/** The vendor kind each deal needs: cable makers lay cables; network vendors build the rest; a carrier may also be bought. */
export function fittingKinds(deal: Deal): VendorKind[] {
  if (deal.kind === 'cable') return ['cable'];
  if (deal.kind === 'telecom') return deal.project === 'carrier' ? ['carrier', 'network'] : ['network'];
  return [];
}

const KIND_NAMES: Record<VendorKind, string> = { cable: 'a cable maker', network: 'a network vendor', carrier: 'a carrier' };

export function vendorKindRefusal(g: Pick<GameState, 'vendors'>, deal: Deal): Refusal | null {
  if (deal.kind !== 'cable' && deal.kind !== 'telecom') return null;
  const vendor = own(g.vendors, deal.vendor);
  if (!vendor) return null;
  const kinds = fittingKinds(deal);
  if (kinds.includes(vendor.kind)) return null;
  const what = deal.kind === 'cable' ? 'a cable' : 'this project';
  return { code: 'illegalTerms', field: 'deal.vendor', message: `${vendor.name} is ${KIND_NAMES[vendor.kind]}; ${what} needs ${kinds.map((k) => KIND_NAMES[k]).join(' or ')}.` };
}

/** Washington offers shiprider and coast-guard agreements (its naval pacts), not policing. */
export function pactRefusal(deal: Deal): Refusal | null {
  if (deal.kind === 'pact' && deal.power === 'washington' && deal.pact === 'policing')
    return { code: 'illegalTerms', field: 'deal.pact', message: 'Washington does not police Pacific islands: it offers shiprider and coast-guard agreements (a naval pact), cyber or port pacts.' };
  return null;
}

/**
 * A cable whose landings are all already joined, two by two, by cables in service, being built
 * or under repair is a duplicate: the reason, or null. A deal replacing a standing contract
 * (amends) does not count that contract's own cable.
 */
export function duplicateCable(g: Pick<GameState, 'cables' | 'landings'>, deal: CableDeal, amends: string | null | undefined): string | null {
  if (!Array.isArray(deal.route) || deal.route.length < 2) return null;
  const live = g.cables.filter((c) => (c.status === 'active' || c.status === 'building' || c.status === 'cut') && (!amends || c.agreement !== amends));
  const names: string[] = [];
  for (let i = 0; i < deal.route.length; i++)
    for (let j = i + 1; j < deal.route.length; j++) {
      const a = deal.route[i] ?? '';
      const b = deal.route[j] ?? '';
      const joined = live.find((c) => c.route.includes(a) && c.route.includes(b));
      if (!joined) return null;
      if (!names.includes(joined.name)) names.push(joined.name);
    }
  return `every landing on this route is already joined by ${names.join(' and ')}: a second cable on the same landings is a duplicate.`;
}

/** The pact of this type between this power and island in force, other than `except`, if any. */
export function pactInForce(g: Pick<GameState, 'agreements'>, deal: Pick<PactDeal, 'island' | 'power' | 'pact'>, except?: string | null): Agreement | undefined {
  return g.agreements.find((a) => a.status === 'active' && a.id !== except && a.deal.kind === 'pact' && a.deal.island === deal.island && a.deal.power === deal.power && a.deal.pact === deal.pact);
}

/**
 * A holding the island already has is a duplicate (rules version 18; issue 10: "a second
 * identical cable, two safe-city systems"), and the reason is returned, or null:
 * - a pact of the same type between the same power and island while one is in force (renegotiate
 *   it to change its clauses);
 * - a second "safe city" system;
 * - a carrier its buyer already controls.
 * Tower networks, data centres and e-government suites are not: a second network covers more of
 * the country (Huawei's 161 towers and Australia's in the Solomons), a second data centre is a
 * backup site or the other side's alternative, and e-government, customs and registry systems are
 * many. An amendment does not count the agreement it replaces.
 */
export function duplicateHolding(g: Pick<GameState, 'agreements' | 'islands' | 'powers' | 'vendors'>, deal: Deal, amends?: string | null): string | null {
  if (deal.kind === 'pact') {
    const standing = pactInForce(g, deal, amends);
    if (!standing) return null;
    const island = own(g.islands, deal.island)?.name ?? deal.island;
    const power = own(g.powers, deal.power)?.name ?? deal.power;
    return `${island} and ${power} already have ${pactName(deal)} in force (agreement ${standing.id}): a second is a duplicate; renegotiate the first to change its clauses.`;
  }
  if (deal.kind !== 'telecom') return null;
  const island = own(g.islands, deal.island);
  if (!island) return null;
  const project = deal.project;
  const held = island.assets.find((x) => x.kind === project && (project === 'carrier' ? x.owner === deal.financing.by : project === 'safeCity'));
  if (!held) return null;
  if (project === 'carrier') return `${own(g.powers, deal.financing.by)?.name ?? deal.financing.by} already controls ${possessive(island.name)} carrier.`;
  const by = own(g.vendors, held.vendor ?? '')?.name;
  return `${island.name} already has ${TELECOM_PROJECT_TEXT[project]}${by ? ` by ${by}` : ''} (${held.agreement ? `agreement ${held.agreement}` : 'since before the game'}): a second is a duplicate.`;
}
