import type { CableDeal, Deal, GameState, IslandId, PowerId, Refusal, Vendor, VendorKind } from './types';
import { own } from './util';

/**
 * Who else must agree to a deal, and which deals the rules refuse outright: landing consent
 * (Canberra and the Huawei Marine landing at Sydney, 2018), the Compact states' security veto,
 * duplicate cables and vendors of the wrong kind.
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
