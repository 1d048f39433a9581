import { funderPays, partiesOf, validate, type Action, type ActionTemplate, type Deal, type GameState, type GameView, type Refusal, type RoleId } from '../engine';
import { buildAction, fieldForRefusal, isShown, type Draft, type Field } from './form';

/**
 * What a form may offer, asked of the engine: a template lists every value a parameter can take
 * in general, but some never pass for this role and these terms (Canberra cannot switch an
 * island's recognition to Beijing; Alcatel needs 18 months, not 15). Each choice is tried through
 * the engine's own validate() on the seat's view, and a value is left out when the engine refuses
 * the field itself (or a field the form cannot change). No rule is written here.
 */

/** The engine's verdict on an action, judged on what the seat can see. */
export function checkOnView(v: GameView, action: Action): Refusal | null {
  // A view is the state with what this seat may not see left out: validate only reads it.
  return validate(v as unknown as GameState, action);
}

/** The deal's parties other than the sender, or null when the deal is not complete enough. */
export function addresseesOf(v: GameView, role: RoleId, deal: Deal | undefined): RoleId[] | null {
  if (!deal) return null;
  try {
    return partiesOf(v, deal).filter((r) => r !== role);
  } catch {
    return null;
  }
}

/** A form's action with the addressees the deal needs, so that a probe is judged on its terms. */
function probeAction(template: ActionTemplate, role: RoleId, fields: Field[], draft: Draft, v: GameView): Action {
  const action = buildAction(template, role, fields, draft) as Action & { deal?: Deal; to?: string[] };
  if (template.type === 'offer' && action.deal) {
    const to = addresseesOf(v, role, action.deal);
    const fallback = v.seats.find((s) => s !== role);
    action.to = to && to.length ? to : fallback ? [fallback] : [];
  }
  return action;
}

/** Does the engine refuse the draft because of this field (or of a field fixed to one value)? */
function refusedFor(v: GameView, template: ActionTemplate, role: RoleId, fields: Field[], draft: Draft, path: string): boolean {
  const r = checkOnView(v, probeAction(template, role, fields, draft, v));
  if (!r || r.code === 'unaffordable') return false;
  const at = fieldForRefusal(fields, draft, r.field);
  if (at === path) return true;
  const fixed = fields.find((f) => f.path === at);
  return Boolean(fixed && fixed.domain.kind === 'oneOf' && fixed.domain.values.length === 1);
}

export interface Narrowed {
  /** Fields with their domains cut to what the engine accepts with the other current choices. */
  fields: Field[];
  /** The draft, with any choice the engine would refuse moved to the first it accepts. */
  draft: Draft;
}

/** Cap on values tried for one whole-number field (build months: 15 to 60). */
const MAX_INT_PROBES = 80;

/**
 * Narrow a form to the choices the engine accepts now. Values the player typed are kept (the hint
 * says the range, and the engine's refusal says the rest); choices and untouched numbers move to
 * the first value the engine accepts, so a form sent as it opens is always legal on those fields.
 */
export function narrow(v: GameView, template: ActionTemplate, role: RoleId, fields: Field[], draft: Draft, touched: ReadonlySet<string>): Narrowed {
  const out: Field[] = [];
  const next: Draft = { ...draft };
  const current = fields.map((f) => ({ ...f }));
  for (const f of current) {
    if (f.path === 'to' || !isShown(f, next)) {
      out.push(f);
      continue;
    }
    const d = f.domain;
    if (d.kind === 'oneOf' && d.values.length > 1) {
      const ok = d.values.filter((value) => !refusedFor(v, template, role, current, { ...next, [f.path]: value }, f.path));
      // If nothing passes, the refusal lies elsewhere (an unfinished route): keep every value.
      const values = ok.length ? ok : d.values;
      f.domain = { ...d, values };
      if (!values.includes(String(next[f.path]))) next[f.path] = values[0] ?? '';
    } else if (d.kind === 'int' && !f.money && d.max - d.min <= MAX_INT_PROBES) {
      const passes = (n: number) => !refusedFor(v, template, role, current, { ...next, [f.path]: n }, f.path);
      let lo = d.min;
      while (lo < d.max && !passes(lo)) lo++;
      let hi = d.max;
      while (hi > lo && !passes(hi)) hi--;
      if (lo <= hi && passes(lo)) {
        f.domain = { ...d, min: lo, max: hi };
        const n = next[f.path];
        if (!touched.has(f.path) && (typeof n !== 'number' || n < lo || n > hi)) next[f.path] = lo;
      }
    }
    out.push(f);
  }
  return { fields: out, draft: next };
}

/** Money a power has promised in offers of this round that may still be signed: what it pays for each. */
export function promised(v: GameView, role: RoleId): { total: number; offers: number } {
  let total = 0;
  let offers = 0;
  for (const o of v.offers) {
    if (o.round !== v.round || (o.status !== 'open' && o.status !== 'accepted')) continue;
    if (o.from !== role && !o.acceptedBy.includes(role)) continue;
    const cost = payerCost(v, o.deal, role);
    if (cost > 0) {
      total += cost;
      offers++;
    }
  }
  return { total, offers };
}

/** What a deal would take from a power's treasury: its price, less the islands' share of a cable. */
export function payerCost(v: Pick<GameView, 'landings' | 'vendors'>, deal: Deal, role: RoleId): number {
  const d = deal as Deal & { financing?: { by?: string } };
  if (d.financing?.by !== role) return 0;
  try {
    // The engine's own sum: the price less the islands' shares and the co-funders'.
    return Math.max(0, funderPays(v, deal));
  } catch {
    return 0;
  }
}
