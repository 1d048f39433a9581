import { z } from 'zod';
import type { Action, Deal, Order, Refusal } from './types';
import { injectActionSchema, messageActionSchema, overrideActionSchema } from './facilitator';
import { AID_PURPOSES, CLAUSE_KINDS, COLLATERALS, DIPLOMATIC_ACTS, INITIATIVES, PACT_TYPES, POWERS, SCRIPTED_FUNDERS, TELECOM_PROJECTS } from './types';

/**
 * The shape of every action, deal and order, checked strictly before any rule looks at it: an
 * action from a player, a bot, a record, a save or the network is untrusted data. Shapes only
 * here (types, known fields, whole money within bounds, lengths); what is legal in the game now
 * is the rules' business (validate.ts, deals.ts, orders.ts), with their own narrower bounds.
 */

/** Longest id accepted anywhere in an action (roles, offers, agreements, landings, vendors, debts, clauses). */
export const MAX_ID = 64;
/** Longest free text in an action (a reason, an explanation); the rules allow less (MAX_REASON, MAX_WHY). */
export const MAX_TEXT = 2000;
/** Largest sum of money an action can name, US$ thousands (US$10bn: no real deal comes near it). */
export const MAX_MONEY = 10_000_000;
/** Longest lists in an action: a cable's route, an offer's addressees, a deal's conditions, a pact's clauses. */
export const MAX_ROUTE = 32;
export const MAX_ADDRESSEES = 32;
export const MAX_CONDITIONS = 8;
export const MAX_CLAUSES = 8;

const id = z.string().min(1).max(MAX_ID);
const text = z.string().max(MAX_TEXT);
const power = z.enum(POWERS);
const money = z.number().int().min(0).max(MAX_MONEY);
/** A whole number with room on both sides of what the rules allow, so that the rules say what is wrong. */
const count = z.number().int().min(0).max(1000);

export const financingSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('grant'), by: power }),
  z.strictObject({ kind: z.literal('loan'), by: power, ratePct: count, years: count, graceYears: count, collateral: z.enum(COLLATERALS).optional() }),
]);

export const conditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('noVendor'), vendor: id }),
  z.strictObject({ kind: z.literal('noPact'), power }),
]);

export const clauseSchema = z.strictObject({ kind: z.enum(CLAUSE_KINDS), secret: z.boolean() });

const conditions = z.array(conditionSchema).max(MAX_CONDITIONS).optional();

/** A co-funder of a deal (joint funding): who, its share of the price in percent, and its own grant or loan terms. */
const funder = z.enum([...POWERS, ...SCRIPTED_FUNDERS]);
export const cofunderSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('grant'), by: funder, sharePct: count }),
  z.strictObject({ kind: z.literal('loan'), by: funder, sharePct: count, ratePct: count, years: count, graceYears: count, collateral: z.enum(COLLATERALS).optional() }),
]);
export const MAX_COFUNDERS_LISTED = 8;
const cofunders = z.array(cofunderSchema).max(MAX_COFUNDERS_LISTED).optional();

export const cableDealSchema = z.strictObject({
  kind: z.literal('cable'),
  route: z.array(id).max(MAX_ROUTE),
  vendor: id,
  financing: financingSchema,
  buildMonths: count,
  stationOperator: z.enum(['island', 'vendor']),
  dataAccess: z.boolean(),
  exclusivity: z.boolean(),
  islandSharePct: count.optional(),
  conditions,
  cofunders,
});
export const aidDealSchema = z.strictObject({ kind: z.literal('aid'), island: id, amount: money, financing: financingSchema, purpose: z.enum(AID_PURPOSES).optional(), conditions, cofunders });
export const telecomDealSchema = z.strictObject({ kind: z.literal('telecom'), island: id, project: z.enum(TELECOM_PROJECTS), vendor: id, amount: money, financing: financingSchema, conditions, cofunders });
export const diplomaticDealSchema = z.strictObject({ kind: z.literal('diplomatic'), island: id, power, act: z.enum(DIPLOMATIC_ACTS) });
export const pactDealSchema = z.strictObject({ kind: z.literal('pact'), island: id, power, pact: z.enum(PACT_TYPES), clauses: z.array(clauseSchema).max(MAX_CLAUSES) });

/** Longest list of parts in a package. */
export const MAX_PARTS = 8;
/** A package's part: any island-bound deal, without its island (each island that signs fills it in). */
export const packagePartSchema = z.discriminatedUnion('kind', [
  aidDealSchema.omit({ island: true }),
  telecomDealSchema.omit({ island: true }),
  diplomaticDealSchema.omit({ island: true }),
  pactDealSchema.omit({ island: true }),
]);
export const packageDealSchema = z.strictObject({
  kind: z.literal('package'),
  power,
  islands: z.array(id).max(MAX_ADDRESSEES),
  parts: z.array(packagePartSchema).max(MAX_PARTS),
  allMustSign: z.boolean(),
});

export const dealSchema = z.discriminatedUnion('kind', [cableDealSchema, aidDealSchema, telecomDealSchema, diplomaticDealSchema, pactDealSchema, packageDealSchema]);

const order = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) => z.strictObject({ kind: z.literal(kind), amount: money, ...shape });
export const orderSchema = z.discriminatedUnion('kind', [
  order('campaign', { island: id }),
  order('intrusion', { island: id }),
  order('leakDraft', { clause: id }),
  order('vendorPressure', { island: id, vendor: id }),
  order('buildCert', {}),
  order('repay', { debt: id }),
  order('crackdown', {}),
  order('delayElection', {}),
  order('holdElection', {}),
  order('diversifyVendors', {}),
  order('callForum', { initiative: z.enum(INITIATIVES).optional(), power: power.optional() }),
  order('renegotiateDebt', { debt: id }),
]);

/** Longest list of co-signers of an action (subroles.ts). */
export const MAX_COSIGNERS = 8;
const action = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), role: id, why: text.optional(), by: id.optional(), cosigned: z.array(id).max(MAX_COSIGNERS).optional(), ...shape });
export const actionSchema = z.discriminatedUnion('type', [
  action('offer', { to: z.array(id).max(MAX_ADDRESSEES), deal: dealSchema, amends: id.optional() }),
  action('accept', { offer: id }),
  action('reject', { offer: id, reason: text }),
  action('counter', { offer: id, deal: dealSchema }),
  action('withdraw', { offer: id }),
  action('cancel', { agreement: id, reason: text }),
  action('order', { order: orderSchema }),
  action('endPhase', {}),
  action('endorse', { initiative: id }),
  action('oppose', { initiative: id }),
  injectActionSchema,
  messageActionSchema,
  overrideActionSchema,
]);

// The schemas and the engine's types must describe the same data.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const dealsMatch: Same<z.output<typeof dealSchema>, Deal> = true;
const ordersMatch: Same<z.output<typeof orderSchema>, Order> = true;
const actionsMatch: Same<z.output<typeof actionSchema>, Action> = true;
void [dealsMatch, ordersMatch, actionsMatch];

/** "deal.route[1]": a path as the refusals name fields. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out;
}

/** A value shown back in a message, cut short: it may be anything a hostile sender chose. */
export const shown = (v: string): string => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

const LIMITS: Partial<Record<string, string>> = { string: 'characters', array: 'entries', number: '' };

/** The first problem zod found, as a refusal naming the field. */
export function refusalOf(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): Refusal {
  const path = [...prefix, ...issue.path];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      return { code: 'malformed', field: fieldPath([...path, key]), message: `${shown(key)} is not a field of ${fieldPath(path) || 'an action'}.` };
    }
    case 'invalid_union': {
      const field = fieldPath(issue.discriminator && issue.path.at(-1) !== issue.discriminator ? [...path, issue.discriminator] : path);
      const options = (issue as { options?: unknown[] }).options;
      return { code: 'malformed', field, message: options?.length ? `${field} is one of: ${options.join(', ')}.` : `${field || 'The action'} has an unknown kind.` };
    }
    case 'invalid_value':
      return { code: 'illegalTerms', field: fieldPath(path), message: `${fieldPath(path)} is one of: ${issue.values.map(String).join(', ')}.` };
    case 'too_big':
    case 'too_small': {
      const field = fieldPath(path);
      const bound = issue.code === 'too_big' ? `at most ${String(issue.maximum)}` : `at least ${String(issue.minimum)}`;
      const unit = LIMITS[issue.origin] ?? '';
      return { code: issue.origin === 'number' ? 'illegalTerms' : 'malformed', field, message: `${field} must be ${bound}${unit ? ` ${unit}` : ''}.` };
    }
    case 'invalid_type': {
      const field = fieldPath(path) || 'action';
      const expected = issue.expected === 'int' ? 'a whole number' : issue.expected === 'number' ? 'a finite number' : `a ${issue.expected}`;
      return { code: 'malformed', field, message: `${field} must be ${expected}.` };
    }
    default:
      return { code: 'malformed', field: fieldPath(path), message: `${fieldPath(path) || 'The action'} is not well formed.` };
  }
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

function parseWith<T>(schema: z.ZodType<T>, data: unknown, prefix: readonly PropertyKey[]): Parsed<T> {
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(data);
  } catch {
    // A getter that throws, a proxy, a cycle: not data at all.
    return { ok: false, refusal: { code: 'malformed', field: fieldPath(prefix), message: 'That is not plain data.' } };
  }
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, refusal: issue ? refusalOf(issue, prefix) : { code: 'malformed', field: fieldPath(prefix), message: 'Not well formed.' } };
}

/**
 * An action from outside, checked for shape: the same check validate() makes first, for
 * importers of records and saves and for the server to use before anything else.
 */
export const parseAction = (data: unknown): Parsed<Action> => parseWith(actionSchema, data, []);
/** A deal checked for shape, its fields named from `deal` (a scenario's tabled offers). */
export const parseDeal = (data: unknown): Parsed<Deal> => parseWith(dealSchema, data, ['deal']);
