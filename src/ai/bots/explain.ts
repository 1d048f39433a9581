import { AID_PURPOSE_NAMES, CLAUSE_NAMES, formatMoney, funderName, fundersText, possessive, type Deal, type Financing, type GameView, type Order, type PowerId, type RoleId } from '../../engine';
import { MAX_REASON, MAX_WHY } from './engine-api';

/**
 * The one-line reasons bots give: concrete terms (amount, island, rival, clause) and the goal they
 * serve, built only from the bot's own view.
 */

export const nameOf = (v: Pick<GameView, 'islands' | 'powers'>, role: RoleId): string => v.islands[role]?.name ?? v.powers[role as PowerId]?.name ?? role;


const PROJECTS: Record<string, string> = {
  towers: 'mobile towers',
  carrier: 'the national carrier',
  dataCentre: 'a national data centre',
  eGovernment: 'e-government software',
  safeCity: 'a "safe city" system',
};

/** A project after a possessive: "Tonga's national data centre", not "Tonga's a national data centre". */
const projectAfterPossessive = (project: string): string => (PROJECTS[project] ?? project).replace(/^(a|the) /, '');


const article = (words: string): string => (/^[aeiou]/i.test(words) ? 'an' : 'a');


export const financingText = (f: Financing): string =>
  f.kind === 'grant' ? 'grant' : `loan at ${f.ratePct}% over ${f.years} years${f.collateral && f.collateral !== 'none' ? ` against the ${f.collateral}` : ''}`;

/**
 * Who funds a deal jointly, in few words: "loans at 2%: Beijing 15%, China Exim Bank 85%" when all
 * lend or give on the same terms (the usual case), else each funder with its terms.
 */
function jointText(v: Pick<GameView, 'islands' | 'powers' | 'vendors' | 'landings'>, deal: Deal): string {
  if ((deal.kind !== 'cable' && deal.kind !== 'aid' && deal.kind !== 'telecom') || !deal.cofunders?.length) return '';
  const terms = (t: { kind: string; ratePct?: number }) => (t.kind === 'grant' ? 'grants' : `loans at ${t.ratePct ?? 0}%`);
  const all = [deal.financing, ...deal.cofunders];
  if ((deal.kind === 'cable' && deal.islandSharePct) || new Set(all.map(terms)).size > 1) return `funded jointly: ${fundersText(v, deal)}`;
  const lead = 100 - deal.cofunders.reduce((s, c) => s + c.sharePct, 0);
  return `${terms(deal.financing)}: ${[`${funderName(v, deal.financing.by)} ${lead}%`, ...deal.cofunders.map((c) => `${funderName(v, c.by)} ${c.sharePct}%`)].join(', ')}`;
}

/** A deal in a few words, with its article: "a $25m grant of budget support", "a policing pact with a secret unrestDeployment clause". */
export function dealText(v: Pick<GameView, 'islands' | 'powers' | 'vendors' | 'landings'>, deal: Deal, withIsland = false): string {
  const of = withIsland && 'island' in deal ? ` for ${nameOf(v, deal.island)}` : '';
  switch (deal.kind) {
    case 'aid':
      return `a ${formatMoney(deal.amount)} ${financingText(deal.financing)} of ${AID_PURPOSE_NAMES[deal.purpose ?? 'budget']}${of}`;
    case 'telecom': {
      const project = withIsland ? `${possessive(nameOf(v, deal.island))} ${projectAfterPossessive(deal.project)}` : (PROJECTS[deal.project] ?? deal.project);
      return `a ${formatMoney(deal.amount)} ${financingText(deal.financing)} for ${project} by ${v.vendors[deal.vendor]?.name ?? deal.vendor}`;
    }
    case 'cable': {
      const ends = [deal.route[0], deal.route[deal.route.length - 1]].map((l) => v.landings[l ?? '']?.name ?? l).join('-');
      const terms = [
        deal.dataAccess ? 'a data-access clause' : '',
        deal.stationOperator === 'vendor' ? 'vendor-run landing stations' : '',
        deal.exclusivity ? 'exclusive landing rights' : '',
        deal.islandSharePct ? `the islands paying ${deal.islandSharePct}%` : '',
      ].filter(Boolean);
      const joint = jointText(v, deal);
      return `a ${ends} cable by ${v.vendors[deal.vendor]?.name ?? deal.vendor} (${joint || financingText(deal.financing)}${terms.length ? `; ${terms.join(', ')}` : ''})`;
    }
    case 'pact': {
      const cl = deal.clauses.map((c) => `${c.secret ? 'secret ' : ''}${CLAUSE_NAMES[c.kind]}`);
      const first = cl[0] ?? '';
      return `a ${deal.pact} pact${cl.length ? ` with ${cl.length === 1 ? `${article(first)} ` : ''}${cl.join(' and ')} clause${cl.length > 1 ? 's' : ''}` : ''}${of}`;
    }
    case 'diplomatic':
      return deal.act === 'switchRecognition'
        ? `${withIsland ? `${possessive(nameOf(v, deal.island))} ` : 'a '}switch of recognition to Beijing`
        : `${withIsland ? `${nameOf(v, deal.island)} ` : ''}joining ${deal.power === 'beijing' ? "Beijing's data-security initiative" : 'the trusted-network programme'}`;
    case 'package': {
      // Each part named as the same deal alone would be.
      const parts = deal.parts.map((p) => dealText(v, { ...p, island: deal.islands[0] ?? '' } as Exclude<Deal, { kind: 'package' }>));
      const to = withIsland ? ` for ${deal.islands.length === 1 ? nameOf(v, deal.islands[0] ?? '') : `${deal.islands.length} islands`}` : '';
      return `a package${to} of ${parts.join(', ')}`;
    }
  }
}

const ISLAND_GOALS: Record<string, string> = {
  development: 'to connect the country and grow its economy',
  sovereignty: 'to keep control of its networks and seas',
  survival: "to shore up the government's hold",
  resilience: 'to make its links and systems resilient',
  balance: 'to stay friends to all',
  solvency: 'to keep its debt in check',
};

const ISLAND_COSTS: Record<string, string> = {
  development: 'it would set back development',
  sovereignty: 'it would cost us control of our networks',
  survival: 'it would weaken the government',
  resilience: 'it would leave us less resilient',
  balance: 'it would tie us too closely to one partner',
  solvency: 'the debt would be too heavy',
};

export function goalText(v: Pick<GameView, 'islands' | 'powers'>, role: RoleId, part: string | null, island?: string): string {
  if (v.islands[role]) return ISLAND_GOALS[part ?? ''] ?? 'for the country';
  const where = island ? ` in ${nameOf(v, island)}` : '';
  switch (part) {
    case 'influence':
      return `to build influence${where}`;
    case 'access':
      return `for access${where}`;
    case 'vendorShare':
      return role === 'beijing' ? "to put its own vendors' kit in the network" : 'to keep the networks on trusted vendors';
    case 'reputation':
      return 'to protect its reputation';
    case 'denial':
      return 'to keep rivals out';
    default:
      return 'for its standing in the region';
  }
}

export const costText = (v: Pick<GameView, 'islands'>, role: RoleId, part: string | null): string =>
  v.islands[role] ? (ISLAND_COSTS[part ?? ''] ?? 'the terms do not serve us') : ({ influence: 'it would cost us influence', access: 'it buys us too little access', vendorShare: 'it would put the wrong vendors in the network', reputation: 'it would cost us reputation', denial: 'it would open the door to rivals' }[part ?? ''] ?? 'these terms do not serve our interests');

/** A debt by its creditor: "its debt to Beijing" (the id if the view does not hold it). */
const debtText = (v: Partial<Pick<GameView, 'debts' | 'powers' | 'islands'>>, id: string): string => {
  const d = v.debts?.find((x) => x.id === id);
  return d && v.powers && v.islands ? `its debt to ${nameOf({ powers: v.powers, islands: v.islands }, d.creditor)}` : `debt ${id}`;
};

export function orderText(v: Pick<GameView, 'islands' | 'powers' | 'vendors'> & Partial<Pick<GameView, 'debts'>>, order: Order): string {
  const m = formatMoney(order.amount);
  switch (order.kind) {
    case 'campaign':
      return `a ${m} influence campaign in ${nameOf(v, order.island)}`;
    case 'intrusion':
      return `a ${m} cyber intrusion into ${possessive(nameOf(v, order.island))} networks`;
    case 'leakDraft':
      return `leaking secret clause ${order.clause}`;
    case 'vendorPressure':
      return `a warning to ${nameOf(v, order.island)} against ${v.vendors[order.vendor]?.name ?? order.vendor}`;
    case 'buildCert':
      return `${m} for its computer emergency response team`;
    case 'repay':
      return `repaying ${m} of ${debtText(v, order.debt)}`;
    case 'crackdown':
      return 'a crackdown on protest';
    case 'delayElection':
      return 'delaying the election';
    case 'holdElection':
      return 'an early election';
    case 'diversifyVendors':
      return `${m} to diversify its network vendors`;
    case 'callForum':
      return `a Pacific Islands Forum meeting for next round (${m})`;
    case 'renegotiateDebt':
      return `rescheduling ${debtText(v, order.debt)}`;
  }
}

/** An offer as its addressees know it: "Beijing's offer of a $66m loan …", "Solomon Islands' request for …". */
export function offerText(v: Pick<GameView, 'islands' | 'powers' | 'vendors' | 'landings'>, o: { from: RoleId; deal: Deal }, withIsland = false): string {
  const request = Boolean(v.islands[o.from]);
  return `${possessive(nameOf(v, o.from))} ${request ? 'request for' : 'offer of'} ${dealText(v, o.deal, withIsland)}`;
}

/** Keep an explanation within the engine's limit. */
export const clip = (text: string, max = MAX_WHY): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
export const clipReason = (text: string): string => clip(text, MAX_REASON);
