import type { GameState, Offer, RoleId, ScenarioData } from '../engine';
import { MatchHost } from '../host/match';
import { playToEnd } from './autoplay';
import { policyByName } from '.';

/**
 * The authoring report: a scenario played over a few dozen seeds with the built-in policies and
 * with normal bots, told in plain words for the teacher who wrote it. Which tabled offers and
 * scripted events fired, which were dropped and why (the engine's own refusal, from its log),
 * each role's win rate and score spread, and warnings a teacher can act on. The CLI
 * (`npm run validate -- FILE --report`) and the browser's worker both play games with
 * `reportGame` and sum them up with `summariseReport`, so the same seeds give the same report.
 */

import type { ReportPolicy } from './report-words';

/** What became of one tabled offer in one game. */
export interface TabledFate {
  /** Its index in the scenario's `tabled:` list. */
  index: number;
  /** `notTabled`: the rules refused to put it on the table (`reason` is their refusal). */
  fate: 'signed' | 'rejected' | 'expired' | 'void' | 'withdrawn' | 'open' | 'notTabled';
  /** The refusal, rejection or voiding reason, in the engine's words. */
  reason: string | null;
  /** It was countered on the way (the fate is the last counter-offer's). */
  countered: boolean;
}

/** What became of one scripted event in one game: the news line the engine wrote for it. */
export interface EventFate {
  index: number;
  fired: boolean;
  news: string | null;
}

export interface GameDigest {
  policy: ReportPolicy;
  seed: number;
  scores: Record<RoleId, number>;
  tabled: TabledFate[];
  events: EventFate[];
}

/** The last offer of a chain of counters that started at `offer`. */
function lastOf(g: GameState, offer: Offer): { offer: Offer; countered: boolean } {
  let cur = offer;
  let countered = false;
  for (let i = 0; i < 10 && cur.status === 'countered'; i++) {
    const next = g.offers.find((o) => o.replaces === cur.id);
    if (!next) break;
    cur = next;
    countered = true;
  }
  return { offer: cur, countered };
}

/** The fates of the scenario's tabled offers in a finished game, read from the offers and the log. */
export function tabledFates(g: GameState, scenario: ScenarioData): TabledFate[] {
  const tabled = scenario.tabled ?? [];
  const out: TabledFate[] = [];
  for (const round of [...new Set(tabled.map((t) => t.round))]) {
    // Tabled offers are the first offers of their round, in the order of the list.
    const first = g.offers.filter((o) => o.round === round).sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
    let next = 0;
    tabled.forEach((t, index) => {
      if (t.round !== round) return;
      const refused = g.log.find((e) => e.round === round && e.about.includes(`tabled[${index}]`));
      if (refused) {
        out.push({ index, fate: 'notTabled', reason: refused.text.replace(/^.*? is not tabled: /, ''), countered: false });
        return;
      }
      const offer = first[next];
      if (!offer || offer.from !== t.from || round > g.round) return;
      next++;
      const last = lastOf(g, offer);
      const status = last.offer.status;
      const fate: TabledFate['fate'] = status === 'accepted' || status === 'countered' ? 'open' : status;
      out.push({ index, fate, reason: last.offer.reason, countered: last.countered });
    });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The fates of the scenario's scripted events: each matched to the event the engine recorded and its news line. */
export function eventFates(g: GameState, scenario: ScenarioData): EventFate[] {
  const used = new Set<string>();
  return (scenario.scripted ?? []).map((s, index) => {
    const e = g.events.find((x) => x.scripted && !used.has(x.id) && x.round === s.round && x.kind === s.kind && (!s.island || x.island === s.island));
    if (!e) return { index, fired: false, news: null };
    used.add(e.id);
    const head = (s.title ?? e.title).split(':')[0] ?? e.title;
    const news = g.log.find((l) => l.round === s.round && l.seenBy === 'all' && l.text.startsWith(head))?.text ?? e.title;
    return { index, fired: true, news };
  });
}

/** One game played for the report: every seat played by `policy`, seed as given. */
export function reportGame(scenario: ScenarioData, hash: string, policy: ReportPolicy, seed: number): GameDigest {
  const host = new MatchHost(scenario, hash, String(seed), { hashes: false });
  const p = policyByName(policy);
  if (!p) throw new Error(`no computer player named ${policy}`);
  playToEnd(host, () => p, String(seed));
  const g = host.state;
  return {
    policy,
    seed,
    scores: Object.fromEntries(g.seats.map((r) => [r, g.scores[r]?.total ?? 0])),
    tabled: tabledFates(g, scenario),
    events: eventFates(g, scenario),
  };
}

export { POLICY_WORDS, REPORT_POLICIES, REPORT_SEEDS, reportPlan, type ReportPolicy, reportText, staticWarnings, summariseReport, tabledName, type AuthoringReport, type RoleLine } from './report-words';
