import { formatMoney, type GameView, type Phase, type RoleId } from '../engine';
import { CAMPAIGN_DETECTION } from '../engine/orders';
import { HIDDEN_ID } from '../engine/ids';
import { possessive } from '../engine/util';

/**
 * The game's own words for ids and parameters, so that every label a player reads is plain
 * English. Unknown ids (a deal kind or order the engine adds later) fall back to a readable
 * version of the id itself, so new content shows up without changes here.
 */

/** "graceYears" → "Grace years", "data-centre" → "Data centre". */
export function humanize(id: string): string {
  const words = id
    .replace(/\[\]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Names = Pick<GameView, 'islands' | 'powers'>;

export function roleName(v: Names, role: RoleId | 'world' | 'other'): string {
  if (role === 'world') return 'the world';
  if (role === 'other') return 'others';
  return v.islands[role]?.name ?? v.powers[role as keyof GameView['powers']]?.name ?? humanize(role);
}

export const PHASE_LABELS: Record<Phase, string> = {
  briefing: 'Briefing',
  negotiation: 'Negotiation',
  decisions: 'Decisions',
  resolution: 'Resolution',
  domestic: 'Domestic',
  over: 'Game over',
};

export const PHASE_HELP: Record<Phase, string> = {
  briefing: 'Events and intelligence reports.',
  negotiation: 'Send offers and answer the ones you received.',
  decisions: 'Give sealed orders: nobody sees them until resolution.',
  resolution: 'Deals are signed, orders carried out, cables built.',
  domestic: 'Revenue, elections and scores.',
  over: 'The game has ended.',
};

export const phaseLabel = (p: string): string => PHASE_LABELS[p as Phase] ?? humanize(p);

const DEAL_KINDS: Record<string, string> = {
  cable: 'Cable',
  aid: 'Aid',
  pact: 'Security pact',
  telecom: 'Telecom',
  diplomatic: 'Diplomatic',
};
export const dealKindLabel = (k: string): string => DEAL_KINDS[k] ?? humanize(k);

const ORDER_KINDS: Record<string, string> = {
  campaign: 'Influence campaign',
  intrusion: 'Cyber intrusion',
  leakDraft: "Leak a rival's draft",
  vendorPressure: 'Vendor pressure',
  buildCert: 'Fund the CERT (cyber response team)',
  repay: 'Repay a debt early',
  crackdown: 'Crackdown',
  delayElection: 'Delay the election',
  holdElection: 'Call an election',
  diversifyVendors: 'Diversify vendors',
  callForum: 'Call a Pacific Islands Forum meeting',
  renegotiateDebt: 'Renegotiate a debt',
};
export const orderKindLabel = (k: string): string => ORDER_KINDS[k] ?? humanize(k);

const ACTION_VERBS: Record<string, string> = {
  offer: 'Send offer',
  counter: 'Send counter-offer',
  order: 'Give order',
  accept: 'Accept',
  reject: 'Reject',
  withdraw: 'Withdraw',
  cancel: 'Cancel agreement',
  endPhase: 'End phase',
  endorse: 'Endorse',
  oppose: 'Reject',
};
export const actionVerb = (t: string): string => ACTION_VERBS[t] ?? humanize(t);

/** Labels for action parameters, by their path in the action. */
const PARAMS: Record<string, string> = {
  to: 'Send to',
  reason: 'Reason',
  'deal.route': 'Route: landing points in the order the cable runs',
  'deal.vendor': 'Vendor',
  'deal.financing.by': 'Paid by',
  'deal.financing.kind': 'Financing',
  'deal.financing.ratePct': 'Interest rate (% a year)',
  'deal.financing.years': 'Loan term (years)',
  'deal.financing.graceYears': 'Grace period (years before repayments start)',
  'deal.financing.collateral': 'Collateral (taken by the lender if the loan defaults)',
  'deal.buildMonths': 'Build time (months)',
  'deal.stationOperator': 'Landing stations run by',
  'deal.dataAccess': "Data access: the vendor's government may read traffic at the landing station",
  'deal.exclusivity': 'Exclusive: no other cable from another funder may land while this deal stands',
  'deal.islandSharePct': "Islands' share of the price (%)",
  'deal.amount': 'Amount',
  'deal.island': 'Island',
  'deal.power': 'Partner power',
  'deal.pact': 'Kind of pact',
  'deal.clauses': 'Clauses',
  'deal.clauses[].secret': 'Secret',
  'deal.purpose': 'Purpose',
  'deal.project': 'Project',
  'deal.act': 'Act',
  'deal.conditions': 'Conditions',
  'order.island': 'Island',
  'order.amount': 'Amount to spend',
  'order.debt': 'Debt',
  'order.vendor': 'Vendor',
  'order.clause': 'Clause',
  'order.initiative': 'What the Forum is asked to endorse',
  'order.power': 'The power it names (for policing or a statement on conduct)',
};
export function paramLabel(path: string): string {
  return PARAMS[path] ?? humanize(path.split('.').pop() ?? path);
}

/** Short explanations for words a 15-year-old may not know. */
const HELP: Record<string, string> = {
  'deal.financing.kind': 'A grant is a gift; a loan must be repaid with interest.',
  'deal.dataAccess': 'Intelligence for the vendor’s government: it sees the island’s offers and secret clauses.',
  'deal.clauses': 'Secret clauses are seen only by the parties, until a leak or intelligence reveals them.',
  'deal.route': 'A cable raises the connectivity of every island it lands on. Price = length × the vendor’s price per km + each landing station.',
  'deal.stationOperator': 'Whoever runs the landing station controls the traffic that comes ashore.',
  'order.amount': 'Orders are sealed: nobody sees them until resolution.',
};
export const paramHelp = (path: string): string | undefined => HELP[path];

const VALUES: Record<string, string> = {
  grant: 'Grant',
  loan: 'Loan',
  policing: 'Policing',
  cyber: 'Cybersecurity',
  port: 'Port access',
  naval: 'Naval access',
  base: 'Military base',
  unrestDeployment: 'Unrest: foreign police or forces may deploy during unrest',
  incidentAccess: 'Incident access: the partner sees cyber incident reports',
  shipVisits: 'Ship visits: the partner’s ships may call at the port',
  noThirdParty: 'No third party: no security pact with any other power',
  budget: 'Budget support',
  relief: 'Disaster relief',
  infrastructure: 'Infrastructure',
  banking: 'Banking services (an island losing its last bank)',
  towers: 'Mobile towers',
  carrier: 'Buy the phone carrier',
  dataCentre: 'Data centre',
  eGovernment: 'E-government software',
  safeCity: '“Safe city” surveillance',
  switchRecognition: 'Switch recognition from Taipei to Beijing',
  joinBloc: 'Join the partner’s programme',
  none: 'None',
  conduct: 'A statement on a power’s conduct',
  sovereignty: 'A common word on sovereignty over networks and seas',
};

/** A value of a parameter as a player reads it: role, landing point and vendor ids become names. */
export function valueLabel(v: Pick<GameView, 'islands' | 'powers' | 'landings' | 'vendors' | 'debts'> & Partial<Pick<GameView, 'cables' | 'offers' | 'agreements'>>, path: string, value: string): string {
  if (path === 'to' || path.endsWith('.by') || path.endsWith('.island') || path.endsWith('.power')) return roleName(v, value);
  if (path.endsWith('stationOperator')) return value === 'island' ? 'The island government' : value === 'vendor' ? 'The vendor' : humanize(value);
  if (path.endsWith('.route') || path.endsWith('.landing')) {
    const l = v.landings[value];
    return l ? `${l.name} (${l.country})` : value;
  }
  if (path.endsWith('.vendor')) return v.vendors[value]?.name ?? value;
  if (path.endsWith('.debt')) {
    const d = v.debts.find((x) => x.id === value);
    if (!d) return value;
    const name = debtName({ cables: [], offers: [], agreements: [], ...v }, value);
    return `${name.charAt(0).toUpperCase()}${name.slice(1)}, ${moneyText(d.outstanding)} owed`;
  }
  if (VALUES[value]) return VALUES[value];
  // A parameter this table does not know: an id of something in the game still reads as its name.
  if (v.islands[value] || v.powers[value as keyof GameView['powers']]) return roleName(v, value);
  if (v.vendors[value]) return v.vendors[value].name;
  if (v.landings[value]) return v.landings[value].name;
  return humanize(value);
}

/** "2017-07" → "Jul 2017". */
export function dateLabel(ym: string): string {
  const [y, m] = ym.split('-').map(Number);
  if (!y || !m) return ym;
  return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1] ?? ''} ${y}`;
}

export const STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  accepted: 'Accepted, to be signed',
  rejected: 'Rejected',
  countered: 'Countered',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
  signed: 'Signed',
  void: 'Void',
  pending: 'Awaiting ratification',
  ratified: 'Ratified',
  refused: 'Refused by parliament',
  lapsed: 'Lapsed',
  adopted: 'Adopted',
  failed: 'Not adopted',
};
export const statusLabel = (s: string): string => STATUS_LABELS[s] ?? humanize(s);

export const CABLE_STATUS_LABELS: Record<string, string> = {
  proposed: 'Proposed',
  building: 'Being built',
  active: 'In service',
  cut: 'Cut',
  repairing: 'Being repaired',
};

/**
 * Money as a player reads it, in the game's one unit (US$ millions): as exact as it was entered,
 * to the thousand ("$13.37m", "$0.5m", "$0m"), never in thousands.
 */
export function moneyText(thousands: number): string {
  if (!Number.isFinite(thousands)) return '—';
  const sign = thousands < 0 ? '-' : '';
  const m = Math.round(Math.abs(thousands)) / 1000;
  return `${sign}$${m >= 100 && Number.isInteger(m) ? m : Number(m.toFixed(3))}m`;
}

/** "1 cable", "2 cables"; "1 island government", "3 island governments". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Text from the engine with its money in thousands ("$0k", "$500k") written in millions. */
export function millionsInText(text: string): string {
  return text.replace(/(-?)\$(\d+)k\b/g, (_, sign: string, k: string) => `${sign}${moneyText(Number(k))}`);
}

type Named = Pick<GameView, 'islands' | 'powers' | 'landings' | 'vendors' | 'debts' | 'cables' | 'offers' | 'agreements'>;

/** "Kumul" → "Kumul cable"; "Kumul domestic cable" and "Solomon Islands cable (Huawei Marine)" stay as they are. */
const cableWords = (name: string): string => (/\bcable\b/i.test(name) ? name : `${name} cable`);

const DIPLOMATIC_WORDS: Record<string, string> = { switchRecognition: 'switch of recognition', joinBloc: 'programme membership' };

/** Deal words that name the deal by themselves ("policing pact", "Kumul cable", "switch of recognition"): no "agreement" or "deal" after them. */
const namesItself = (words: string): boolean => /\b(pact|cable|recognition)$/.test(words);

/** A deal's kind and size in a few words: "$120m aid", "Sydney – Honiara cable", "policing pact". */
function dealWords(v: Named, deal: Record<string, unknown>): string {
  const kind = String(deal.kind ?? '');
  const amount = typeof deal.amount === 'number' ? `${moneyText(deal.amount)} ` : '';
  if (kind === 'cable' && Array.isArray(deal.route)) return `${(deal.route as string[]).map((id) => v.landings[id]?.name ?? id).join('–')} cable`;
  if (kind === 'aid') return `${amount}aid`;
  if (kind === 'telecom') return `${amount}${(VALUES[String(deal.project)] ?? humanize(String(deal.project))).toLowerCase()}`;
  if (kind === 'pact') return `${(VALUES[String(deal.pact)] ?? humanize(String(deal.pact))).toLowerCase()} pact`;
  if (kind === 'diplomatic') return typeof deal.act === 'string' && Object.hasOwn(DIPLOMATIC_WORDS, deal.act) ? (DIPLOMATIC_WORDS[deal.act] ?? 'diplomatic') : 'diplomatic';
  if (kind === 'package') return 'package';
  return dealKindLabel(kind).toLowerCase();
}

/** An offer by its name: "Canberra's $120m aid offer to Papua New Guinea". */
export function offerName(v: Named, id: string): string {
  const o = v.offers.find((x) => x.id === id);
  if (!o) return 'an offer';
  const words = dealWords(v, o.deal as unknown as Record<string, unknown>);
  // A package to many islands is named by how many it went to, not by a list of ten names.
  if (o.deal.kind === 'package' && o.deal.islands.length > 2) return `${possessive(roleName(v, o.from))} package offer to ${o.deal.islands.length} islands`;
  return `${possessive(roleName(v, o.from))} ${words}${namesItself(words) ? '' : ' deal'} offer to ${o.to.map((r) => roleName(v, r)).join(' and ')}`.replace(' deal offer', ' offer');
}

/**
 * An agreement by its name: "the $120m aid agreement between Canberra and Papua New Guinea"; a pact
 * or a cable is named by itself ("the policing pact between Beijing and Solomon Islands").
 */
export function agreementName(v: Named, id: string): string {
  const a = v.agreements.find((x) => x.id === id);
  if (!a) return 'an agreement';
  const cable = v.cables.find((c) => (c as { agreement?: string | null }).agreement === id);
  const words = cable ? cableWords(cable.name) : dealWords(v, a.deal as unknown as Record<string, unknown>);
  const names = a.parties.map((r) => roleName(v, r));
  const noun = cable || namesItself(words) ? '' : ' agreement';
  return `the ${words}${noun} between ${names.slice(0, -1).join(', ')}${names.length > 1 ? ' and ' : ''}${names[names.length - 1] ?? ''}`;
}

/** A debt by its name: "the Kumul cable loan from Beijing", "Papua New Guinea's $53m loan from Beijing". */
export function debtName(v: Named, id: string): string {
  const d = v.debts.find((x) => x.id === id);
  if (!d) return 'a debt';
  const from = roleName(v, d.creditor);
  const a = d.agreement ? v.agreements.find((x) => x.id === d.agreement) : undefined;
  const cableOf = d.agreement ? v.cables.find((c) => (c as { agreement?: string | null }).agreement === d.agreement) : undefined;
  if (cableOf) return `the ${cableWords(cableOf.name)} loan from ${from}`;
  if (a) return `the ${dealWords(v, a.deal as unknown as Record<string, unknown>)} loan from ${from}`;
  // A debt the scenario starts with: named after the cable or asset its id mentions, if any.
  const parts = id.toLowerCase().split(/[-_]/);
  const cable = v.cables.find((c) => parts.some((p) => p.length > 3 && c.name.toLowerCase().includes(p)));
  if (cable) return `the ${cableWords(cable.name)} loan from ${from}`;
  const project = Object.keys(VALUES).find((k) => parts.includes(k.toLowerCase()));
  if (project) return `the ${VALUES[project]?.toLowerCase()} loan from ${from}`;
  return `${possessive(roleName(v, d.debtor))} ${moneyText(d.principal)} loan from ${from}`;
}

/**
 * The engine's log and refusals name offers, agreements and debts by their ids ("Offer o14 is
 * void", "cancels agreement a9", "debt exim-kumul"): a player reads their names instead.
 */
export function namesForIds(v: Named, text: string): string {
  let out = millionsInText(text);
  out = out.replace(new RegExp(`\\b([Oo])ffer (o(?:\\d+|${HIDDEN_ID}))\\b`, 'g'), (_, o: string, id: string) => {
    const name = offerName(v, id);
    return o === 'O' ? name.charAt(0).toUpperCase() + name.slice(1) : name;
  });
  out = out.replace(/\b(the )?([Aa])greement (a\d+)\b/g, (_, _the: string | undefined, a: string, id: string) => {
    const name = agreementName(v, id);
    return a === 'A' ? name.charAt(0).toUpperCase() + name.slice(1) : name;
  });
  out = out.replace(/\bby (a\d+)\b/g, (_, id: string) => `by ${agreementName(v, id)}`);
  out = out.replace(/\b(?:of )?debt ([A-Za-z0-9][\w-]*)/g, (whole: string, id: string) => {
    if (!v.debts.some((d) => d.id === id)) return whole;
    return `${whole.startsWith('of ') ? 'of ' : ''}${debtName(v, id)}`;
  });
  for (const d of v.debts) if (d.id.includes('-')) out = out.split(d.id).join(debtName(v, d.id));
  // The news tags a player's explanation with its name; a computer player's already starts with it
  // ("Beijing: Beijing accepts …" reads "Beijing accepts …").
  return out.replace(/^([^:]{1,40}): \1\b/, '$1');
}

/** A computed sum (a treasury, a price) as the game writes money, in millions: "$66m", "$0.5m", "$0m". */
export const money = (thousands: number): string => millionsInText(formatMoney(thousands));

/**
 * What each sealed order does and how likely it is to come out, for the player about to give it
 * (the chances are the engine's own numbers).
 */
export const ORDER_HELP: Record<string, { does: string; exposure: string }> = {
  campaign: {
    does: 'Quietly funds friendly voices on the island: if unnoticed, your influence there rises (up to +10, more for more money) and it leans a little towards you.',
    exposure: `The island exposes it ${CAMPAIGN_DETECTION}% of the time: it then turns against you and your reputation falls.`,
  },
  intrusion: {
    does: 'Breaks into the government’s networks: if it works, you read the island’s offers and secret clauses for a few rounds.',
    exposure: 'Caught more often where the island’s cyber resilience is high, less often the more you spend (5–90%): caught, you lose reputation and the island’s goodwill.',
  },
  leakDraft: {
    does: 'Leaks a secret clause you know of: everyone sees it, and a secret pact costs its island legitimacy and its partner reputation.',
    exposure: 'The leak is traced to you 30% of the time, costing you reputation.',
  },
  vendorPressure: {
    does: 'Warns the island against a vendor for two rounds: deals with that vendor there look worse to it.',
    exposure: 'Open, not secret: the island resents it a little.',
  },
  buildCert: { does: 'Funds the island’s cyber response team: cyber resilience rises (up to +15).', exposure: 'Nothing to expose.' },
  repay: { does: 'Pays off part of a debt before it falls due: less interest later, less money now.', exposure: 'Nothing to expose. Keep enough for this round’s instalments, or the debt falls into arrears.' },
  renegotiateDebt: { does: 'Reschedules a debt in arrears: five more years to pay.', exposure: 'Nothing to expose.' },
  crackdown: { does: 'Calms unrest and steadies the government, at a cost to democracy.', exposure: 'Seen by all.' },
  delayElection: { does: 'Puts the election off a year: unrest and democracy suffer, and each delay costs more legitimacy.', exposure: 'Seen by all.' },
  holdElection: { does: 'Calls an early election at the end of this round.', exposure: 'Seen by all.' },
  diversifyVendors: { does: 'Brings in another network vendor: sovereignty and cyber resilience rise, each time by less.', exposure: 'Nothing to expose.' },
  callForum: { does: 'Calls a Pacific Islands Forum meeting for next round: every island endorses or rejects your initiative (a common word on sovereignty, a policing initiative a power backs, or a statement on a power’s conduct).', exposure: 'Nothing to expose.' },
};
