import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { parseScenarioText, problemLines } from '../../src/scenario/load';
import { scenarioJsonSchema } from '../../src/scenario/json-schema';

/**
 * Every ```yaml example of docs/scenario-format.md is a piece of a scenario a teacher can paste:
 * each is put into a valid scenario (the tutorial, or the one its first line names with
 * "# example in scenarios/NAME.yaml") and must pass the real loader, rules included. And every
 * field a deal can have must have an example, so the document cannot fall behind the format.
 */
const DOC = 'docs/scenario-format.md';
const doc = readFileSync(DOC, 'utf8');
const blocks = [...doc.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => ({ text: m[1] ?? '', line: doc.slice(0, m.index).split('\n').length }));

type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fragment's fields put into the base: a list item with an id replaces the base's item of that id, others are added; anything else replaces. */
function merge(base: Json, fragment: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(fragment)) {
    const old = out[k];
    if (Array.isArray(v) && Array.isArray(old)) {
      const ids = new Set<unknown>(v.map((x: unknown) => (isMap(x) ? x.id : undefined)).filter((x) => x !== undefined));
      out[k] = [...old.filter((x: unknown) => !(isMap(x) && ids.has(x.id))), ...v];
    } else out[k] = v;
  }
  return out;
}

const baseOf = (text: string): string => /^# example in (scenarios\/[a-z0-9-]+\.yaml)/m.exec(text)?.[1] ?? 'scenarios/tutorial.yaml';

/**
 * "cable.route", "financing.loan.collateral", "conditions.noPact.power": every field of a deal, with
 * the kind of each union it passes through; financing, conditions and co-funders are the same in
 * every deal kind, so their inner fields count once, wherever an example shows them. A package's
 * part is the same deal as alone (without its island), so its fields count as that deal's.
 */
const shared = (path: string): string => path.replace(/^package\.parts\./, '').replace(/^[a-z]+\.(financing|conditions|cofunders)\./, '$1.');
function dealFieldsOfSchema(schema: Json, prefix: string, out: Set<string>): void {
  const variants = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  if (variants) {
    for (const v of variants) {
      const kind = ((v.properties as Json | undefined)?.kind as Json | undefined)?.const;
      dealFieldsOfSchema(v, `${prefix}${String(kind)}.`, out);
    }
    return;
  }
  if (schema.type === 'array' && isMap(schema.items)) return dealFieldsOfSchema(schema.items, prefix, out);
  for (const [k, sub] of Object.entries((schema.properties as Json | undefined) ?? {})) {
    if (k === 'kind' && (sub as Json).const !== undefined) continue;
    out.add(`${prefix}${k}`);
    dealFieldsOfSchema(sub as Json, `${prefix}${k}.`, out);
  }
}

/** The same names for the fields a written deal uses. */
function dealFieldsOfExample(value: unknown, prefix: string, out: Set<string>): void {
  if (Array.isArray(value)) return value.forEach((v) => dealFieldsOfExample(v, prefix, out));
  if (!isMap(value)) return;
  // A clause's kind is a field of one shape, not a choice between shapes as a deal's, a financing's or a condition's is.
  const union = typeof value.kind === 'string' && !prefix.endsWith('clauses.');
  const p = union ? `${prefix}${String(value.kind)}.` : prefix;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'kind' && union) continue;
    out.add(`${p}${k}`);
    dealFieldsOfExample(v, `${p}${k}.`, out);
  }
}

const fragments = blocks.map((b) => ({ ...b, value: parse(b.text) as unknown }));
const examples = fragments.filter((f) => f.value !== null);
const examplesOf = (key: string): Json[] => examples.flatMap((f) => (isMap(f.value) && Array.isArray(f.value[key]) ? (f.value[key] as Json[]) : []));

describe('the examples of docs/scenario-format.md', () => {
  it('are YAML fragments of a scenario (or the schema comment alone)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const f of fragments) {
      if (f.value === null) expect(f.text, `${DOC}:${f.line}`).toMatch(/yaml-language-server: \$schema=/);
      else expect(isMap(f.value), `${DOC}:${f.line} is a mapping of top-level fields`).toBe(true);
    }
  });

  it.each(examples.map((f) => [`${DOC}:${f.line}`, f] as const))('%s passes the loader inside a valid scenario', (where, f) => {
    const base = baseOf(f.text);
    const scenario = merge(parse(readFileSync(base, 'utf8')) as Json, f.value as Json);
    const r = parseScenarioText(stringify(scenario), `${where} in ${base}`);
    expect(r.ok ? [] : problemLines(r)).toEqual([]);
  });

  it('show every field of a deal: each kind, financing, clause and condition', () => {
    const deal = ((((scenarioJsonSchema().properties as Json).tabled as Json).items as Json).properties as Json).deal as Json;
    const fields = new Set<string>();
    dealFieldsOfSchema(deal, '', fields);
    const all = new Set([...fields].map(shared));
    expect(fields.size).toBeGreaterThan(40);
    const shown = new Set<string>();
    for (const item of [...examplesOf('tabled'), ...examplesOf('agreements')]) dealFieldsOfExample(item.deal, '', shown);
    const seen = new Set([...shown].map(shared));
    expect([...all].filter((f) => !seen.has(f))).toEqual([]);
  });

  it('show every field of a tabled offer and of a standing agreement', () => {
    const props = (key: string) => Object.keys(((((scenarioJsonSchema().properties as Json)[key] as Json).items as Json).properties as Json) ?? {});
    for (const key of ['tabled', 'agreements']) {
      const used = new Set(examplesOf(key).flatMap((x) => Object.keys(x)));
      expect(props(key).filter((k) => !used.has(k)), key).toEqual([]);
    }
  });
});

describe('schema/scenario.schema.json', () => {
  it('describes a deal in full, as a union on `kind`, and is as `npm run schema` writes it', () => {
    const written = JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8')) as Json;
    expect(written).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
    const tabledDeal = ((((written.properties as Json).tabled as Json).items as Json).properties as Json).deal as Json;
    const kinds = (tabledDeal.oneOf as Json[]).map((v) => ((v.properties as Json).kind as Json).const);
    expect(kinds.sort()).toEqual(['aid', 'cable', 'diplomatic', 'package', 'pact', 'telecom']);
    for (const v of tabledDeal.oneOf as Json[]) expect(v.additionalProperties).toBe(false);
  });
});
