import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/engine';
import { MemoryGameStore, AUTOSAVE_ID } from '../../src/host/storage';
import { policyByName, POLICY_NAMES } from '../../src/ai';
import { answerSeatRequest } from '../../src/ui/seat-protocol';
import { GameController } from '../../src/ui/controller';
import { loadScenario } from '../../src/ui/scenarios';
import type { SeatRunner } from '../../src/ui/seats';

/** The worker's answer, on a later task, as the real worker gives it. */
const runSeat: SeatRunner = (req) =>
  new Promise<Action[]>((resolve, reject) =>
    setTimeout(() => {
      const r = answerSeatRequest({ ...req, id: 1 }, { byName: policyByName, names: POLICY_NAMES });
      if ('error' in r) reject(new Error(r.error));
      else resolve(r.actions);
    }, 0),
  );

const settle = async (c: GameController) => {
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 0));
    if (!c.busy && c.saveState === 'idle' && (c.screen !== 'match' || c.shown)) {
      await new Promise((r) => setTimeout(r, 5));
      if (!c.busy) return;
    }
  }
};

async function coralSea() {
  const load = await loadScenario('coral-sea');
  if (!load?.ok) throw new Error('no coral sea');
  return load.loaded;
}

describe('the game controller', () => {
  it('plays a solo game as Canberra to the end, computer seats moving first in each phase', async () => {
    const store = new MemoryGameStore();
    const c = new GameController({ store, runSeat });
    c.start(await coralSea(), { mode: 'solo', humans: ['canberra'] }, '3');
    await settle(c);
    expect(c.screen).toBe('match');
    expect(c.shown).toBe('canberra');
    const first = c.host?.state;
    // The computer seats made their opening moves before Canberra's turn.
    expect(c.host?.record.actions.some((a) => a.role !== 'canberra')).toBe(true);
    expect(first?.phase).toBe('negotiation');
    let guard = 0;
    while (c.screen === 'match' && guard++ < 100) {
      expect(c.endPhase()).toBeNull();
      await settle(c);
    }
    expect(c.screen).toBe('end');
    expect(c.host?.over).toBe(true);
    const saved = await store.get(AUTOSAVE_ID);
    expect(saved?.over).toBe(true);
    expect(saved?.record.actions.length).toBe(c.host?.record.actions.length);
    expect(c.history.snapshots.length).toBe(12);
  });

  it('hands the device over between hot-seat players, showing nobody’s screen in between', async () => {
    const c = new GameController({ store: new MemoryGameStore(), runSeat });
    c.start(await coralSea(), { mode: 'hotseat', humans: ['SLB', 'canberra'] }, '5');
    await settle(c);
    expect(c.screen).toBe('handoff');
    expect(c.shown).toBeNull();
    expect(c.view()).toBeNull();
    expect(c.active).toBe('SLB');
    c.takeSeat();
    expect(c.shown).toBe('SLB');
    expect(c.view()?.viewer).toBe('SLB');
    c.passSeat();
    expect(c.screen).toBe('handoff');
    expect(c.active).toBe('canberra');
    c.takeSeat();
    expect(c.endPhase()).toBeNull();
    await settle(c);
    expect(c.screen).toBe('handoff');
    expect(c.active).toBe('SLB');
    c.takeSeat();
    expect(c.endPhase()).toBeNull();
    await settle(c);
    expect(c.host?.state.phase).toBe('decisions');
  });

  it('opens its own autosave and carries on at the same round and phase', async () => {
    const store = new MemoryGameStore();
    const c = new GameController({ store, runSeat });
    c.start(await coralSea(), { mode: 'solo', humans: ['PNG'] }, '9');
    await settle(c);
    for (let i = 0; i < 3; i++) {
      c.endPhase();
      await settle(c);
    }
    const { round, phase } = c.host?.state ?? { round: 0, phase: '' };
    const d = new GameController({ store, runSeat });
    const opened = await d.openSaved(AUTOSAVE_ID);
    expect(opened.ok).toBe(true);
    await settle(d);
    expect(d.host?.state.round).toBe(round);
    expect(d.host?.state.phase).toBe(phase);
    expect(d.shown).toBe('PNG');
    expect(d.host?.record.actions.length).toBe(c.host?.record.actions.length);
  });

  it('refuses a bad record and leaves the game in progress untouched', async () => {
    const c = new GameController({ store: new MemoryGameStore(), runSeat });
    c.start(await coralSea(), { mode: 'solo', humans: ['canberra'] }, '1');
    await settle(c);
    const before = c.host;
    const actions = c.host?.record.actions.length;
    const record = JSON.parse(JSON.stringify(c.host?.record));
    for (const [data, message] of [
      ['garbage', /not a Landing Rights game record/],
      [{ ...record, rules: 999 }, /rules version 999/],
      [{ ...record, scenario: { ...record.scenario, id: 'atlantis' } }, /atlantis/],
      [{ ...record, scenario: { ...record.scenario, hash: 'abc' } }, /different version of scenario/],
      [{ ...record, format: 99 }, /newer/],
    ] as const) {
      const r = await c.open(data);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(message);
      expect(c.host).toBe(before);
      expect(c.host?.record.actions.length).toBe(actions);
    }
  });
});
