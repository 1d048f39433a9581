import { describe, expect, it } from 'vitest';
import { RULES_VERSION, stateHash, type Action } from '../../src/engine';
import { MemoryGameStore, AUTOSAVE_ID, type GameStore } from '../../src/host/storage';
import { policyByName, POLICY_NAMES } from '../../src/ai';
import { answerSeatRequest } from '../../src/ui/seat-protocol';
import { GameController } from '../../src/ui/controller';
import { inProcessPort } from '../../src/ui/game-session';
import { loadScenario } from '../../src/ui/scenarios';
import type { SeatRunner } from '../../src/ui/seats';

/** The policy's answer, on a later task, as the game's worker gives it. */
const runSeat: SeatRunner = (req) =>
  new Promise<Action[]>((resolve, reject) =>
    setTimeout(() => {
      const r = answerSeatRequest({ ...req, id: 1 }, { byName: policyByName, names: POLICY_NAMES });
      if ('error' in r) reject(new Error(r.error));
      else resolve(r.actions);
    }, 0),
  );

/** The page's controller and, behind the worker's messages, the session (read only by the test). */
function controller(store: GameStore = new MemoryGameStore()) {
  const { port, session, received } = inProcessPort({ store, runSeat });
  return { c: new GameController(port), session, received, store };
}

const settle = async (c: GameController) => {
  for (let i = 0; i < 400; i++) {
    await new Promise((r) => setTimeout(r, 0));
    if (!c.busy && c.saveState === 'idle' && (c.screen !== 'match' || c.shown)) {
      await new Promise((r) => setTimeout(r, 5));
      if (!c.busy && c.saveState === 'idle') return;
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
    const { c, session, store } = controller();
    await c.start(await coralSea(), { mode: 'solo', humans: ['canberra'] }, '3');
    await settle(c);
    expect(c.screen).toBe('match');
    expect(c.shown).toBe('canberra');
    expect(c.view()?.viewer).toBe('canberra');
    // The computer seats made their opening moves before Canberra's turn.
    expect(session.recordForTests?.actions.some((a) => a.role !== 'canberra')).toBe(true);
    expect(c.game?.phase).toBe('negotiation');
    let guard = 0;
    let rounds = 0;
    while (c.screen === 'match' && guard++ < 100) {
      // The seat's figures at the start of each round so far, this one included.
      expect(c.history.snapshots.map((s) => s.round)).toEqual(Array.from({ length: c.game?.round ?? 0 }, (_, i) => i + 1));
      rounds = c.history.snapshots.length;
      expect(await c.endPhase()).toBeNull();
      await settle(c);
    }
    expect(c.screen).toBe('end');
    expect(c.game?.over).toBe(true);
    const saved = await store.get(AUTOSAVE_ID);
    expect(saved?.over).toBe(true);
    expect(saved?.record.actions.length).toBe(session.recordForTests?.actions.length);
    expect(rounds).toBe(12);
  });

  it('hands the device over between hot-seat players, showing nobody’s screen in between', async () => {
    const { c, session } = controller();
    await c.start(await coralSea(), { mode: 'hotseat', humans: ['SLB', 'canberra'] }, '5');
    await settle(c);
    expect(c.screen).toBe('handoff');
    expect(c.shown).toBeNull();
    expect(c.view()).toBeNull();
    expect(c.active).toBe('SLB');
    c.takeSeat();
    await settle(c);
    expect(c.shown).toBe('SLB');
    expect(c.view()?.viewer).toBe('SLB');
    expect(c.nextSeat).toBe('canberra');
    c.passSeat();
    await settle(c);
    expect(c.screen).toBe('handoff');
    expect(c.active).toBe('canberra');
    c.takeSeat();
    await settle(c);
    expect(await c.endPhase()).toBeNull();
    await settle(c);
    expect(c.screen).toBe('handoff');
    expect(c.active).toBe('SLB');
    c.takeSeat();
    await settle(c);
    expect(await c.endPhase()).toBeNull();
    await settle(c);
    expect(session.stateForTests?.phase).toBe('decisions');
  });

  it('opens its own autosave and carries on at the same round and phase', async () => {
    const store = new MemoryGameStore();
    const { c, session } = controller(store);
    await c.start(await coralSea(), { mode: 'solo', humans: ['PNG'] }, '9');
    await settle(c);
    for (let i = 0; i < 3; i++) {
      await c.endPhase();
      await settle(c);
    }
    const { round, phase } = c.game ?? { round: 0, phase: '' };
    const d = controller(store);
    const opened = await d.c.openSaved(AUTOSAVE_ID);
    expect(opened.ok).toBe(true);
    await settle(d.c);
    expect(d.c.game?.round).toBe(round);
    expect(d.c.game?.phase).toBe(phase);
    expect(d.c.shown).toBe('PNG');
    expect(d.session.recordForTests?.actions.length).toBe(session.recordForTests?.actions.length);
  });

  it('refuses a bad record and leaves the game in progress untouched', async () => {
    const { c, session, store } = controller();
    await c.start(await coralSea(), { mode: 'solo', humans: ['canberra'] }, '1');
    await settle(c);
    const game = c.game;
    const actions = session.recordForTests?.actions.length;
    const autosave = JSON.stringify(await store.get(AUTOSAVE_ID));
    const record = JSON.parse(JSON.stringify(session.recordForTests));
    for (const [data, message] of [
      ['garbage', /not a Landing Rights game record/],
      [null, /not a Landing Rights game record \(expected a JSON object, found null\)/],
      [{ ...record, rules: 999 }, /rules version 999/],
      [{ ...record, scenario: { ...record.scenario, id: 'atlantis', text: undefined } }, /atlantis/],
      [{ ...record, scenario: { ...record.scenario, hash: 'abc', text: undefined } }, /different version of scenario/],
      [{ ...record, format: 99 }, /newer/],
      [{ ...record, landingRights: { seating: { mode: 'solo', humans: ['canberra'], policy: 'skynet' } } }, /computer player "skynet"/],
    ] as const) {
      const r = await c.open(data);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(message);
      await settle(c);
      expect(c.game).toEqual(game);
      expect(session.recordForTests?.actions.length).toBe(actions);
      expect(JSON.stringify(await store.get(AUTOSAVE_ID))).toBe(autosave);
    }
    expect(await c.openText('{ not json')).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
    // A browser save whose seating names an unknown computer player is refused too.
    const saved = await store.get(AUTOSAVE_ID);
    await store.put({ ...saved!, id: 'robot', seating: { mode: 'solo', humans: ['canberra'], policy: 'skynet' } });
    expect(await c.openSaved('robot')).toMatchObject({ ok: false, message: expect.stringMatching(/The save names a computer player "skynet"/) });
    expect(c.game).toEqual(game);
  });

  it('says a game in progress is unsaved until a named save holds it as it is', async () => {
    const { c } = controller();
    expect(c.unsaved).toBe(false);
    await c.start(await coralSea(), { mode: 'solo', humans: ['canberra'] }, '2');
    await settle(c);
    expect(c.unsaved).toBe(true);
    await c.saveAs();
    await settle(c);
    expect(c.unsaved).toBe(false);
    await c.endPhase();
    await settle(c);
    expect(c.unsaved).toBe(true);
  });

  it('carries on a save of the previous rules version, telling the player so', async () => {
    const store = new MemoryGameStore();
    const first = controller(store);
    await first.c.start(await coralSea(), { mode: 'solo', humans: ['canberra'] }, '12');
    await settle(first.c);
    await first.c.endPhase();
    await settle(first.c);
    await first.c.saveAs();
    const [summary] = (await store.list()).filter((s) => s.id !== AUTOSAVE_ID);
    const saved = await store.get(summary?.id ?? '');
    if (!saved?.record.last) throw new Error('no save');
    const state = { ...saved.record.last.state, rules: RULES_VERSION - 1 };
    await store.put({ ...saved, record: { ...saved.record, rules: RULES_VERSION - 1, last: { state, hash: stateHash(state) } } });
    const { c, session } = controller(store);
    const opened = await c.openSaved(saved.id);
    expect(opened).toMatchObject({ ok: true, notice: expect.stringMatching(/saved under rules version/) });
    await settle(c);
    expect(c.notice?.text).toMatch(new RegExp(`carries on under rules version ${RULES_VERSION}`));
    expect(c.game?.round).toBe(saved.round);
    expect(c.shown).toBe('canberra');
    expect(session.recordForTests?.continued?.rules).toBe(RULES_VERSION - 1);
    expect(await c.endPhase()).toBeNull();
  });

  it('asks before a file replaces a game in progress that no named save holds, and a "no" changes nothing', async () => {
    const other = controller();
    await other.c.start(await coralSea(), { mode: 'solo', humans: ['PNG'] }, '31');
    await settle(other.c);
    const file = JSON.stringify({ ...other.session.recordForTests, landingRights: { seating: { mode: 'solo', humans: ['PNG'] } } });

    const { c, session, store } = controller();
    await c.start(await coralSea(), { mode: 'solo', humans: ['canberra'] }, '30');
    await settle(c);
    await c.endPhase();
    await settle(c);
    const game = c.game;
    const actions = session.recordForTests?.actions.length;
    const autosave = JSON.stringify(await store.get(AUTOSAVE_ID));
    expect(await c.openText(file)).toMatchObject({ ok: false, ask: true, message: expect.stringMatching(/not saved under a name/) });
    await settle(c);
    expect(c.game).toEqual(game);
    expect(c.shown).toBe('canberra');
    expect(JSON.stringify(await store.get(AUTOSAVE_ID))).toBe(autosave);
    expect(session.recordForTests?.actions.length).toBe(actions);
    // Its own autosave is the game in progress: loading it asks nothing.
    expect(await c.openSaved(AUTOSAVE_ID)).toMatchObject({ ok: true });
    await settle(c);
    expect(c.game?.round).toBe(game?.round);
    // Saying yes opens it.
    expect(await c.openText(file, true)).toMatchObject({ ok: true });
    await settle(c);
    expect(c.shown).toBe('PNG');
    // Once a named save holds the game as it is, nothing is lost and nobody is asked.
    await c.saveAs();
    expect(await c.openText(file)).toMatchObject({ ok: true });
  });
});
