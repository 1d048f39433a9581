import { cableCost, fundersText, type Action, type Deal, type GameView, type Order } from '../engine';
import { actionVerb, dealKindLabel, humanize, money, moneyText, orderKindLabel, roleName, valueLabel } from './names';

/**
 * Deals and orders in plain words. The engine's types grow (new deal kinds and orders); what this
 * does not know it still describes, field by field, so a new kind never shows as blank.
 */

type Names = Pick<GameView, 'islands' | 'powers' | 'landings' | 'vendors' | 'debts'>;
type Loose = Record<string, unknown>;

const str = (x: unknown): string => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '');

export function financingText(v: Names, f: unknown): string {
  if (!f || typeof f !== 'object') return '';
  const fin = f as Loose;
  const by = roleName(v, str(fin.by));
  if (fin.kind === 'grant') return `grant from ${by}`;
  if (fin.kind === 'loan') {
    const grace = Number(fin.graceYears) > 0 ? `, ${str(fin.graceYears)} years' grace` : '';
    const collateral = typeof fin.collateral === 'string' && fin.collateral !== 'none' ? `, secured on the ${valueLabel(v, 'collateral', fin.collateral).toLowerCase()}` : '';
    return `loan from ${by} at ${str(fin.ratePct)}% over ${str(fin.years)} years${grace}${collateral}`;
  }
  return `${humanize(str(fin.kind))} from ${by}`;
}

export function routeText(v: Names, route: readonly string[]): string {
  return route.map((id) => v.landings[id]?.name ?? id).join(' – ');
}

/** The price of a cable deal, from the engine; null when the deal is not complete enough to price. */
export function cablePrice(v: Pick<GameView, 'landings' | 'vendors'>, deal: { route?: unknown; vendor?: unknown }): number | null {
  if (!Array.isArray(deal.route) || deal.route.length < 2 || typeof deal.vendor !== 'string' || !v.vendors[deal.vendor]) return null;
  if (deal.route.some((id) => typeof id !== 'string' || !v.landings[id])) return null;
  return cableCost(v, { route: deal.route as string[], vendor: deal.vendor });
}

function valueText(v: Names, key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return key.toLowerCase().includes('amount') ? moneyText(value) : String(value);
  if (typeof value === 'string') return valueLabel(v, `deal.${key}`, value);
  if (Array.isArray(value)) return value.map((x) => valueText(v, key, x)).join(', ') || 'none';
  if (value && typeof value === 'object') {
    const o = value as Loose;
    if (key === 'financing') return financingText(v, o);
    return Object.entries(o)
      .map(([k, x]) => (k === 'kind' ? valueText(v, key, x) : `${humanize(k).toLowerCase()} ${valueText(v, k, x)}`))
      .join(' ');
  }
  return '';
}

function conditionsText(v: Names, d: Loose): string {
  if (!Array.isArray(d.conditions) || d.conditions.length === 0) return '';
  const parts = d.conditions.map((c: Loose) => {
    if (c.kind === 'noVendor') return `no ${v.vendors[str(c.vendor)]?.name ?? str(c.vendor)} kit`;
    if (c.kind === 'noPact') return `no pact with ${roleName(v, str(c.power))}`;
    return valueText(v, 'condition', c);
  });
  return ` Conditions: ${parts.join('; ')}.`;
}

/** " Funded jointly: Canberra 60% (grant), Washington 20% (grant), Tokyo 20% (grant)." or nothing, for a deal with one funder. */
function jointText(v: Names & Partial<Pick<GameView, 'funders'>>, deal: Deal): string {
  const d = deal as unknown as Loose;
  if (!Array.isArray(d.cofunders) || d.cofunders.length === 0 || !d.financing || typeof d.financing !== 'object') return '';
  try {
    const words = fundersText(v, deal);
    return words ? ` Funded jointly: ${words}.` : '';
  } catch {
    return '';
  }
}

/** One sentence for a deal, with its price where the engine can compute it. */
export function describeDeal(v: Names & Partial<Pick<GameView, 'funders'>>, deal: Deal): string {
  return describeOne(v, deal) + jointText(v, deal);
}

function describeOne(v: Names, deal: Deal): string {
  const d = deal as unknown as Loose;
  const kind = str(d.kind);
  switch (kind) {
    case 'cable': {
      const route = Array.isArray(d.route) ? (d.route as string[]) : [];
      const price = cablePrice(v, d);
      const terms = [
        `${str(d.buildMonths)} months to build`,
        d.stationOperator === 'vendor' ? 'landing stations run by the vendor' : 'landing stations run by the islands',
      ];
      if (d.dataAccess) terms.push('data access for the vendor’s government');
      if (d.exclusivity) terms.push('exclusive landing rights');
      if (typeof d.islandSharePct === 'number' && d.islandSharePct > 0) terms.push(`islands pay ${d.islandSharePct}%`);
      return `Cable ${routeText(v, route)} by ${v.vendors[str(d.vendor)]?.name ?? str(d.vendor)}${price !== null ? `, ${money(price)}` : ''}, ${financingText(v, d.financing)}; ${terms.join('; ')}.${conditionsText(v, d)}`;
    }
    case 'aid': {
      const purpose = typeof d.purpose === 'string' ? ` (${valueLabel(v, 'purpose', d.purpose).toLowerCase()})` : '';
      return `Aid of ${moneyText(Number(d.amount))} to ${roleName(v, str(d.island))}${purpose}, ${financingText(v, d.financing)}.${conditionsText(v, d)}`;
    }
    case 'pact': {
      const clauses = Array.isArray(d.clauses) ? (d.clauses as Loose[]) : [];
      const list = clauses.map((c) => `${valueLabel(v, 'clause', str(c.kind)).split(':')[0]}${c.secret ? ' (secret)' : ''}`);
      return `${valueLabel(v, 'pact', str(d.pact))} pact between ${roleName(v, str(d.island))} and ${roleName(v, str(d.power))}${list.length ? `, clauses: ${list.join(', ')}` : ', no extra clauses'}.`;
    }
    case 'telecom':
      return `${valueLabel(v, 'project', str(d.project))} in ${roleName(v, str(d.island))} by ${v.vendors[str(d.vendor)]?.name ?? str(d.vendor)}, ${moneyText(Number(d.amount))}, ${financingText(v, d.financing)}.${conditionsText(v, d)}`;
    case 'diplomatic':
      return `${roleName(v, str(d.island))} with ${roleName(v, str(d.power))}: ${valueLabel(v, 'act', str(d.act)).toLowerCase()}.`;
    case 'package': {
      const islands = Array.isArray(d.islands) ? (d.islands as string[]) : [];
      const parts = Array.isArray(d.parts) ? d.parts.length : 0;
      const names = islands.map((i) => roleName(v, i)).join(', ');
      const binding = islands.length < 2 ? '' : d.allMustSign ? ' Each island signs for itself, but it binds only if every island signs.' : ' Each island signs for itself; it stands for the islands that sign.';
      return `Package of ${parts} part${parts === 1 ? '' : 's'} from ${roleName(v, str(d.power))} for ${names}.${binding}`;
    }
    default: {
      const fields = Object.entries(d)
        .filter(([k]) => k !== 'kind')
        .map(([k, x]) => `${humanize(k).toLowerCase()}: ${valueText(v, k, x)}`);
      return `${dealKindLabel(kind)}: ${fields.join('; ')}.`;
    }
  }
}

/** Each part of a package in plain words, as the same deal alone would read for the island (or, for anyone else, for each island). */
export function describeParts(v: Names, deal: Deal, island: string | null): string[] {
  if (deal.kind !== 'package') return [];
  return deal.parts.map((p) =>
    island ? describeDeal(v, { ...p, island } as Deal) : describeDeal(v, { ...p, island: 'each island' } as Deal).replace(/Each island/g, 'each island'),
  );
}

export function describeOrder(v: Names, order: Order): string {
  const o = order as unknown as Loose;
  const parts = Object.entries(o)
    .filter(([k]) => k !== 'kind' && k !== 'amount')
    .map(([k, x]) => (typeof x === 'string' ? valueLabel(v, `order.${k}`, x) : valueText(v, k, x)));
  return `${orderKindLabel(str(o.kind))}${parts.length ? `: ${parts.join(', ')}` : ''}${typeof o.amount === 'number' ? `, ${moneyText(o.amount)}` : ''}.`;
}

/** A move a facilitator writes for a class vote, in words: "Offer to Tonga: …", "Order: …". */
export function describeMove(v: Names & Partial<Pick<GameView, 'funders'>>, action: Action): string {
  const a = action as { deal?: Deal; order?: Order; to?: string[] };
  if (a.deal) return `Offer${a.to?.length ? ` to ${a.to.map((r) => roleName(v, r)).join(', ')}` : ''}: ${describeDeal(v, a.deal)}`;
  if (a.order) return `Order: ${describeOrder(v, a.order)}`;
  return actionVerb(action.type);
}
