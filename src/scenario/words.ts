import type { z } from 'zod';
import { CLAUSE_KINDS } from '../engine/types';
import { clauseSchema, conditionSchema, dealSchema, financingSchema } from '../engine/parse';
import { scenarioSchema } from './schema';
import { clip } from './load';

/**
 * Messages for the mistakes a teacher writing a scenario makes most, in the words of the file:
 * the field they wrote, what it should have been, and the field they probably meant.
 */

/** What the author wrote instead of a field's name, when the word is right but not the format's. */
const SYNONYMS: Record<string, string> = {
  price: 'amount',
  cost: 'amount',
  sum: 'amount',
  value: 'amount',
  money: 'amount',
  duration: 'buildMonths',
  months: 'buildMonths',
  buildTime: 'buildMonths',
  rate: 'ratePct',
  interest: 'ratePct',
  interestRate: 'ratePct',
  term: 'years',
  grace: 'graceYears',
  gracePeriod: 'graceYears',
  funder: 'by',
  lender: 'by',
  donor: 'by',
  from: 'by',
  type: 'kind',
  hidden: 'secret',
  operator: 'stationOperator',
  share: 'islandSharePct',
  landings: 'route',
  country: 'island',
  partner: 'power',
  clause: 'clauses',
  condition: 'conditions',
  security: 'collateral',
};

/** Things a teacher may reach for that the format does not have, with what to write instead. */
const NOT_IN_FORMAT: Record<string, string> = {
  parliament: 'a parliament belongs to an island (`islands[].parliament: {ratifies: [pact]}`), and a tabled offer can ask for ratification with `ratify: true`',
  ratification: 'ratification is set per deal with `ratify:` on a tabled offer, or per island with `islands[].parliament`',
  ratify: 'ratification is set per deal with `ratify:` on a tabled offer, or per island with `islands[].parliament`',
  forum: 'a Forum meeting is a scripted event: `scripted: [{round: 3, kind: forum, initiative: policing, power: canberra}]`',
  forums: 'a Forum meeting is a scripted event: `scripted: [{round: 3, kind: forum, initiative: policing, power: canberra}]`',
  packages: 'a package is one deal of `kind: package` in `tabled:`, with its `islands` and `parts`',
};

/** Edit distance (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** The known field the author most likely meant by `key`, if one is near enough. */
export function nearestField(key: string, known: readonly string[]): string | undefined {
  if (key.length > 60) return undefined;
  const synonym = SYNONYMS[key] ?? SYNONYMS[key.toLowerCase()];
  if (synonym && known.includes(synonym)) return synonym;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

type Shape = { kind?: unknown };
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const variant = <T extends { shape: Record<string, unknown> }>(options: readonly T[], kind: unknown): T | undefined =>
  options.find((o) => (o.shape.kind as { value?: unknown } | undefined)?.value === kind);

/** The fields the object at `path` may have, and what it is called ("a telecom deal"), when it is part of a deal or the top level. */
export function knownFieldsAt(path: readonly PropertyKey[], value: unknown): { what: string; fields: string[] } | undefined {
  const last = path.at(-1);
  const parent = path.at(-2);
  const kind = isMap(value) ? (value as Shape).kind : undefined;
  const keys = (o: { shape: Record<string, unknown> } | undefined) => (o ? Object.keys(o.shape) : undefined);
  if (path.length === 0) return { what: 'a scenario', fields: Object.keys(scenarioSchema.shape) };
  if (last === 'deal') {
    const fields = keys(variant(dealSchema.options, kind));
    return fields && { what: `a ${String(kind)} deal`, fields };
  }
  if (last === 'financing') {
    const fields = keys(variant(financingSchema.options, kind));
    return fields && { what: kind === 'loan' ? 'a loan' : 'a grant', fields };
  }
  if (parent === 'conditions' && typeof last === 'number') {
    const fields = keys(variant(conditionSchema.options, kind));
    return fields && { what: `a ${String(kind)} condition`, fields };
  }
  if (parent === 'clauses' && typeof last === 'number') return { what: 'a clause', fields: Object.keys(clauseSchema.shape) };
  const fields = objectFieldsAt(path);
  if (!fields) return undefined;
  const named = typeof last === 'number' ? THINGS[String(parent)] : THINGS[String(last)];
  return { what: named ?? `\`${String(last)}\``, fields };
}

/** What the author calls the mapping a field sits in: the list's item, or the field itself. */
const THINGS: Record<string, string> = {
  islands: 'an island',
  powers: 'a power',
  vendors: 'a vendor',
  landings: 'a landing',
  cables: 'a cable',
  debts: 'a debt',
  scripted: 'a scripted event',
  tabled: 'a tabled offer',
  agreements: 'a standing agreement',
  funders: 'a scripted funder',
  pledges: 'a pledge',
  cofunders: 'a co-funder',
  entries: 'a history entry',
  map: 'the map',
  capital: 'a capital',
  objectives: 'objectives',
  deck: 'the deck',
  history: 'history',
  parliament: 'a parliament',
};

type Def = { type: string; innerType?: Schema; shape?: Record<string, Schema>; element?: Schema; in?: Schema };
type Schema = { _zod: { def: Def } };

/** The fields of the scenario schema's mapping at `path` (outside deals), or undefined for a list, a record or anything else. */
function objectFieldsAt(path: readonly PropertyKey[]): string[] | undefined {
  let cur = scenarioSchema as unknown as Schema;
  const unwrap = (x: Schema): Schema => {
    let s = x;
    for (let d = s._zod.def; ['optional', 'default', 'nullable', 'pipe', 'prefault'].includes(d.type); d = s._zod.def) {
      const inner = d.innerType ?? d.in;
      if (!inner) break;
      s = inner;
    }
    return s;
  };
  for (const key of path) {
    const def = unwrap(cur)._zod.def;
    const next = def.type === 'object' && typeof key === 'string' ? def.shape?.[key] : def.type === 'array' && typeof key === 'number' ? def.element : undefined;
    if (!next) return undefined;
    cur = next;
  }
  const def = unwrap(cur)._zod.def;
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}

/** A name from the file in backticks, cut and escaped as every echoed value is. */
const code = (s: string) => `\`${clip(s)}\``;

/** `meant`: the field the author probably meant, whose own "missing" problem this one explains. */
export interface Worded {
  path: PropertyKey[];
  expected: string;
  found: string;
  meant?: PropertyKey[];
}

/** A teacher's wording for an issue zod found, or undefined where the general wording serves. */
export function inTeachersWords(issue: z.core.$ZodIssue, valueAt: (path: readonly PropertyKey[]) => unknown): Worded | undefined {
  const path = [...issue.path];
  const last = path.at(-1);
  const parent = path.at(-2);
  if (issue.code === 'unrecognized_keys') {
    const known = knownFieldsAt(path, valueAt(path));
    const key = issue.keys[0];
    if (!known || key === undefined) return undefined;
    const near = nearestField(key, known.fields.filter((f) => !Object.hasOwn(valueAt(path) as object, f)));
    const loanTerm = known.what === 'a grant' && ['ratePct', 'years', 'graceYears', 'collateral'].includes(key);
    const instead = path.length === 0 ? NOT_IN_FORMAT[key.toLowerCase()] : undefined;
    const hint = loanTerm ? '; loan terms go with `kind: loan`' : instead ? `; ${instead}` : near ? `; did you mean ${code(near)}?` : '';
    const found = `${code(key)}: ${path.length === 0 ? `scenarios have no field ${code(key)}` : `no such field in ${known.what}`}${hint}`;
    const fields = known.fields.filter((f) => f !== 'kind');
    const expected =
      path.length === 0 ? 'only the top-level fields docs/scenario-format.md lists' : `a field of ${known.what} (${fields.length <= 8 ? fields.join(', ') : 'docs/scenario-format.md lists them'})`;
    return { path: [...path, key], expected, found, ...(near ? { meant: [...path, near] } : {}) };
  }
  if (issue.code === 'invalid_type' && issue.expected === 'object' && typeof last === 'number' && (parent === 'clauses' || parent === 'conditions')) {
    const value = valueAt(path);
    if (parent === 'clauses') {
      const kind = typeof value === 'string' && (CLAUSE_KINDS as readonly string[]).includes(value) ? value : 'incidentAccess';
      return { path, expected: `a clause written as ${code(`{kind: ${kind}, secret: false}`)}`, found: typeof value === 'string' ? `${JSON.stringify(value)} (a word alone)` : 'something else' };
    }
    return {
      path,
      expected: `a condition written as ${code('{kind: noVendor, vendor: VENDOR}')} or ${code('{kind: noPact, power: POWER}')}`,
      found: typeof value === 'string' ? `${JSON.stringify(value)} (a word alone)` : 'something else',
    };
  }
  if (issue.code === 'invalid_value' && last === 'by' && parent === 'financing' && valueAt(path) === undefined)
    return { path, expected: `${code('by')}, the power that pays: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, found: `financing without ${code('by')}` };
  if (issue.code === 'invalid_union' && issue.discriminator) {
    const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
    if (!options.length) return undefined;
    const list = `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
    const what = parent === 'financing' || last === 'financing' ? 'financing' : path.includes('conditions') ? 'a condition' : 'a deal';
    return { path, expected: `${what} with a ${code(issue.discriminator)}: ${list}`, found: valueAt(path) === undefined ? `no ${code(issue.discriminator)}` : JSON.stringify(valueAt(path)) };
  }
  return undefined;
}
