import { writeFileSync } from 'node:fs';
import { formatMoney, turningPoints, type GameState, type RoleId } from '../engine';
import { MatchHost } from '../host/match';
import { playPhase } from '../ai/autoplay';
import { batchPolicy } from './batch-games';
import { botsOption, intOption, options, outputFileOption, printable, scenarioOrExit, required } from './args';

const USAGE = `Usage: npm run sim -- --scenario FILE|ID --seed N [--bots LEVEL] [--rounds N] [--json] [--record out.json]

Plays a whole game with the built-in policies in every seat and prints a round-by-round account.
  --bots       the computer players in every seat: simple (the built-in policies, the default),
               easy, normal, hard or random; bots give a one-line reason with each action
  --scenario   a scenario file, or the id of a shipped one (coral-sea)
  --seed       the seed of the game (any whole number)
  --rounds     stop after this many rounds, 1 to 60 (default: the scenario's length)
  --json       print one JSON document instead of the account
  --record     write the game record (for npm run replay) to this file; its folder must exist

Exits 0 when the game is played, 1 when the scenario is refused, 2 for a mistake in the arguments.`;

const { values } = options(
  { scenario: { type: 'string' }, seed: { type: 'string' }, rounds: { type: 'string' }, json: { type: 'boolean' }, record: { type: 'string' }, bots: { type: 'string' }, help: { type: 'boolean' } },
  USAGE,
);
required(values, ['scenario', 'seed']);
// Every argument is checked before any work: a bad --record is refused before the game, not after it.
const seed = String(intOption(values.seed, 'seed', 1));
const rounds = values.rounds === undefined ? undefined : intOption(values.rounds, 'rounds', 1, { min: 1, max: 60 });
const bots = botsOption(values.bots);
const recordFile = outputFileOption(values.record, 'record');
const { scenario, hash } = scenarioOrExit(values.scenario as string);
const maxRounds = rounds ?? scenario.rounds;
const policy = batchPolicy(bots, scenario);

const host = new MatchHost(scenario, hash, seed);
while (!host.over && host.state.round <= maxRounds) playPhase(host, host.state.seats, () => policy, seed);

const name = (g: GameState, r: RoleId) => g.islands[r]?.name ?? g.powers[r as 'beijing']?.name ?? r;
const describeOffer = (g: GameState, o: GameState['offers'][number]): string => {
  const d = o.deal;
  const money = (fin: { kind: string; ratePct?: number }) => (fin.kind === 'grant' ? 'grant' : `loan at ${fin.ratePct}%`);
  const what =
    d.kind === 'cable'
      ? `cable ${d.route.map((l) => g.landings[l]?.name ?? l).join('-')} by ${g.vendors[d.vendor]?.name} (${money(d.financing)}${d.dataAccess ? ', data access' : ''}${d.exclusivity ? ', exclusive' : ''}${d.islandSharePct ? `, islands pay ${d.islandSharePct}%` : ''})`
      : d.kind === 'aid'
        ? `${d.purpose ?? 'budget'} aid, ${money(d.financing)} of ${formatMoney(d.amount)}`
        : d.kind === 'telecom'
          ? `${d.project} by ${g.vendors[d.vendor]?.name}, ${money(d.financing)} of ${formatMoney(d.amount)}`
          : d.kind === 'diplomatic'
            ? d.act === 'switchRecognition'
              ? 'switch recognition to Beijing'
              : `join ${d.power === 'beijing' ? 'the data-security initiative' : 'the trusted-network programme'}`
            : d.kind === 'package'
              ? `package of ${d.parts.map((p) => p.kind === 'pact' ? `${p.pact} pact` : p.kind === 'diplomatic' ? p.act : p.kind === 'telecom' ? p.project : `${p.purpose ?? 'budget'} aid`).join(', ')} for ${d.islands.map((i) => name(g, i)).join(', ')}${d.allMustSign ? ' (all must sign)' : ''}`
              : `${d.pact} pact${d.clauses.length ? ` with ${d.clauses.map((c) => `${c.secret ? 'secret ' : ''}${c.kind}`).join(', ')}` : ''}`;
  return `offer ${o.id} ${name(g, o.from)} -> ${o.to.map((t) => name(g, t)).join(', ')}: ${o.amends ? `renegotiate ${o.amends}: ` : ''}${what} — ${o.status}${o.reason ? ` (${o.reason})` : ''}`;
};

/** The account is written from the facilitator's vantage: private entries are marked with who saw them. */
function account(g: GameState): string[] {
  const lines = [`${scenario.title} (${scenario.start}, ${scenario.rounds} rounds of ${scenario.monthsPerRound} months), seed ${seed}${bots === 'simple' ? '' : `, ${bots} bots in every seat`}`];
  const last = g.phase === 'over' ? g.round : g.round - 1;
  for (let r = 1; r <= last; r++) {
    const entries = g.log.filter((e) => e.round === r);
    lines.push('', `Round ${r} (${entries[0]?.text.match(/\((\d{4}-\d{2})\)/)?.[1] ?? ''})`);
    for (const e of entries.filter((x) => x.phase === 'briefing').slice(1)) lines.push(`  ${e.seenBy === 'all' ? '' : `[${e.seenBy.join(', ')} only] `}${e.text}`);
    for (const o of g.offers.filter((x) => x.round === r)) lines.push(`  ${describeOffer(g, o)}`);
    for (const e of entries.filter((x) => x.phase !== 'briefing')) lines.push(`  ${e.seenBy === 'all' ? '' : `[${e.seenBy.join(', ')} only] `}${e.text}`);
    const h = g.history.find((x) => x.round === r);
    if (h) lines.push(`  scores: ${Object.entries(h.scores).map(([role, v]) => `${name(g, role)} ${v}`).join(', ')}`);
  }
  return lines;
}

const g = host.state;
const scores = Object.fromEntries(g.seats.map((r) => [r, g.scores[r]?.total ?? 0]));
const winners = g.seats.filter((r) => (scores[r] ?? 0) >= g.scenario.par);
if (recordFile) writeFileSync(recordFile, `${JSON.stringify(host.record, null, 1)}\n`);
const finalHash = host.record.hashes[host.record.hashes.length - 1]?.hash ?? '';

if (values.json) {
  console.log(
    printable(JSON.stringify(
      {
        scenario: scenario.id,
        seed,
        bots,
        rounds: g.phase === 'over' ? g.round : g.round - 1,
        over: g.phase === 'over',
        stateHash: finalHash,
        scores,
        winners,
        breakdown: Object.fromEntries(g.seats.map((r) => [r, g.scores[r]?.parts ?? {}])),
        signed: g.agreements.map((a) => ({ id: a.id, round: a.round, kind: a.deal.kind, parties: a.parties })),
        activeCables: g.cables.filter((c) => c.status === 'active').map((c) => c.id),
        events: g.events.map((e) => ({ round: e.round, kind: e.kind, title: e.title })),
      },
      null,
      2,
    )),
  );
} else {
  const lines = account(g);
  lines.push('', `Final scores (a role wins at ${g.scenario.par}):`);
  for (const r of g.seats) {
    const s = g.scores[r];
    const turns = turningPoints(g, r)
      .map((t) => `round ${t.round} ${t.delta > 0 ? '+' : ''}${t.delta}`)
      .join(', ');
    lines.push(`  ${name(g, r).padEnd(18)} ${String(s?.total ?? 0).padStart(3)}${(s?.total ?? 0) >= g.scenario.par ? '  WIN' : '     '}  ${Object.entries(s?.parts ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}${turns ? `; moved most in ${turns}` : ''}`);
  }
  lines.push('', `State hash ${finalHash}`);
  if (recordFile) lines.push(`Record written to ${recordFile}`);
  console.log(printable(lines.join('\n')));
}
