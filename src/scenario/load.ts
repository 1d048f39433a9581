import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema';
import { createGame, partiesOf, validate } from '../engine';
import { hashJson } from '../engine/hash';

/** One problem in a scenario file, worded for the person who edits it. */
export interface ScenarioError {
  file: string;
  /** Path to the field, such as "islands[0].treasury"; empty for the file as a whole. */
  path: string;
  line?: number;
  column?: number;
  expected: string;
  found: string;
}

export type ScenarioResult =
  | { ok: true; scenario: Scenario; hash: string }
  | { ok: false; errors: ScenarioError[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

export function formatScenarioError(e: ScenarioError): string {
  const where = e.line !== undefined ? `:${e.line}:${e.column ?? 1}` : '';
  const field = e.path ? ` at ${e.path}` : '';
  return `${e.file}${where}${field}: expected ${e.expected}, found ${e.found}`;
}

function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

/** Types as the person editing the file knows them. */
const TYPE_WORDS: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'a text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields (name: value)',
};

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS[issue.expected] ?? `a ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `a list of at least ${String(issue.minimum)}`
        : issue.origin === 'string'
          ? 'a non-empty text'
          : `a number of at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' ? `a list of at most ${String(issue.maximum)}` : `a number of at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `no field named ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
    case 'invalid_format':
      return issue.message.replace(/^Invalid string: must match pattern .*$/, 'text in the right format');
    default:
      return issue.message;
  }
}

function positionOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): { line: number; column: number } | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) {
      const { line, col } = counter.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return undefined;
}

/** Parse and check a scenario file's text. Never throws for bad input. */
export function parseScenarioText(text: string, file: string): ScenarioResult {
  // Not a text file at all (an image, a zip, a word-processor file): say so rather than show its bytes.
  if (text.includes('\u0000')) return { ok: false, errors: [{ file, path: '', expected: 'a scenario written as YAML text', found: 'a binary file (it holds NUL bytes)' }] };
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const { line, col } = counter.linePos(e.pos[0]);
        return { file, path: '', line, column: col, expected: 'valid YAML', found: e.message.split('\n')[0] ?? e.message };
      }),
    };
  }
  if (doc.contents === null) return { ok: false, errors: [{ file, path: '', expected: 'a scenario written as YAML text', found: 'an empty file (nothing but blanks or comments)' }] };
  const data: unknown = doc.toJS();
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
        const pos = positionOf(doc, counter, path);
        return {
          file,
          path: formatPath(issue.path),
          ...(pos ?? {}),
          expected: expectedOf(issue),
          found: issue.code === 'unrecognized_keys' ? `"${issue.keys.join('", "')}"` : issue.code === 'custom' && typeof issue.params?.found === 'string' ? issue.params.found : describeFound(valueAt(data, issue.path)),
        };
      }),
    };
  }
  const tabledErrors = checkTabled(parsed.data, file, doc, counter);
  if (tabledErrors.length) return { ok: false, errors: tabledErrors };
  // What really happened (`history:`) is read by the debrief only: editing it leaves records of the scenario valid.
  const { history: _history, ...played } = parsed.data;
  return { ok: true, scenario: parsed.data, hash: hashJson(played) };
}

/** Tabled offers are checked by the engine itself, on the scenario's starting position. */
function checkTabled(s: Scenario, file: string, doc: Document, counter: LineCounter): ScenarioError[] {
  if (!s.tabled?.length) return [];
  const g = createGame(s, 'check', 'check');
  const out: ScenarioError[] = [];
  s.tabled.forEach((t, i) => {
    if (!g.seats.includes(t.from)) {
      out.push({ file, path: `tabled[${i}].from`, ...(positionOf(doc, counter, ['tabled', i, 'from']) ?? {}), expected: 'a seat of this scenario', found: JSON.stringify(t.from) });
      return;
    }
    const to = partiesOf(g, t.deal).filter((p) => p !== t.from);
    const refusal = validate(g, { type: 'offer', role: t.from, to, deal: t.deal });
    if (refusal && refusal.code !== 'unaffordable') {
      const field = (refusal.field ?? 'deal').replace(/^deal\.?/, '');
      const path = ['tabled', i, 'deal', ...field.split(/[.[\]]/).filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k))];
      out.push({ file, path: formatPath(path), ...(positionOf(doc, counter, path) ?? {}), expected: refusal.message.replace(/\.$/, ''), found: 'a deal the rules refuse' });
    }
  });
  return out;
}
