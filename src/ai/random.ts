import seedrandom from 'seedrandom';
import { legalActions, partiesOf, type Action, type ActionTemplate, type Agreement, type Deal, type Domain, type Offer } from '../engine';
import type { Policy } from './simple';

type Rand = () => number;

function sample(d: Domain, r: Rand): unknown {
  switch (d.kind) {
    case 'oneOf':
      return d.values[Math.floor(r() * d.values.length)];
    case 'int': {
      // Favour small amounts so random offers are often affordable.
      const span = d.max - d.min;
      return d.min + Math.floor(span * r() ** 3);
    }
    case 'bool':
      return r() < 0.5;
    case 'text':
      return 'Not on these terms.';
    case 'someOf': {
      const pool = [...d.values];
      const n = Math.min(pool.length, d.min + Math.floor(r() * (Math.min(d.max, d.min + 3) - d.min + 1)));
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0] as string);
      return out;
    }
  }
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
  cur[keys[keys.length - 1] as string] = value;
}

/** Fill a template with random values from its domains: a random legal move, most of the time. */
export function fillTemplate(t: ActionTemplate, role: string, r: Rand, offers: Offer[], agreements: Agreement[] = []): Action {
  const a: Record<string, unknown> = { type: t.type, role };
  if (t.offer) a.offer = t.offer;
  if (t.agreement) a.agreement = t.agreement;
  if (t.amends) a.amends = t.amends;
  for (const [path, domain] of Object.entries(t.params)) {
    if (path === 'deal.clauses[].secret') continue;
    setPath(a, path, sample(domain, r));
  }
  if (t.type === 'offer' || t.type === 'counter') {
    const deal = (a.deal ??= {}) as Record<string, unknown>;
    const base = t.type === 'counter' ? offers.find((o) => o.id === t.offer)?.deal : t.amends ? agreements.find((x) => x.id === t.amends)?.deal : undefined;
    if (base) Object.assign(deal, structuredClone(base));
    else deal.kind = t.dealKind;
    if (deal.kind === 'pact' && Array.isArray(deal.clauses) && typeof deal.clauses[0] === 'string')
      deal.clauses = (deal.clauses as string[]).map((kind) => ({ kind, secret: r() < 0.5 }));
    if (deal.kind === 'aid' && typeof deal.island !== 'string') deal.island = role;
    // A grant has no loan terms: the engine refuses a grant that names a rate or a term.
    const financing = deal.financing as Record<string, unknown> | undefined;
    if (financing?.kind === 'grant') for (const k of ['ratePct', 'years', 'graceYears', 'collateral']) delete financing[k];
  }
  return a as unknown as Action;
}

/** Random legal play: the yardstick the bots must beat. */
export const randomPolicy: Policy = (v, role, ctx) => {
  const r: Rand = seedrandom(`${ctx.seed}|random|${role}|${v.round}|${v.phase}|${ctx.pass}`);
  const templates = legalActions(v, role).filter((t) => t.type !== 'endPhase');
  if (templates.length === 0 || r() < 0.3) return [];
  const t = templates[Math.floor(r() * templates.length)] as ActionTemplate;
  const action = fillTemplate(t, role, r, v.offers, v.agreements);
  if (action.type === 'offer' && action.amends && action.deal.kind === 'pact') {
    // A renegotiation changes the clauses: drop one or add one.
    const kinds = ['unrestDeployment', 'incidentAccess', 'shipVisits', 'noThirdParty'] as const;
    const missing = kinds.filter((k) => !(action.deal.kind === 'pact' && action.deal.clauses.some((c) => c.kind === k)));
    const clauses = action.deal.clauses.slice(0, r() < 0.5 ? -1 : undefined);
    if (missing.length && r() < 0.5) clauses.push({ kind: missing[Math.floor(r() * missing.length)]!, secret: r() < 0.5 });
    action.deal = { ...action.deal, clauses };
  }
  if (action.type === 'offer') {
    // Address the offer to exactly the parties its deal binds.
    const parties = partiesOf(v, action.deal as Deal);
    action.to = parties.filter((p) => p !== role);
  }
  return [action];
};
