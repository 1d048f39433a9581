import { formatMoney, type Action, type Deal, type GameView, type IslandId, type Offer, type PowerId, type RoleId } from '../../engine';
import * as E from './engine-api';
import { appraise, mainPart, type Appraisal, type Proposal } from './appraise';
import { termVariants } from './candidates';
import type { BotContext } from './context';
import { clip, clipReason, costText, goalText, nameOf, offerText } from './explain';
import { isPower } from './model';

/** Points of final score an island wants from a deal before it signs. */
export const ISLAND_BAR = 0.1;
/** How far a government's leaning lowers its bar for its favourite partner. */
export const LEANING_PULL = 0.4;
/** How much better than signing as it stands a counter-offer must be, in points. */
export const COUNTER_MARGIN = 0.3;
/** A power signs what is worth at least what it costs. */
export const POWER_BAR = 0;

export function barFor(v: Pick<GameView, 'islands'>, role: RoleId, deal: Deal): number {
  if (isPower(role)) return POWER_BAR;
  return ISLAND_BAR - (v.islands[role]?.leaning === E.funderOf(deal) ? LEANING_PULL : 0);
}

/** Money a power has promised this round in offers not yet accepted by everyone (accepted ones are already in the model). */
export function pendingSpend(v: GameView, p: PowerId): number {
  return v.offers
    .filter((o) => o.round === v.round && o.status === 'open' && E.funderOf(o.deal) === p && (o.from === p || o.acceptedBy.includes(p)))
    .reduce((s, o) => s + E.funderPays(v, o.deal), 0);
}

/** What a power could still pay out this round, by its own reckoning. */
export const available = (c: BotContext, p: PowerId): number => (c.model.base.powers[p]?.treasury ?? 0) - pendingSpend(c.v, p);

/** The parties to a deal other than the given role. */
export const othersOf = (c: BotContext, deal: Deal, role: RoleId): RoleId[] => [...new Set([E.funderOf(deal), ...E.islandsOfDeal(c.v, deal), ...E.powerCofunders(deal)])].filter((r) => r !== role).sort();

/** Would this role sign, by the normal bots' rule: worth more than its bar, affordable, not void. */
export function wouldSign(c: BotContext, role: RoleId, deal: Deal, a: Appraisal, extraSpend = 0): boolean {
  if (a.void || a.gain <= barFor(c.v, role, deal)) return false;
  if (isPower(role) && E.funderOf(deal) === role) return E.funderPays(c.v, deal) + extraSpend <= available(c, role);
  if (isPower(role) && E.powerCofunders(deal).includes(role)) return E.cofunderPays(c.v, deal, role) + extraSpend <= available(c, role);
  const share = E.islandShares(c.v, deal)[role] ?? 0;
  return share <= (c.model.base.islands[role]?.treasury ?? 0);
}

/** A fact from the view that stands behind an objective: "legitimacy 35", "influence 40 to Beijing's 45". */
export function factFor(v: GameView, role: RoleId, part: string | null, island?: IslandId): string {
  const isl = v.islands[island ?? role];
  if (v.islands[role] && isl) {
    switch (part) {
      case 'development':
        return `connectivity ${isl.connectivity}, coverage ${isl.coverage}`;
      case 'sovereignty':
        return `sovereignty ${isl.sovereignty}`;
      case 'survival':
        return `legitimacy ${isl.legitimacy}, unrest ${isl.unrest}`;
      case 'resilience':
        return `${isl.routes} cable route${isl.routes === 1 ? '' : 's'}, cyber ${isl.cyber}`;
      case 'balance': {
        const a = Object.entries(isl.alignment).filter(([p]) => v.powers[p as PowerId]);
        return a.map(([p, x]) => `${nameOf(v, p)} ${x}`).join(', ');
      }
      case 'solvency': {
        const debt = v.debts.filter((d) => d.debtor === role).reduce((s, d) => s + d.outstanding + d.arrears, 0);
        return `debt ${formatMoney(debt)}`;
      }
      default:
        return '';
    }
  }
  const power = v.powers[role as PowerId];
  if (!power) return '';
  switch (part) {
    case 'influence': {
      if (!island) return '';
      const rivals = E.rivalsOf(role as PowerId).filter((p) => v.powers[p]);
      const top = rivals.sort((a, b) => (v.powers[b]?.influence[island] ?? 0) - (v.powers[a]?.influence[island] ?? 0))[0];
      return `influence there ${power.influence[island] ?? 0}${top ? ` to ${nameOf(v, top)}'s ${v.powers[top]?.influence[island] ?? 0}` : ''}`;
    }
    case 'reputation':
      return `reputation ${power.reputation}`;
    default:
      return '';
  }
}

const withFact = (text: string, fact: string): string => (fact ? `${text} (${fact})` : text);

export interface AnswerOption {
  action: Action;
  /** What the answering bot expects from it, in points, relative to rejecting. */
  value: number;
}

export interface AnswerSlot {
  offer: Offer;
  /** Best first: the bot's choice, then the alternatives it weighed. */
  options: AnswerOption[];
}

/**
 * Answer every open offer addressed to this role: accept what is worth more than the bar, counter
 * with the change of terms it wants most if the other side would still sign, reject the rest
 * with the term that stands in the way. Offers are taken best first, each weighed with the ones
 * already accepted, so two deals that do the same job are not both taken.
 */
export function answerSlots(c: BotContext): AnswerSlot[] {
  const { v, role } = c;
  const incoming = v.offers.filter((o) => o.round === v.round && o.status === 'open' && o.to.includes(role) && !E.hasAnswered(o, role));
  if (!incoming.length) return [];
  // The model is built only now: with nothing to answer, none is needed.
  const m = c.model;
  const prior: Proposal[] = v.offers.filter((o) => o.round === v.round && o.status === 'open' && o.acceptedBy.includes(role)).map((o) => ({ deal: o.deal, from: o.from }));
  const standing = [...prior];
  const standalone = incoming.map((o) => ({ o, g: appraise(m, [role], [{ deal: o.deal, from: o.from }], prior)[role]?.gain ?? 0 }));
  standalone.sort((a, b) => b.g - a.g || a.o.id.localeCompare(b.o.id));
  let spent = 0;
  const out: AnswerSlot[] = [];
  for (const { o } of standalone) {
    const p: Proposal = { deal: o.deal, from: o.from };
    const a = appraise(m, [role], [p], prior)[role] as Appraisal;
    const noise = c.noise(o.id);
    const bar = barFor(v, role, o.deal);
    const funder = E.funderOf(o.deal);
    const cost = funder === role ? E.funderPays(v, o.deal) : E.cofunderPays(v, o.deal, role);
    const affordable = cost + spent <= (isPower(role) ? available(c, role as PowerId) : Infinity);
    const options: AnswerOption[] = [];
    const acceptValue = a.void || !affordable ? -Infinity : a.gain + noise - bar;
    options.push({ action: { type: 'accept', role, offer: o.id, why: acceptWhy(c, o, a) }, value: acceptValue });
    const side = isPower(role) ? 'power' : 'island';
    const variants = termVariants(v, o.deal, side);
    let worst: { change: string; lift: number } | null = null;
    const others = othersOf(c, o.deal, role);
    for (const { deal, change } of variants) {
      if (E.dealRefusal(m.base, deal)) continue;
      const both = appraise(m, [role, ...others], [{ deal, from: role }], prior);
      // Terms that could not be carried out either (the co-funder's money is gone) are no answer.
      if (both[role]?.void) continue;
      const mine = (both[role]?.gain ?? 0) + noise - bar;
      // A reason may offer other terms only if the bot would sign them, offered as they would come
      // (from the same proposer): the deciding factor, not a guess.
      if (mine > 0) {
        // Also without the offers accepted earlier in this answer: offered on those terms, it
        // might be weighed before them (offers are taken best first), and must still be signed.
        const offered = { deal, from: o.from };
        const asOffered = Math.min(appraise(m, [role], [offered], prior)[role]?.gain ?? 0, appraise(m, [role], [offered], standing)[role]?.gain ?? 0) + noise - bar;
        if (asOffered > 0 && (!worst || asOffered - (a.gain - bar) > worst.lift)) worst = { change, lift: asOffered - (a.gain - bar) };
      }
      if (!c.params.counters || o.counterDepth >= E.MAX_COUNTERS) continue;
      const theyWould = others.every((r) => wouldSign(c, r, deal, both[r] as Appraisal));
      const myCost = E.funderOf(deal) === role ? E.funderPays(v, deal) : 0;
      if (!theyWould || mine <= 0 || myCost + spent > (isPower(role) ? available(c, role as PowerId) : Infinity)) continue;
      // Haggle only for a clear gain over signing as it stands, and ask for more money only once.
      if (acceptValue > 0 && mine < acceptValue + COUNTER_MARGIN) continue;
      if (change.startsWith('for half as much') && o.counterDepth > 0) continue;
      // A counter is worth what it gains, discounted for the chance it is turned down.
      options.push({ action: { type: 'counter', role, offer: o.id, deal, why: counterWhy(c, o, change, both[role] as Appraisal) }, value: 0.85 * mine });
    }
    options.push({ action: { type: 'reject', role, offer: o.id, reason: rejectReason(c, a, worst?.lift && worst.lift > 0 ? worst.change : null), why: rejectWhy(c, o, a) }, value: 0 });
    options.sort((x, y) => y.value - x.value);
    const chosen = options[0]?.action;
    if (chosen?.type === 'accept') {
      prior.push(p);
      spent += cost;
    } else if (chosen?.type === 'counter') spent += E.funderOf(chosen.deal) === role ? E.funderPays(v, chosen.deal) : 0;
    out.push({ offer: o, options });
  }
  return out;
}

function acceptWhy(c: BotContext, o: Offer, a: Appraisal): string {
  const { v, role } = c;
  const part = mainPart(a.parts) ?? (a.cash > 0 ? null : mainPart(a.parts, -1));
  const island = 'island' in o.deal ? o.deal.island : E.islandsOfDeal(v, o.deal)[0];
  const cash = a.cash > 0 && !isPower(role);
  const goal = part === null && cash ? `for the ${formatMoney(a.cash)} it brings the treasury` : `${goalText(v, role, part, island)}${cash ? `, with ${formatMoney(a.cash)} for the treasury` : ''}`;
  return clip(withFact(`${nameOf(v, role)} accepts ${offerText(v, o, isPower(role))} ${goal}`, factFor(v, role, part, island)) + '.');
}

function counterWhy(c: BotContext, o: Offer, change: string, a: Appraisal): string {
  const { v, role } = c;
  const part = mainPart(a.parts) ?? 'terms';
  const island = 'island' in o.deal ? o.deal.island : undefined;
  return clip(`${nameOf(v, role)} counters ${offerText(v, o)}: the same ${change}, ${goalText(v, role, part, island)}.`);
}

function rejectReason(c: BotContext, a: Appraisal, betterTerms: string | null): string {
  const { v, role } = c;
  const part = mainPart(a.parts, -1);
  const cost = a.void
    ? 'it could not be carried out now'
    : part
      ? costText(v, role, part)
      : a.cash < 0
        ? `it costs ${formatMoney(-a.cash)} for too little in return`
        : 'it brings us too little';
  const text = `${cost.charAt(0).toUpperCase()}${cost.slice(1)}${betterTerms ? `; we could sign it ${betterTerms}` : ''}.`;
  return clipReason(text);
}

function rejectWhy(c: BotContext, o: Offer, a: Appraisal): string {
  const { v, role } = c;
  const part = mainPart(a.parts, -1);
  const island = 'island' in o.deal ? o.deal.island : undefined;
  const fact = factFor(v, role, part, island);
  const goal = a.void
    ? 'for it could not be carried out now'
    : part
      ? goalText(v, role, part, island)
      : a.cash < 0
        ? `to keep ${formatMoney(-a.cash)} for deals that buy more`
        : 'for it brings too little';
  return clip(`${nameOf(v, role)} turns down ${offerText(v, o)} ${goal}${fact ? ` (${fact})` : ''}.`);
}
