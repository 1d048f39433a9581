// Tuning aid: one game's deals by funder, influence by island, start and end.
import { MatchHost } from '../src/host/match';
import { playToEnd } from '../src/ai/autoplay';
import { batchPolicy } from '../src/cli/batch-games';
import { scenarioOrExit } from '../src/cli/args';
import { funderOf } from '../src/engine/deals';
import type { PowerId } from '../src/engine';
const [id = 'coral-sea', seed = '1', bots = 'normal'] = process.argv.slice(2);
const { scenario, hash } = scenarioOrExit(id);
const host = new MatchHost(scenario, hash, seed, { hashes: false });
const start = structuredClone(host.state);
const policy = batchPolicy(bots, scenario);
playToEnd(host, () => policy, seed);
const g = host.state;
for (const p of Object.keys(g.powers) as PowerId[]) {
  const infl = Object.keys(g.islands).map((i) => `${i} ${start.powers[p]!.influence[i]}→${g.powers[p]!.influence[i]}`).join(' ');
  console.log(p, 'rep', start.powers[p]!.reputation, '→', g.powers[p]!.reputation, '|', infl);
  for (const a of g.agreements.filter((a) => funderOf(a.deal) === p)) {
    const d = a.deal as unknown as Record<string, string | number | string[] | undefined> & { financing?: { kind: string } };
    console.log('  ', a.status, d.kind, d.pact ?? d.project ?? d.purpose ?? d.act ?? '', d.island ?? String(d.route ?? ''), d.amount ?? '', d.financing?.kind ?? '', a.clauses.map((c) => c.kind).join(','));
  }
}
for (const e of g.log.filter((e) => /reputation/i.test(e.text ?? ''))) console.log('  log', e.round, e.text);
const tally: Record<string, number> = {};
for (const e of g.log) {
  const m = /^(\w[\w ]*?): \1 orders (.*?) to /.exec(e.text ?? '') ?? /^(\w+): \1 orders (.*?) to /.exec(e.text ?? '');
  if (m) { const k = `${m[1]} ${m[2]!.replace(/\$[\d.]+[mk]( |$)/, '').replace(/ in [A-Z].*/, '')}`; tally[k] = (tally[k] ?? 0) + 1; }
  if (/exposes|traced|leak/i.test(e.text ?? '')) tally[e.text!.slice(0, 60)] = (tally[e.text!.slice(0, 60)] ?? 0) + 1;
}
console.log(tally);
for (const i of Object.keys(g.islands)) { const a = start.islands[i]!, b = g.islands[i]!; console.log(i, 'leg', a.legitimacy, '→', b.legitimacy, 'unrest', a.unrest, '→', b.unrest, 'sov', a.sovereignty, '→', b.sovereignty, 'dem', a.democracy, '→', b.democracy, 'falls', b.falls, 'treasury', b.treasury); }
