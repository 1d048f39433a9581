import type { Agreement, Deal, GameState, IslandId, Offer, PackageDeal, PackagePart, Refusal, RoleId } from './types';
import { conflictOf, dealRefusal, funderOf, funderPays, partiesOf, sign } from './deals';
import { AID_PURPOSE_NAMES, CLAUSE_NAMES, formatMoney, own, possessive } from './util';
import type { Say } from './log';
import { pactInForce } from './consent';

/**
 * Package deals: several parts offered together by one power to one or several islands, each
 * island signing or refusing for itself (Beijing's May 2022 "China–Pacific Island Countries
 * Common Development Vision" to the ten islands that recognised it). A package is no new kind of
 * commitment: each part, for each island that signs, is checked, signed and applied by the rules
 * of the same deal offered alone. Unlike an offer to several parties, which binds only if all
 * accept, a package says whether it binds only if every island signs (`allMustSign`) or stands
 * for the islands that sign.
 */

/** What a part does for one island: the same deal as offered alone. */
export const partFor = (part: PackagePart, island: IslandId): Exclude<Deal, PackageDeal> => ({ ...part, island }) as Exclude<Deal, PackageDeal>;

/** Every deal a package makes, island by island, part by part. */
export const packageDeals = (deal: PackageDeal): Exclude<Deal, PackageDeal>[] => deal.islands.flatMap((i) => deal.parts.map((p) => partFor(p, i)));

/** One island's share of a package: its parts as deals of their own. */
export const shareOf = (deal: PackageDeal, island: IslandId): Exclude<Deal, PackageDeal>[] => deal.parts.map((p) => partFor(p, island));

type Where = Pick<GameState, 'landings' | 'vendors' | 'powers'>;

/** Who must agree to one island's share: the power, the island, and any power whose consent a part needs (Washington, for a Compact state's pact). */
export function shareParties(g: Where, deal: PackageDeal, island: IslandId): RoleId[] {
  return [...new Set(shareOf(deal, island).flatMap((d) => partiesOf(g, d)))].sort();
}

/** The roles a package binds: the power, every island, and every consenting power. */
export function packageParties(g: Where, deal: PackageDeal): RoleId[] {
  return [...new Set<RoleId>([deal.power, ...deal.islands, ...deal.islands.flatMap((i) => shareParties(g, deal, i))])].sort();
}

/** What the power pays for one island's share, and for the whole package. */
export const shareCost = (g: Pick<GameState, 'landings' | 'vendors'>, deal: PackageDeal, island: IslandId): number =>
  shareOf(deal, island).reduce((s, d) => s + funderPays(g, d), 0);
export const packageCost = (g: Pick<GameState, 'landings' | 'vendors'>, deal: PackageDeal): number => deal.islands.reduce((s, i) => s + shareCost(g, deal, i), 0);

/** Has this role answered the offer (accepted it, or refused its share of a package)? */
export const hasAnswered = (o: Pick<Offer, 'acceptedBy' | 'refusals'>, role: RoleId): boolean => o.acceptedBy.includes(role) || (o.refusals ?? []).some((r) => r.by === role);

/** The islands whose share every party has agreed to (the sender counts as agreeing). */
export function signersOf(g: Where, offer: Offer): IslandId[] {
  const deal = offer.deal;
  if (deal.kind !== 'package') return [];
  const agreed = (r: RoleId) => r === offer.from || offer.acceptedBy.includes(r);
  return deal.islands.filter((i) => shareParties(g, deal, i).every(agreed));
}

/** The islands that refused their share, or whose share a consenting power refused. */
function refusedIslands(g: Where, offer: Offer): IslandId[] {
  const deal = offer.deal;
  if (deal.kind !== 'package') return [];
  const refused = new Set((offer.refusals ?? []).map((r) => r.by));
  return deal.islands.filter((i) => shareParties(g, deal, i).some((r) => refused.has(r)));
}

/** What a part is, in a few words: "a policing pact", "e-government and customs software ($2m grant)". */
export function partText(g: Pick<GameState, 'powers' | 'vendors'>, part: PackagePart, secrets = true): string {
  switch (part.kind) {
    case 'pact': {
      const clauses = part.clauses.filter((c) => secrets || !c.secret);
      return `a ${part.pact} pact${clauses.length ? ` (${clauses.map((c) => `${CLAUSE_NAMES[c.kind]} clause${c.secret ? ', secret' : ''}`).join('; ')})` : ''}`;
    }
    case 'diplomatic':
      return part.act === 'switchRecognition' ? 'a switch of recognition to Beijing' : `membership of ${part.power === 'beijing' ? "Beijing's data-security initiative" : 'the trusted-network programme'}`;
    case 'aid':
      return `${formatMoney(part.amount)} of ${AID_PURPOSE_NAMES[part.purpose ?? 'budget']} (${part.financing.kind})`;
    case 'telecom': {
      const what = { towers: 'mobile towers', carrier: 'the national carrier', dataCentre: 'a data centre', eGovernment: 'e-government and customs software', safeCity: 'a "safe city" system' }[part.project];
      return `${what} by ${own(g.vendors, part.vendor)?.name ?? part.vendor} (${formatMoney(part.amount)} ${part.financing.kind})`;
    }
  }
}

/** "Beijing's package to 10 islands (a policing pact, …)": a package named in words. */
export function packageText(g: Pick<GameState, 'powers' | 'vendors' | 'islands'>, deal: PackageDeal, secrets = true): string {
  const to = deal.islands.length === 1 ? (own(g.islands, deal.islands[0])?.name ?? deal.islands[0]) : `${deal.islands.length} islands`;
  return `${possessive(own(g.powers, deal.power)?.name ?? deal.power)} package for ${to}: ${deal.parts.map((p) => partText(g, p, secrets)).join('; ')}`;
}

const bad = (code: Refusal['code'], field: string, message: string): Refusal => ({ code, field, message });

/** What a part settles, for telling two parts that do the same thing apart. */
const partKey = (p: PackagePart): string =>
  p.kind === 'pact' ? `pact ${p.pact}` : p.kind === 'diplomatic' ? `diplomatic ${p.act}` : p.kind === 'telecom' ? `telecom ${p.project}` : `aid ${p.purpose ?? 'budget'}`;

/** The game as it would stand once an island recognises Beijing. */
function recognisingBeijing(g: GameState, id: IslandId): GameState {
  const island = own(g.islands, id);
  return island?.recognises === 'ROC' ? { ...g, islands: { ...g.islands, [id]: { ...island, recognises: 'PRC' } } } : g;
}

/** Is a package's content legal now? Each part is checked for each island as the same deal alone would be. */
export function packageRefusal(g: GameState, deal: PackageDeal): Refusal | null {
  if (!Array.isArray(deal.islands) || deal.islands.length === 0) return bad('illegalTerms', 'deal.islands', 'A package goes to at least one island.');
  for (let i = 0; i < deal.islands.length; i++) {
    const id = deal.islands[i];
    if (!own(g.islands, id)) return bad('unknownTarget', `deal.islands[${i}]`, `There is no island "${String(id)}" in this game.`);
    if (deal.islands.indexOf(id ?? '') !== i) return bad('illegalTerms', `deal.islands[${i}]`, `${own(g.islands, id)?.name} is named twice.`);
  }
  if (!own(g.powers, deal.power)) return bad('unknownTarget', 'deal.power', 'A package is offered by Beijing, Canberra or Washington.');
  if (!Array.isArray(deal.parts) || deal.parts.length === 0) return bad('illegalTerms', 'deal.parts', 'A package has at least one part.');
  const power = own(g.powers, deal.power)?.name ?? deal.power;
  const keys: string[] = [];
  for (let j = 0; j < deal.parts.length; j++) {
    const part = deal.parts[j] as PackagePart;
    if (funderOf(partFor(part, '')) !== deal.power)
      return bad('illegalTerms', `deal.parts[${j}]`, `Every part of ${possessive(power)} package is ${possessive(power)}: this one is paid or made by another power.`);
    const key = partKey(part);
    if (keys.includes(key)) return bad('illegalTerms', `deal.parts[${j}]`, `Two parts of the package are the same (${key}): make them one part.`);
    keys.push(key);
  }
  // A switch of recognition in the package comes first: its other parts are judged as for an island
  // that recognises Beijing (aid with the switch, as Beijing offered the Solomons in 2019).
  const switching = deal.parts.some((p) => p.kind === 'diplomatic' && p.act === 'switchRecognition');
  for (const island of deal.islands)
    for (let j = 0; j < deal.parts.length; j++) {
      const part = deal.parts[j] as PackagePart;
      const share = partFor(part, island);
      const r = dealRefusal(switching && !(part.kind === 'diplomatic' && part.act === 'switchRecognition') ? recognisingBeijing(g, island) : g, share, renewedPact(g, share));
      if (!r) continue;
      const field = r.field === undefined ? `deal.parts[${j}]` : r.field === 'deal.island' ? `deal.islands[${deal.islands.indexOf(island)}]` : r.field.replace(/^deal\b/, `deal.parts[${j}]`);
      return { code: r.code, field, message: deal.islands.length > 1 || r.code !== 'unaffordable' ? `For ${own(g.islands, island)?.name}: ${r.message}` : r.message };
    }
  const cost = packageCost(g, deal);
  const treasury = own(g.powers, deal.power)?.treasury ?? 0;
  if (cost > treasury)
    return bad('unaffordable', 'deal.parts', `${power} has ${formatMoney(treasury)}; this package costs it ${formatMoney(cost)} (${formatMoney(shareCost(g, deal, deal.islands[0] ?? ''))} for each of ${deal.islands.length} islands).`);
  return null;
}


/** Who may send a package: the power that makes it, or the one island it is for (asking for it). */
export function packageOfferRefusal(deal: PackageDeal, role: RoleId, amends: string | undefined): Refusal | null {
  if (amends !== undefined) return bad('illegalTerms', 'amends', 'A package cannot renegotiate an agreement: offer the new terms on their own.');
  if (role === deal.power) return null;
  if (deal.islands.length === 1 && deal.islands[0] === role) return null;
  return bad('badParty', 'deal.power', 'A package to several islands is offered by the power that makes it.');
}

/** A package to several islands is answered island by island: it cannot be countered. */
export function counterRefusal(offer: Offer): Refusal | null {
  if (offer.deal.kind === 'package' && offer.deal.islands.length > 1)
    return bad('illegalTerms', 'offer', 'A package to several islands is signed or refused island by island: accept or refuse it, or send an offer of your own.');
  return null;
}

function settle(g: GameState, offer: Offer, deal: PackageDeal, closing: boolean): void {
  const refused = refusedIslands(g, offer);
  const everyone = offer.to.every((r) => hasAnswered(offer, r));
  if (deal.allMustSign && refused.length) {
    offer.status = 'rejected';
    offer.reason = offer.refusals?.[0]?.reason ?? null;
    return;
  }
  if (!everyone && !closing) return;
  const signers = signersOf(g, offer);
  if (signers.length && (!deal.allMustSign || signers.length === deal.islands.length)) {
    offer.status = 'accepted';
    offer.acceptedSeq = ++g.counters.accept;
  } else if (closing) offer.status = refused.length ? 'rejected' : 'expired';
  else offer.status = 'rejected';
  if (offer.status === 'rejected') offer.reason = offer.refusals?.[0]?.reason ?? null;
}

/** An addressee accepts: the package is accepted once everyone has answered and at least one share stands. */
export function acceptPackage(g: GameState, offer: Offer, role: RoleId): void {
  if (offer.deal.kind !== 'package') return;
  if (!offer.acceptedBy.includes(role)) offer.acceptedBy.push(role);
  settle(g, offer, offer.deal, false);
}

/** An addressee refuses its share (or, as a consenting power, the share that needs its consent; as the power, the whole package). */
export function refusePackage(g: GameState, offer: Offer, role: RoleId, reason: string): void {
  if (offer.deal.kind !== 'package') return;
  offer.refusals = [...(offer.refusals ?? []), { by: role, reason }];
  if (role === offer.deal.power) {
    offer.status = 'rejected';
    offer.reason = reason;
    return;
  }
  settle(g, offer, offer.deal, false);
}

/** The negotiation closes: a package that stands for those who signed is accepted for them; others expire. */
export function closePackage(g: GameState, offer: Offer): void {
  if (offer.deal.kind === 'package') settle(g, offer, offer.deal, true);
}

/**
 * A package's pact for an island that already has a pact of that type with the power renegotiates
 * it (rules version 18): its clauses replace the old ones, and the pact is not counted twice.
 * Beijing's May 2022 package offered policing to Fiji, whose 2011 police MOU with Beijing stood.
 */
export function renewedPact(g: Pick<GameState, 'agreements'>, deal: Exclude<Deal, PackageDeal>): string | null {
  return deal.kind === 'pact' ? (pactInForce(g, deal)?.id ?? null) : null;
}

/** The offer of one part for one island, as resolution signs it: the same as that deal offered alone (a pact already in force, renegotiated). */
const partOffer = (g: GameState, offer: Offer, deal: Exclude<Deal, PackageDeal>): Offer => ({ ...offer, deal, amends: renewedPact(g, deal) });

/** Why one island's share cannot be signed now, or null. */
function shareConflict(g: GameState, offer: Offer, deal: PackageDeal, island: IslandId): string | null {
  for (const d of shareOf(deal, island)) {
    const c = conflictOf(g, partOffer(g, offer, d));
    if (c) return c;
  }
  return null;
}

/** Why the package as agreed so far cannot be signed now (the first clash, or the money), or null. */
export function packageConflict(g: GameState, offer: Offer): string | null {
  const deal = offer.deal;
  if (deal.kind !== 'package') return null;
  const signers = signersOf(g, offer);
  if (!signers.length) return 'no island has signed it.';
  const names = (ids: IslandId[]) => ids.map((i) => own(g.islands, i)?.name ?? i).join(', ');
  if (deal.allMustSign && signers.length < deal.islands.length) return `it binds only if every island signs, and ${names(deal.islands.filter((i) => !signers.includes(i)))} did not.`;
  for (const i of signers) {
    const c = shareConflict(g, offer, deal, i);
    if (c) return c;
  }
  const cost = signers.reduce((s, i) => s + shareCost(g, deal, i), 0);
  const treasury = own(g.powers, deal.power)?.treasury ?? 0;
  if (cost > treasury) return `${own(g.powers, deal.power)?.name} no longer has the ${formatMoney(cost)} it needs (money already spent).`;
  return null;
}

/** Sign every agreed share, part by part, by each part's own rules; the agreements made, in order. */
export function signPackage(g: GameState, offer: Offer, say: Say, only?: IslandId[]): Agreement[] {
  const deal = offer.deal;
  if (deal.kind !== 'package') return [];
  const out: Agreement[] = [];
  for (const island of only ?? signersOf(g, offer)) for (const d of shareOf(deal, island)) out.push(sign(g, partOffer(g, offer, d), say));
  return out;
}

/**
 * Resolution of an accepted package: each agreed island's share is signed if it can be (its parts
 * clear of clashes, the power's money enough), and is void with its reason if not. A package that
 * binds only if all sign is void as a whole if any share is.
 */
export function resolvePackage(g: GameState, offer: Offer, say: Say): void {
  const deal = offer.deal;
  if (deal.kind !== 'package') return;
  const audience = [...offer.seenBy];
  const name = packageText(g, deal);
  const signers = signersOf(g, offer);
  const voided: { island: IslandId; why: string }[] = [];
  const signing: IslandId[] = [];
  let money = own(g.powers, deal.power)?.treasury ?? 0;
  for (const island of signers) {
    const cost = shareCost(g, deal, island);
    const why = shareConflict(g, offer, deal, island) ?? (cost > money ? `${own(g.powers, deal.power)?.name} no longer has the ${formatMoney(cost)} it needs (money already spent).` : null);
    if (why) voided.push({ island, why });
    else {
      signing.push(island);
      money -= cost;
    }
  }
  const islandName = (i: IslandId) => own(g.islands, i)?.name ?? i;
  if (!signing.length || (deal.allMustSign && (voided.length || signers.length < deal.islands.length))) {
    offer.status = 'void';
    offer.reason = voided[0]?.why ?? 'no island has signed it.';
    say(`${name} is void: ${voided.length ? voided.map((v) => `${islandName(v.island)}: ${v.why}`).join(' ') : offer.reason}`, audience, [offer.id]);
    return;
  }
  offer.status = 'signed';
  for (const v of voided) say(`${name} is void for ${islandName(v.island)}: ${v.why}`, audience, [offer.id]);
  const refused = deal.islands.filter((i) => !signing.includes(i) && !voided.some((v) => v.island === i));
  // Who signed is public, as every signed agreement is; who was offered it and said no stays with those who saw the offer.
  say(`Package signed by ${signing.map(islandName).join(', ')}: ${packageText(g, deal, false)}.`, 'all', [offer.id]);
  if (refused.length) say(`${name}: not signed by ${refused.map(islandName).join(', ')}.`, audience, [offer.id]);
  signPackage(g, offer, say, signing);
}
