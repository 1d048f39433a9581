import { possessive, type Deal, type RoleId, type ScenarioData } from '../engine';
import type { GameDigest, TabledFate } from './report';
import { REVENUE_FILE, revenueMismatches } from '../scenario/revenue';

/**
 * The authoring report in plain words (see report.ts, which plays the games): no engine rules
 * run here, so the page that shows a report loads none of the computer players.
 */

/** The two ways the report plays every seat: the built-in policies and the normal bot. */
export const REPORT_POLICIES = ['simple', 'normal'] as const;
export type ReportPolicy = (typeof REPORT_POLICIES)[number];

/** Seeds per policy: a few dozen with the fast built-in policies, fewer with the slower bots. */
export const REPORT_SEEDS: Record<ReportPolicy, number> = { simple: 30, normal: 12 };

/** The games a report plays: seeds 1…N for each policy. */
export function reportPlan(seeds: Record<ReportPolicy, number> = REPORT_SEEDS): { policy: ReportPolicy; seed: number }[] {
  return REPORT_POLICIES.flatMap((policy) => Array.from({ length: seeds[policy] }, (_, i) => ({ policy, seed: i + 1 })));
}
export const POLICY_WORDS: Record<ReportPolicy, string> = { simple: 'the built-in policies', normal: 'normal computer players' };


export interface RoleLine {
  role: RoleId;
  name: string;
  policy: ReportPolicy;
  games: number;
  wins: number;
  mean: number;
  min: number;
  max: number;
  sd: number;
}

export interface AuthoringReport {
  title: string;
  games: Record<ReportPolicy, number>;
  /** One sentence per tabled offer. */
  tabled: string[];
  /** One sentence per scripted event. */
  events: string[];
  roles: RoleLine[];
  /** What a teacher may want to change, each a sentence. */
  warnings: string[];
}

const nameOf = (s: ScenarioData, role: string): string => s.islands.find((i) => i.id === role)?.name ?? s.powers.find((p) => p.id === role)?.name ?? role;
const money = (thousands: number): string => `$${Number((thousands / 1000).toFixed(thousands % 1000 === 0 ? 0 : 1))}m`;

const PROJECTS: Record<string, string> = { towers: 'tower network', carrier: 'carrier purchase', dataCentre: 'data centre', eGovernment: 'e-government system', safeCity: '“safe city” system' };
const PURPOSES: Record<string, string> = { budget: 'budget support', relief: 'disaster relief', infrastructure: 'infrastructure', banking: 'banking services' };
const ACTS: Record<string, string> = { switchRecognition: 'switch of recognition', joinBloc: 'bloc membership' };

/** A tabled offer by what it is: "Beijing's $63m tower network loan to Papua New Guinea". */
export function tabledName(s: ScenarioData, from: RoleId, deal: Deal): string {
  const who = possessive(nameOf(s, from));
  const d = deal as Deal & Record<string, unknown>;
  const financing = (d as { financing?: { kind?: string } }).financing?.kind === 'loan' ? 'loan' : 'grant';
  switch (deal.kind) {
    case 'aid':
      return `${who} ${money(deal.amount)} ${PURPOSES[deal.purpose ?? ''] ?? 'aid'} ${financing} to ${nameOf(s, deal.island)}`;
    case 'telecom':
      return `${who} ${money(deal.amount)} ${PROJECTS[deal.project] ?? deal.project} ${financing} for ${nameOf(s, deal.island)}`;
    case 'cable': {
      const route = deal.route.map((l) => s.landings.find((x) => x.id === l)?.name ?? l).join('–');
      return `${who} ${route} cable (${financing})`;
    }
    case 'pact':
      return `${who} ${deal.pact} pact ${from === deal.power ? `with ${nameOf(s, deal.island)}` : `with ${nameOf(s, deal.power)}`}`;
    case 'diplomatic':
      return `${who} ${ACTS[deal.act] ?? deal.act} offer (${nameOf(s, deal.island)} with ${nameOf(s, deal.power)})`;
    default:
      return `${who} ${String((deal as { kind: string }).kind)} offer`;
  }
}

const EVENT_WORDS: Record<string, string> = {
  eruption: 'eruption',
  anchorDrag: 'anchor drag',
  cyclone: 'cyclone',
  riots: 'riots',
  leak: 'leak',
  ransomware: 'ransomware attack',
  election: 'election',
  debtDistress: 'debt distress',
  summit: 'summit',
  budgetCut: 'budget cut',
  changeOfGovernment: 'change of government',
  pandemic: 'pandemic',
  securityReview: 'security review',
  satelliteService: 'satellite service',
  recognitionPush: 'push for recognition',
  bankExit: 'bank leaving',
};

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const MONEY = /\$\d+(?:\.\d+)?m/g;

/** Money in a reason as a range over the games: "Beijing has $188m–$220m". */
function merged(texts: string[]): string {
  const first = texts[0] ?? '';
  const amounts = texts.map((t) => (t.match(MONEY) ?? []).map((x) => Number(x.slice(1, -1))));
  let slot = 0;
  return first.replace(MONEY, (whole) => {
    const values = amounts.map((a) => a[slot]).filter((x): x is number => x !== undefined);
    slot++;
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    return lo === hi ? whole : `$${lo}m–$${hi}m`;
  });
}

/** The commonest reasons first, as "x (12); y (3)": reasons that differ only in sums of money count as one. */
function tally(values: string[], max = 3): string {
  const groups = new Map<string, string[]>();
  for (const v of values) {
    const text = v.trim().replace(/\.$/, '');
    const key = text.replace(MONEY, '$#m');
    groups.set(key, [...(groups.get(key) ?? []), text]);
  }
  const sorted = [...groups.values()].sort((a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? ''));
  const shown = sorted.slice(0, max).map((g) => `${merged(g)} (${g.length})`);
  if (sorted.length > max) shown.push(`and ${count(sorted.length - max, 'other')}`);
  return shown.join('; ');
}

const FATE_WORDS: Record<TabledFate['fate'], string> = { signed: 'signed', rejected: 'rejected', expired: 'left unanswered', void: 'void at signing', withdrawn: 'withdrawn', open: 'still open', notTabled: 'not tabled' };

function tabledLines(s: ScenarioData, digests: GameDigest[], warnings: string[]): string[] {
  return (s.tabled ?? []).map((t, index) => {
    const name = tabledName(s, t.from, t.deal);
    const parts = REPORT_POLICIES.flatMap((policy) => {
      const games = digests.filter((d) => d.policy === policy);
      if (!games.length) return [];
      const fates = games.flatMap((d) => d.tabled.filter((f) => f.index === index));
      const dropped = fates.filter((f) => f.fate === 'notTabled');
      const tabled = fates.filter((f) => f.fate !== 'notTabled');
      const outcomes = (['signed', 'rejected', 'expired', 'void', 'withdrawn', 'open'] as const).map((k) => [k, tabled.filter((f) => f.fate === k)] as const).filter(([, l]) => l.length > 0);
      const said = outcomes.map(([k, l]) => `${FATE_WORDS[k]} in ${l.length}${(k === 'rejected' || k === 'void') && l.some((f) => f.reason) ? ` (${tally(l.flatMap((f) => (f.reason ? [f.reason] : [])), 2)})` : ''}`);
      const countered = tabled.filter((f) => f.countered).length;
      let line = `with ${POLICY_WORDS[policy]}, tabled in ${tabled.length} of ${games.length} games${said.length ? `: ${said.join(', ')}` : ''}${countered ? `, after a counter-offer in ${countered}` : ''}`;
      if (dropped.length) line += `; not tabled in ${dropped.length}: ${tally(dropped.map((f) => f.reason ?? 'refused by the rules'))}`;
      if (dropped.length === games.length) {
        const money = dropped.some((f) => /this deal costs it|cannot pay/.test(f.reason ?? ''));
        warnings.push(
          `round ${t.round}: ${name} was never tabled with ${POLICY_WORDS[policy]}: ${tally(dropped.map((f) => f.reason ?? ''), 1)}. ${money ? 'Make it cheaper, table it earlier, or give its sender more money.' : 'Change its terms or its round so that the rules accept it then.'}`,
        );
      }
      return [line];
    });
    return `round ${t.round}: ${name} (tabled[${index}]) — ${parts.join('; ')}.`;
  });
}

function eventLines(s: ScenarioData, digests: GameDigest[], warnings: string[]): string[] {
  return (s.scripted ?? []).map((e, index) => {
    const what = `${EVENT_WORDS[e.kind] ?? e.kind}${e.island ? ` in ${nameOf(s, e.island)}` : e.power ? ` for ${nameOf(s, e.power)}` : ''}`;
    const fates = digests.flatMap((d) => d.events.filter((f) => f.index === index));
    const fired = fates.filter((f) => f.fired);
    if (fired.length === 0) warnings.push(`round ${e.round}: the scripted ${what} never happened in ${count(fates.length, 'game')}.`);
    const news = fired.flatMap((f) => (f.news ? [f.news] : []));
    return `round ${e.round}: ${what} (scripted[${index}]) happened in ${fired.length} of ${fates.length} games${news.length ? `; the news said: ${tally(news, 2)}` : ''}.`;
  });
}

function roleLines(s: ScenarioData, digests: GameDigest[]): RoleLine[] {
  const roles = [...s.islands.map((i) => i.id), ...s.powers.map((p) => p.id)];
  return REPORT_POLICIES.flatMap((policy) => {
    const games = digests.filter((d) => d.policy === policy);
    if (!games.length) return [];
    return roles.map((role) => {
      const scores = games.map((d) => d.scores[role] ?? 0);
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, scores.length - 1));
      return { role, name: nameOf(s, role), policy, games: games.length, wins: scores.filter((x) => x >= s.par).length, mean, min: Math.min(...scores), max: Math.max(...scores), sd };
    });
  });
}

/** Warnings the file itself shows, before any game: money out of scale, an election before anyone can act. */
export function staticWarnings(s: ScenarioData): string[] {
  const out: string[] = [];
  // Against sourced revenues a power's budget is small beside PNG's and large beside Niue's: warn
  // only when it is out of scale with every island, which is how a slip of units shows.
  const revenues = s.islands.map((i) => i.revenuePerRound);
  const largest = Math.max(0, ...revenues);
  const smallest = Math.min(...revenues);
  for (const p of s.powers) {
    if (largest > 0 && p.budgetPerRound > 20 * largest)
      out.push(
        `${p.name}'s budget (${money(p.budgetPerRound)} a round) is over 20 times the revenue of the richest island (${money(largest)} a round): its money swamps every island's own choices.`,
      );
    else if (smallest > 0 && p.budgetPerRound * 100 < smallest)
      out.push(`${p.name}'s budget (${money(p.budgetPerRound)} a round) is under a hundredth of the revenue of the poorest island (${money(smallest)} a round): its offers will hardly matter to any of them.`);
  }
  // A real island's revenue should be its sourced government revenue (docs/rules.md, island
  // finances): a warning, not a refusal, so an author may model another year on purpose.
  for (const { index, expected, figure } of revenueMismatches(s))
    out.push(
      `${possessive(s.islands[index]?.name ?? figure.name)} revenuePerRound is ${money(s.islands[index]?.revenuePerRound ?? 0)}, where its sourced government revenue (US$${Math.round(figure.revenueUsd / 1e5) / 10}m a year, ${figure.year}, in ${REVENUE_FILE}) gives about ${money(expected)} for ${s.monthsPerRound} month${s.monthsPerRound > 1 ? 's' : ''}: loans and aid will weigh more or less than they did.`,
    );
  for (const i of s.islands) if (i.nextElection === 1) out.push(`${i.name}'s election falls in round 1, before any deal is signed: nothing the players do can move it. Set \`nextElection:\` to round 2 or later.`);
  for (const [index, e] of (s.scripted ?? []).entries())
    if (e.round === 1 && (e.kind === 'election' || e.kind === 'changeOfGovernment'))
      out.push(`scripted[${index}]: a${e.kind === 'election' ? 'n election' : ' change of government'}${e.island ? ` in ${nameOf(s, e.island)}` : ''} in round 1 comes before any deal is signed: nothing the players do can move it.`);
  return out;
}

/** The report from the games played (any order): plain sentences and a table of roles. */
export function summariseReport(s: ScenarioData, digests: GameDigest[]): AuthoringReport {
  const ordered = [...digests].sort((a, b) => a.policy.localeCompare(b.policy) || a.seed - b.seed);
  const warnings: string[] = [...staticWarnings(s)];
  const tabled = tabledLines(s, ordered, warnings);
  const events = eventLines(s, ordered, warnings);
  const roles = roleLines(s, ordered);
  for (const r of roles) {
    const rate = r.wins / r.games;
    if (r.games >= 5 && rate >= 0.9) warnings.push(`${r.name} reached the par (${s.par}) in ${r.wins} of ${r.games} games with ${POLICY_WORDS[r.policy]}: it wins nearly always. Weaken its start (money, alignment, influence) or strengthen its rivals.`);
    else if (r.games >= 5 && rate <= 0.05) warnings.push(`${r.name} reached the par (${s.par}) in ${r.wins} of ${r.games} games with ${POLICY_WORDS[r.policy]}: it almost never wins. Give it more to work with, or lower \`par:\`.`);
  }
  return {
    title: s.title,
    games: { simple: ordered.filter((d) => d.policy === 'simple').length, normal: ordered.filter((d) => d.policy === 'normal').length },
    tabled,
    events,
    roles,
    warnings,
  };
}

/** The report as text for a terminal or a file. */
export function reportText(r: AuthoringReport): string {
  const lines: string[] = [];
  lines.push(`Authoring report: ${r.title}`);
  lines.push(`Played ${REPORT_POLICIES.map((p) => `${count(r.games[p], 'game')} with ${POLICY_WORDS[p]}`).join(' and ')} (seeds 1 to N).`);
  lines.push('', 'Tabled offers:');
  lines.push(...(r.tabled.length ? r.tabled.map((l) => `  ${l}`) : ['  none in this scenario.']));
  lines.push('', 'Scripted events:');
  lines.push(...(r.events.length ? r.events.map((l) => `  ${l}`) : ['  none in this scenario.']));
  lines.push('', 'Roles (a win is a final score at or above the par):');
  for (const p of REPORT_POLICIES) {
    const rows = r.roles.filter((x) => x.policy === p);
    if (!rows.length) continue;
    lines.push(`  with ${POLICY_WORDS[p]}:`);
    const width = Math.max(...rows.map((x) => x.name.length));
    for (const x of rows)
      lines.push(`    ${x.name.padEnd(width)}  wins ${String(Math.round((100 * x.wins) / x.games)).padStart(3)}% (${x.wins}/${x.games})  score ${x.mean.toFixed(1)} ± ${x.sd.toFixed(1)}, ${x.min}–${x.max}`);
  }
  lines.push('', 'Warnings:');
  lines.push(...(r.warnings.length ? r.warnings.map((w) => `  - ${w}`) : ['  none.']));
  return lines.join('\n');
}
