import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportGame, reportText, staticWarnings, summariseReport } from '../../src/ai/report';
import type { ScenarioData } from '../../src/engine';
import { MatchHost } from '../../src/host/match';
import { playToEnd } from '../../src/ai/autoplay';
import { policyByName } from '../../src/ai';
import { parseScenarioText } from '../../src/scenario/load';

/** The tutorial with a third tabled offer Beijing can never pay: $500m of aid, with at most $220m to its name by round 3. */
const UNAFFORDABLE = readFileSync('scenarios/tutorial.yaml', 'utf8').replace(
  '\nscripted:',
  `  - round: 3
    from: beijing
    why: "A road for Vaitupa."
    deal: { kind: aid, island: VTP, amount: 500000, purpose: infrastructure, financing: { kind: grant, by: beijing } }

scripted:`,
);

function load(text: string) {
  const r = parseScenarioText(text, 'unaffordable.yaml');
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.expected}, ${e.found}`).join('\n'));
  return { scenario: r.scenario as unknown as ScenarioData, hash: r.hash };
}

describe('a tabled offer the game has made impossible', () => {
  it('is not tabled, and the engine says why in its log, to the sender only', () => {
    const { scenario, hash } = load(UNAFFORDABLE);
    const host = new MatchHost(scenario, hash, '1', { hashes: false });
    const simple = policyByName('simple');
    if (!simple) throw new Error('no simple policy');
    playToEnd(host, () => simple, '1');
    const g = host.state;
    expect(g.offers.some((o) => o.round === 3 && o.deal.kind === 'aid' && o.deal.amount === 500000)).toBe(false);
    const line = g.log.find((e) => e.about.includes('tabled[2]'));
    expect(line).toMatchObject({ round: 3, phase: 'negotiation', seenBy: ['beijing'] });
    expect(line?.text).toMatch(/^Beijing's aid offer of the scenario is not tabled: Beijing has \$[\d.]+m; this deal costs it \$500m\.$/);
  });

  it('gets a line in the authoring report naming it and why, and a warning', () => {
    const { scenario, hash } = load(UNAFFORDABLE);
    const digests = [1, 2].map((seed) => reportGame(scenario, hash, 'simple', seed));
    const report = summariseReport(scenario, digests);
    const line = report.tabled[2] ?? '';
    expect(line).toMatch(/^round 3: Beijing's \$500m infrastructure grant to Vaitupa \(fictional\) \(tabled\[2\]\) — with the built-in policies, tabled in 0 of 2 games; not tabled in 2: Beijing has \$[\d.]+m(–\$[\d.]+m)?; this deal costs it \$500m \(2\)\.$/);
    expect(report.warnings.some((w) => w.startsWith("round 3: Beijing's $500m infrastructure grant to Vaitupa (fictional) was never tabled with the built-in policies: Beijing has"))).toBe(true);
    // Canberra’s round-2 cable is tabled in every game, and the scripted anchor drag happens.
    expect(report.tabled[1]).toMatch(/^round 2: Canberra.s Port Vila–Loto Bay–Anuvai cable \(grant\) \(tabled\[1\]\) — with the built-in policies, tabled in 2 of 2 games/);
    expect(report.events[0]).toMatch(/^round 3: anchor drag in Vaitupa \(fictional\) \(scripted\[0\]\) happened in 2 of 2 games; the news said: A ship drags its anchor/);
    expect(report.roles.filter((r) => r.policy === 'simple').map((r) => r.role)).toEqual(['VTP', 'beijing', 'canberra']);
    expect(reportText(report)).toContain('Tabled offers:');
  });

  it('npm run validate -- FILE --report prints the same line', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lr-report-')), 'unaffordable.yaml');
    writeFileSync(file, UNAFFORDABLE);
    const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/validate.ts', file, '--report', '--seeds', '2,1'], { encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/round 3: Beijing's \$500m infrastructure grant to Vaitupa \(fictional\) \(tabled\[2\]\) — with the built-in policies, tabled in 0 of 2 games; not tabled in 2: Beijing has \$[\d.]+m(–\$[\d.]+m)?; this deal costs it \$500m \(2\); with normal computer players/);
    expect(out.stdout).toMatch(/with normal computer players, tabled in 0 of 1 games; not tabled in 1: Beijing has \$[\d.]+m; this deal costs it \$500m \(1\)\./);
    expect(out.stdout).toMatch(/Vaitupa \(fictional\) +wins +\d+% \(\d\/2\) +score/);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/validate.ts', file, '--report', '--seeds', '1e3,2'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});

describe('warnings a teacher can act on', () => {
  it('names a power budget out of scale with its islands and an election in round 1', () => {
    const text = readFileSync('scenarios/tutorial.yaml', 'utf8').replace('budgetPerRound: 40000 # as in coral-sea (quarterly)', 'budgetPerRound: 900000').replace('\n    satellite:', '\n    nextElection: 1\n    satellite:');
    const { scenario } = load(text);
    const w = staticWarnings(scenario);
    expect(w.some((x) => /^Beijing's budget \(\$900m a round\) is over 20 times the revenue of the richest island/.test(x))).toBe(true);
    expect(w.some((x) => x.startsWith("Vaitupa (fictional)'s election falls in round 1"))).toBe(true);
  });

  it('none for the shipped scenarios', () => {
    for (const f of ['coral-sea', 'honiara', 'hunga-tonga', 'micronesia', 'quad', 'shared-future', 'tutorial']) {
      expect(staticWarnings(load(readFileSync(`scenarios/${f}.yaml`, 'utf8')).scenario), f).toEqual([]);
    }
  });
});
