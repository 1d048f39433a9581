import { describe, expect, it } from 'vitest';
import { view } from '../../src/engine';
import { knowledgeMarks, playRecord, secretFacts } from '../../src/host/figures';
import { policyByName } from '../../src/ai';
import { loadScenario, playedGame } from '../helpers';

describe('what each side knew', () => {
  // Seed 34: a game in which a secret clause leaks (rules version 16: repayments to the bank).
  const host = playedGame('34', policyByName('normal'), 'honiara');
  const { scenario, hash } = loadScenario('honiara');
  const r = playRecord(JSON.parse(JSON.stringify(host.record)), scenario, hash);
  if (!r.ok) throw new Error(r.message);
  const p = r.played;

  it('marks the moments a role acted while a fact existed that its own view did not show, and when it learnt it', () => {
    let marked = 0;
    for (const role of p.figures.seats) {
      const firstRound = new Map<string, number>();
      for (const st of [...p.states, p.host.state]) {
        const v = view(st, role);
        // A leaked clause or report is learnt, though no longer secret.
        for (const id of [...secretFacts(v).map((f) => f.id), ...v.agreements.flatMap((a) => a.clauses.map((c) => `clause:${c.id}`)), ...v.log.map((e) => `report:${e.round}:${e.text}`)]) if (!firstRound.has(id)) firstRound.set(id, st.round);
      }
      const marks = knowledgeMarks(p.states[0]!, p.record.actions, p.states, p.host.state, role);
      for (const m of marks) {
        const before = p.states[m.at]!;
        expect(p.record.actions[m.at]?.role).toBe(role);
        const full = new Set(secretFacts(before).map((f) => f.id));
        const seen = new Set(secretFacts(view(before, role)).map((f) => f.id));
        for (const x of m.missing) {
          expect(full.has(x.fact.id)).toBe(true);
          expect(seen.has(x.fact.id)).toBe(false);
          // "learnt in round N": the round of the first state whose view for the role shows the fact.
          expect(x.learnt).toBe(firstRound.get(x.fact.id) ?? null);
          if (x.learnt !== null) expect(x.learnt).toBeGreaterThanOrEqual(m.round);
        }
        marked++;
      }
    }
    expect(marked).toBeGreaterThan(0);
  });

  it('a secret clause that leaks is learnt by a role outside the pact in the round it leaks, and not before', () => {
    // A clause signed in secret (its parties were told of it privately) and public by the end: a leak.
    const leaked = p.host.state.agreements
      .flatMap((a) => a.clauses.map((c) => ({ a, c })))
      .find((x) => x.c.seenBy === 'all' && p.host.state.log.some((e) => e.about.includes(x.c.id) && e.text.startsWith('Secret clause')));
    expect(leaked).toBeDefined();
    const outsider = p.figures.seats.find((s) => !leaked!.a.parties.includes(s))!;
    // Step k of the debrief is the state once round k is over and round k+1's briefing is out.
    const sees = (step: number) => view(p.roundEnds.get(step)!, outsider).agreements.some((a) => a.clauses.some((c) => c.id === leaked!.c.id));
    const steps = [...p.roundEnds.keys()].sort((x, y) => x - y);
    const first = steps.find((k) => sees(k));
    expect(first).toBeDefined();
    expect(first!).toBeGreaterThanOrEqual(leaked!.a.round);
    expect(sees(first! - 1)).toBe(false);
    const marks = knowledgeMarks(p.states[0]!, p.record.actions, p.states, p.host.state, outsider);
    const acted = marks.flatMap((m) => m.missing.filter((x) => x.fact.id === `clause:${leaked!.c.id}`));
    for (const x of acted) expect(x.learnt).toBe(first! + 1);
  });
});
