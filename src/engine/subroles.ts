import type { Action, Deal, GameState, Refusal, RoleId, SubRole, SubRoleAct, SubRoles } from './types';
import { SUB_ROLE_ACTS } from './types';
import { own } from './util';

/**
 * Sub-roles and co-signing. A seat may be played by a team whose members each hold a sub-role
 * (an island's prime minister, minister of finance, minister of foreign affairs; a power's
 * minister and ambassador). A sub-role may take some acts alone, and some acts need another
 * sub-role's signature (finance signs loans, the prime minister signs pacts).
 *
 * A co-signed move is one action: `by` names the member's sub-role and `cosigned` the sub-roles
 * that signed it. An action without `by` is the seat's as a whole (a single player, a bot, a
 * deadline, every record made before sub-roles) and needs no signature; an action with `by` is
 * checked here by validate(), in play and on replay, so a record whose loan lacks the minister of
 * finance's signature is refused with that reason. The rules of the game are otherwise untouched.
 */

/** The sub-roles a team has when its scenario declares none. */
export const DEFAULT_SUB_ROLES: SubRoles = {
  island: [
    { id: 'prime-minister', title: 'prime minister', signs: ['pact', 'diplomatic', 'package'] },
    { id: 'finance', title: 'minister of finance', signs: ['loan'] },
    { id: 'foreign-affairs', title: 'minister of foreign affairs' },
  ],
  power: [
    { id: 'minister', title: 'minister', signs: ['pact', 'loan', 'cancel'] },
    { id: 'ambassador', title: 'ambassador', takes: ['cable', 'telecom', 'aid', 'pact', 'diplomatic', 'package', 'loan'] },
  ],
};

/** How the acts read in a sentence. */
export const SUB_ROLE_ACT_NAMES: Record<SubRoleAct, string> = {
  cable: 'a cable deal',
  telecom: 'a telecom deal',
  aid: 'an aid deal',
  pact: 'a security pact',
  diplomatic: 'a diplomatic act',
  package: 'a package',
  loan: 'a loan',
  order: 'a sealed order',
  cancel: 'a cancellation',
};

type Teams = Pick<GameState, 'islands'> & { subRoles?: SubRoles | undefined; teams?: GameState['teams'] };

/** Every sub-role a seat's team may have: the scenario's, or the default set. */
export function allSubRolesOf(g: Teams, role: RoleId): SubRole[] {
  const set = g.subRoles ?? DEFAULT_SUB_ROLES;
  return Object.hasOwn(g.islands, role) ? set.island : set.power;
}

/**
 * The sub-roles of a seat's team: those the facilitator gave it at set-up, or all of them. A
 * sub-role the team does not have signs nothing: a team of two without a minister of finance
 * takes loans on its prime minister's word.
 */
export function subRolesOf(g: Teams, role: RoleId): SubRole[] {
  const all = allSubRolesOf(g, role);
  const chosen = own(g.teams ?? {}, role);
  return chosen ? all.filter((s) => chosen.includes(s.id)) : all;
}

/** A sub-role's title with a capital, for a label. */
export const titleCase = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

function dealActs(deal: Deal): SubRoleAct[] {
  const acts = new Set<SubRoleAct>([deal.kind]);
  const lends = (d: { financing?: { kind: string }; cofunders?: { kind: string }[] | undefined }) =>
    d.financing?.kind === 'loan' || (d.cofunders ?? []).some((c) => c.kind === 'loan');
  if (deal.kind === 'package') {
    for (const p of deal.parts) {
      acts.add(p.kind);
      if ('financing' in p && lends(p)) acts.add('loan');
    }
  } else if ('financing' in deal && lends(deal)) acts.add('loan');
  return SUB_ROLE_ACTS.filter((a) => acts.has(a));
}

/** What an action counts as, for the sub-roles' rights: the deal it makes or accepts, an order, a cancellation; nothing for the rest. */
export function actsOf(g: Pick<GameState, 'offers'>, action: Action): SubRoleAct[] {
  switch (action.type) {
    case 'offer':
    case 'counter':
      return dealActs(action.deal);
    case 'accept': {
      const offer = g.offers.find((o) => o.id === action.offer);
      return offer ? dealActs(offer.deal) : [];
    }
    case 'order':
      return ['order'];
    case 'cancel':
      return ['cancel'];
    default:
      return [];
  }
}

/** The sub-roles whose signatures the action still lacks (none when it carries no `by`). */
export function missingSigners(g: Teams & Pick<GameState, 'offers'>, action: Action): SubRole[] {
  if (action.by === undefined || action.type === 'inject' || action.type === 'override' || action.type === 'message') return [];
  const team = subRolesOf(g, action.role);
  const signed = new Set(action.cosigned ?? []);
  const missing: SubRole[] = [];
  for (const act of actsOf(g, action))
    for (const s of team) if (s.id !== action.by && !signed.has(s.id) && (s.signs ?? []).includes(act) && !missing.includes(s)) missing.push(s);
  return missing;
}

/** "the prime minister's and the minister of finance's". */
export function signaturesText(signers: readonly SubRole[]): string {
  const names = signers.map((s) => `the ${s.title}'s`);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Null when the acting member's sub-role may take the action with the signatures it carries. */
export function signatureRefusal(g: Teams & Pick<GameState, 'offers'>, action: Action): Refusal | null {
  if (action.type === 'inject' || action.type === 'override' || action.type === 'message') return null;
  if (action.by === undefined) {
    if (action.cosigned !== undefined) return { code: 'malformed', field: 'cosigned', message: 'Co-signatures need the acting member\'s sub-role (`by`).' };
    return null;
  }
  const team = subRolesOf(g, action.role);
  const member = team.find((s) => s.id === action.by);
  if (!member) return { code: 'malformed', field: 'by', message: `"${action.by.slice(0, 40)}" is not a sub-role of this team (${team.map((s) => s.id).join(', ')}).` };
  const cosigned = action.cosigned ?? [];
  for (let i = 0; i < cosigned.length; i++) {
    const id = cosigned[i] ?? '';
    if (!team.some((s) => s.id === id)) return { code: 'malformed', field: `cosigned[${i}]`, message: `"${id.slice(0, 40)}" is not a sub-role of this team.` };
    if (id === action.by || cosigned.indexOf(id) !== i) return { code: 'malformed', field: `cosigned[${i}]`, message: 'Each co-signer is another member, once.' };
  }
  for (const act of actsOf(g, action))
    if (member.takes && !member.takes.includes(act)) {
      const who = team.filter((s) => !s.takes || s.takes.includes(act)).map((s) => `the ${s.title}`);
      return { code: 'needsSignature', field: 'by', message: `The ${member.title} may not make ${SUB_ROLE_ACT_NAMES[act]}${who.length ? `: that is for ${who.join(' or ')}` : ''}.` };
    }
  const missing = missingSigners(g, action);
  if (missing.length > 0) {
    const acts = actsOf(g, action).filter((a) => missing.some((s) => (s.signs ?? []).includes(a)));
    return { code: 'needsSignature', field: 'cosigned', message: `${titleCase(acts.map((a) => SUB_ROLE_ACT_NAMES[a]).join(' and '))} by the ${member.title} needs ${signaturesText(missing)} signature.` };
  }
  return null;
}
