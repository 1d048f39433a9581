import { Composer, LineCounter, Parser, isAlias, isCollection, isNode, isScalar, visit, type CST, type Document } from 'yaml';
import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema';
import { createGame, partiesOf, validate } from '../engine';
import type { GameState } from '../engine/types';
import { dealRefusal } from '../engine/deals';
import { hashJson } from '../engine/hash';
import { inTeachersWords } from './words';

/** The largest scenario file read at all: the biggest shipped one is under 30 KB. */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;
/** Problems reported for one file; the rest are counted ("and N more"). */
export const MAX_PROBLEMS = 50;
/** How deep lists and mappings may nest: a real scenario nests 6 deep. */
export const MAX_NESTING = 32;
/** The YAML library's guard against alias bombs: how much one anchor may be repeated through aliases. */
export const MAX_ALIAS_COUNT = 100;
/** Any value from the file echoed in a message is cut to about this many characters. */
export const MAX_ECHO = 80;

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
  /** `more`: how many further problems were found and not listed (only the first MAX_PROBLEMS are). */
  | { ok: false; errors: ScenarioError[]; more?: number };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${clip(String(p))}` : clip(String(p));
  }
  return out;
}

export function formatScenarioError(e: ScenarioError): string {
  const where = e.line !== undefined ? `:${e.line}:${e.column ?? 1}` : '';
  const field = e.path ? ` at ${e.path}` : '';
  return `${e.file}${where}${field}: expected ${e.expected}, found ${e.found}`;
}

/** Every problem of a refused file as lines to print, ending with "and N more problems" when some were left off. */
export function problemLines(r: { errors: ScenarioError[]; more?: number }): string[] {
  const lines = r.errors.map(formatScenarioError);
  if (r.more) lines.push(`and ${r.more} more problem${r.more > 1 ? 's' : ''}`);
  return lines;
}

// Control characters (ANSI escape codes among them) would act on a terminal if echoed raw.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const cut = (text: string, max = MAX_ECHO): string => (text.length > max ? `${text.slice(0, max - 3)}...` : text);
/** Control characters written as \u escapes; line breaks and tabs are kept. */
export const escapeControls = (text: string): string => text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Text from the file, cut to about MAX_ECHO characters, with control characters written as \u escapes. */
export function clip(text: string, max = MAX_ECHO): string {
  return escapeControls(cut(text, max));
}

/** A string from the file as it is echoed: quoted, cut and escaped. */
const quoted = (text: string): string => escapeControls(JSON.stringify(cut(text)));

function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') return quoted(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  return clip(`${typeof value} ${String(value)}`);
}
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, p)) return undefined;
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
      return (Object.hasOwn(TYPE_WORDS, issue.expected) ? TYPE_WORDS[issue.expected] : undefined) ?? `a ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `a list of at least ${String(issue.minimum)}`
        : issue.origin === 'string'
          ? 'a non-empty text'
          : `a number of at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `a list of at most ${String(issue.maximum)}`
        : issue.origin === 'string'
          ? `a text of at most ${String(issue.maximum)} characters`
          : `a number of at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `no field named ${issue.keys.slice(0, 3).map(quoted).join(', ')}${issue.keys.length > 3 ? ', …' : ''} (check the spelling)`;
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

type Refusal = { ok: false; errors: ScenarioError[] };
const wholeFile = (file: string, expected: string, found: string, at?: { line: number; column: number }): Refusal => ({
  ok: false,
  errors: [{ file, path: '', ...(at ?? {}), expected, found }],
});
const binaryFile = (file: string) => wholeFile(file, 'a scenario written as YAML text', 'a binary file (it holds NUL bytes)');
/** A file refused for its size alone, before it is read. */
export const tooBig = (file: string, bytes: number): Refusal =>
  wholeFile(file, `a scenario file of at most ${MAX_SCENARIO_BYTES / 1024 / 1024} MB`, `${(bytes / 1024 / 1024).toFixed(1)} MB (the file is not read)`);

/** Line and column (from 1) of a character of the text. */
function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: index - start + 1 };
}

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/**
 * Check a scenario file's bytes before anything parses them: its size, that it is text, and that
 * the text is UTF-8 (a Latin-1 file would otherwise pass with replacement characters). Never throws.
 */
export function decodeScenarioBytes(bytes: Uint8Array, file: string): { ok: true; text: string } | Refusal {
  if (bytes.length > MAX_SCENARIO_BYTES) return tooBig(file, bytes.length);
  if (bytes.includes(0)) return binaryFile(file);
  const text = new TextDecoder('utf-8').decode(bytes);
  // The decoder writes U+FFFD for every byte that is not UTF-8; a U+FFFD written in the file itself is fine.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let offset = bom;
  let from = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) {
    offset += utf8Length(text.slice(from, i));
    from = i;
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) continue;
    const byte = `0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
    return wholeFile(file, 'text in UTF-8 (save the file as UTF-8)', `byte ${byte} at byte offset ${offset}, which is not UTF-8 (a Latin-1 or Windows-1252 file?)`, lineAndColumn(text, i));
  }
  return { ok: true, text };
}

/** The first list or mapping nested deeper than MAX_NESTING, walked without recursion so no depth can overflow the stack. */
function tooDeep(tokens: readonly CST.Token[]): CST.Token | undefined {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [t, depth] = top;
    const nested = t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection' ? depth + 1 : depth;
    if (nested > MAX_NESTING) return t;
    if (t.type === 'document' && t.value) stack.push([t.value, nested]);
    if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection')
      for (const item of t.items) {
        if (item.key) stack.push([item.key, nested]);
        if (item.value) stack.push([item.value, nested]);
      }
  }
  return undefined;
}

/**
 * Keys given twice in one mapping. The YAML library's own check compares every key with every
 * other, which takes minutes on a mapping of 100,000 keys; a set per mapping takes no time.
 */
function duplicateKeys(doc: Document): { offset: number; message: string }[] {
  const out: { offset: number; message: string }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) out.push({ offset: pair.key.range?.[0] ?? 0, message: 'Map keys must be unique' });
        else seen.add(pair.key.value);
      }
    },
  });
  return out;
}

/** Where an alias bomb starts: the first alias of an anchor that itself holds aliases, else the first alias. */
function aliasBombAt(doc: Document): { alias: string; offset: number } | undefined {
  const anchors = new Map<string, unknown>();
  const holdsAlias = new Map<unknown, boolean>();
  let first: { alias: string; offset: number } | undefined;
  let bomb: { alias: string; offset: number } | undefined;
  visit(doc, {
    Node(_, node) {
      if (node.anchor) anchors.set(node.anchor, node);
      if (!isAlias(node)) return undefined;
      const at = { alias: node.source, offset: node.range?.[0] ?? 0 };
      first ??= at;
      const target = anchors.get(node.source);
      if (isCollection(target)) {
        let holds = holdsAlias.get(target);
        if (holds === undefined) {
          holds = false;
          visit(target, {
            Alias() {
              holds = true;
              return visit.BREAK;
            },
          });
          holdsAlias.set(target, holds);
        }
        if (holds) {
          bomb = at;
          return visit.BREAK;
        }
      }
      return undefined;
    },
  });
  return bomb ?? first;
}

/** Parse and check a scenario file's text. Never throws for bad input. */
export function parseScenarioText(text: string, file: string): ScenarioResult {
  let r: ScenarioResult;
  try {
    r = parseChecked(text, file);
  } catch (e) {
    // A defect of the loader, not of the file; still a message, never a crash of the page or the command.
    r = wholeFile(file, 'a scenario the loader can read', `an error in the loader: ${clip(String((e as Error)?.message ?? e).split('\n')[0] ?? '')}`);
  }
  if (!r.ok && r.errors.length > MAX_PROBLEMS) return { ok: false, errors: r.errors.slice(0, MAX_PROBLEMS), more: r.errors.length - MAX_PROBLEMS + (r.more ?? 0) };
  return r;
}

function parseChecked(source: string, file: string): ScenarioResult {
  if (source.length > MAX_SCENARIO_BYTES || (source.length > MAX_SCENARIO_BYTES / 3 && utf8Length(source) > MAX_SCENARIO_BYTES)) return tooBig(file, utf8Length(source));
  // Not a text file at all (an image, a zip, a word-processor file): say so rather than show its bytes.
  if (source.includes('\u0000')) return binaryFile(file);
  // YAML counts a lone CR as a line break (old Mac files); the YAML library does not, so it would read one long line.
  const text = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  const counter = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = counter.linePos(offset);
    return { line, column: col };
  };
  const tokens = [...new Parser(counter.addNewLine).parse(text)];
  const deep = tooDeep(tokens);
  if (deep) return wholeFile(file, `lists and mappings nested at most ${MAX_NESTING} deep`, `nesting deeper than ${MAX_NESTING}`, at(deep.offset));
  let doc: Document.Parsed | undefined;
  for (const d of new Composer({ uniqueKeys: false, prettyErrors: false }).compose(tokens, true, text.length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(...d.errors);
      return wholeFile(file, 'one YAML document', 'a second document (a line with ---)', at(d.range[0]));
    }
  }
  if (!doc) return wholeFile(file, 'a scenario written as YAML text', 'an empty file (nothing but blanks or comments)');
  const yamlErrors = [...doc.errors.map((e) => ({ offset: e.pos[0], message: e.message })), ...duplicateKeys(doc)].sort((a, b) => a.offset - b.offset);
  if (yamlErrors.length > 0) {
    return {
      ok: false,
      errors: yamlErrors.slice(0, MAX_PROBLEMS).map((e) => ({ file, path: '', ...at(e.offset), expected: 'valid YAML', found: clip(e.message.split('\n')[0] ?? e.message, 3 * MAX_ECHO) })),
      more: Math.max(0, yamlErrors.length - MAX_PROBLEMS),
    };
  }
  if (doc.contents === null) return wholeFile(file, 'a scenario written as YAML text', 'an empty file (nothing but blanks or comments)');
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    const bomb = aliasBombAt(doc);
    return /resource exhaustion/.test(e.message)
      ? wholeFile(file, `aliases (*name) that repeat an anchored value at most ${MAX_ALIAS_COUNT} times in all`, `${bomb ? `*${clip(bomb.alias)}` : 'an alias'} repeated past that limit (the pattern of an "alias bomb")`, bomb && at(bomb.offset))
      : wholeFile(file, 'an alias (*name) after its anchor (&name)', clip(e.message), bomb && at(bomb.offset));
  }
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    const worded = parsed.error.issues.map((issue) => ({ issue, words: inTeachersWords(issue, (path) => valueAt(data, path)) }));
    // A misspelt field is also a missing one: the misspelling, with the field it meant, says both.
    const meant = new Set(worded.flatMap((w) => (w.words?.meant ? [formatPath(w.words.meant)] : [])));
    const issues = worded.filter(({ issue }) => !(meant.has(formatPath(issue.path)) && valueAt(data, issue.path) === undefined));
    return {
      ok: false,
      errors: issues.slice(0, MAX_PROBLEMS).map(({ issue, words }) => {
        if (words) return { file, path: formatPath(words.path), ...(positionOf(doc, counter, words.path) ?? {}), expected: words.expected, found: words.found };
        const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
        const pos = positionOf(doc, counter, path);
        return {
          file,
          path: formatPath(issue.path),
          ...(pos ?? {}),
          expected: expectedOf(issue),
          found:
            issue.code === 'unrecognized_keys'
              ? issue.keys.slice(0, 3).map(quoted).join(', ') + (issue.keys.length > 3 ? `, and ${issue.keys.length - 3} more` : '')
              : issue.code === 'custom' && typeof issue.params?.found === 'string'
                ? clip(issue.params.found)
                : describeFound(valueAt(data, issue.path)),
        };
      }),
      more: Math.max(0, issues.length - MAX_PROBLEMS),
    };
  }
  const tabledErrors = [...checkStanding(parsed.data, file, doc, counter), ...checkTabled(parsed.data, file, doc, counter)];
  if (tabledErrors.length) return { ok: false, errors: tabledErrors };
  // What really happened (`history:`) is read by the debrief only: editing it leaves records of the scenario valid.
  const { history: _history, ...played } = parsed.data;
  return { ok: true, scenario: parsed.data, hash: hashJson(played) };
}

/** Standing agreements' deals are checked by the engine's own deal rules, on the position before them. */
function checkStanding(s: Scenario, file: string, doc: Document, counter: LineCounter): ScenarioError[] {
  if (!s.agreements?.length) return [];
  const g = createGame({ ...s, agreements: [], tabled: [] }, 'check', 'check');
  const out: ScenarioError[] = [];
  s.agreements.forEach((a, i) => {
    const refusal = dealRefusal(g, a.deal);
    if (!refusal || refusal.code === 'unaffordable') return;
    const field = (refusal.field ?? 'deal').replace(/^deal\.?/, '');
    const path = ['agreements', i, 'deal', ...field.split(/[.[\]]/).filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k))];
    out.push({ file, path: formatPath(path), ...(positionOf(doc, counter, path) ?? {}), expected: refusal.message.replace(/\.$/, ''), found: 'a deal the rules refuse' });
  });
  return out;
}

/** The islands as the script leaves their banks by a round: those a scripted `bankExit` names by then are losing theirs. */
function withBanksLeaving(s: Scenario, islands: GameState['islands'], round: number): GameState['islands'] {
  const leaving = new Set((s.scripted ?? []).filter((e) => e.kind === 'bankExit' && e.round <= round && e.island).map((e) => e.island));
  if (!leaving.size) return islands;
  return Object.fromEntries(Object.entries(islands).map(([id, island]) => [id, leaving.has(id) ? { ...island, bankLeaving: true } : island]));
}

/** Tabled offers are checked by the engine itself, on the scenario's starting position. */
function checkTabled(s: Scenario, file: string, doc: Document, counter: LineCounter): ScenarioError[] {
  if (!s.tabled?.length) return [];
  const g = createGame(s, 'check', 'check');
  const out: ScenarioError[] = [];
  s.tabled.forEach((t, i) => {
    if (!g.seats.includes(t.from)) {
      out.push({ file, path: `tabled[${i}].from`, ...(positionOf(doc, counter, ['tabled', i, 'from']) ?? {}), expected: 'a seat of this scenario', found: quoted(t.from) });
      return;
    }
    let refusal: ReturnType<typeof validate>;
    try {
      const to = partiesOf(g, t.deal).filter((p) => p !== t.from);
      // Checked as in its own round, so that a funder's script for later rounds counts, and so is a
      // bank the scenario's script sends away by then (banking aid is for an island losing its bank).
      refusal = validate(t.round === g.round ? g : { ...g, round: t.round, islands: withBanksLeaving(s, g.islands, t.round) }, { type: 'offer', role: t.from, to, deal: t.deal });
    } catch {
      // A deal too malformed for the rules to read (a missing field the engine relies on).
      out.push({ file, path: `tabled[${i}].deal`, ...(positionOf(doc, counter, ['tabled', i, 'deal']) ?? {}), expected: 'a deal with every term an offer carries (see docs/rules.md)', found: 'a deal the rules cannot read' });
      return;
    }
    if (refusal && refusal.code !== 'unaffordable') {
      const field = (refusal.field ?? 'deal').replace(/^deal\.?/, '');
      const path = ['tabled', i, 'deal', ...field.split(/[.[\]]/).filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k))];
      out.push({ file, path: formatPath(path), ...(positionOf(doc, counter, path) ?? {}), expected: clip(refusal.message.replace(/\.$/, ''), 3 * MAX_ECHO), found: 'a deal the rules refuse' });
    }
  });
  return out;
}
