import { parse, parseDocument, YAMLSeq } from 'yaml';
import { formatScenarioError, parseScenarioText, type ScenarioResult } from './load';

/**
 * A scenario with events injected: a YAML list of events in the scenario's own `scripted:` format,
 * added to those the scenario already scripts, then checked like any scenario file. A mistake in
 * an injected event is reported against the inject file and its entry.
 */
export function injectEvents(scenarioText: string, scenarioFile: string, injectText: string, injectFile: string): ScenarioResult {
  let list: unknown;
  try {
    list = parse(injectText);
  } catch (e) {
    return { ok: false, errors: [{ file: injectFile, path: '', expected: 'a YAML list of events', found: `text that is not YAML (${(e as Error).message.split('\n')[0]})` }] };
  }
  if (!Array.isArray(list) || list.length === 0)
    return { ok: false, errors: [{ file: injectFile, path: '', expected: 'a YAML list of at least one event (round, kind, and island, cable or power as the scenario\'s scripted: events)', found: Array.isArray(list) ? 'an empty list' : typeof list }] };
  const doc = parseDocument(scenarioText);
  const existing = doc.get('scripted');
  const before = existing instanceof YAMLSeq ? existing.items.length : 0;
  if (!(existing instanceof YAMLSeq)) doc.set('scripted', doc.createNode([]));
  const seq = doc.get('scripted') as YAMLSeq;
  for (const e of list) seq.add(doc.createNode(e));
  const r = parseScenarioText(String(doc), scenarioFile);
  if (r.ok) return r;
  return {
    ok: false,
    errors: r.errors.map((e) => {
      const m = /^scripted\[(\d+)\](.*)$/.exec(e.path);
      if (!m || Number(m[1]) < before) return e;
      const { line: _l, column: _c, ...rest } = e;
      return { ...rest, file: injectFile, path: `[${Number(m[1]) - before}]${m[2] ?? ''}` };
    }),
  };
}

export { formatScenarioError };
