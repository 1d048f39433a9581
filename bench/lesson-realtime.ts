/**
 * A lesson in real time, on this machine only (127.0.0.1): too long for `npm test`, so a script.
 *
 *   node --import tsx bench/lesson-realtime.ts [--phase-seconds 60] [--scenario honiara]
 *        [--lesson lesson-50] [--people 2] [--json]
 *
 * Starts the online server as its own process (PGlite in a temporary folder), hosts the scenario's
 * lesson cut with every seat a team (docs/facilitator.md, sub-roles), and sits `--people` members
 * in each team, each on its own connection with its own sub-role: an island's prime minister and
 * minister of finance (then foreign affairs), a power's minister and ambassador. The facilitator's
 * console (the host, full view) sets every negotiation and decisions phase to `--phase-seconds`;
 * nobody ends a phase: the deadline does, as in a class where the clock runs out. Members act at
 * their own moments through the built-in policy (two passes each a phase); a move that needs a
 * teammate's signature waits until that teammate approves it a moment later. The facilitator
 * schedules a news inject for round 2 and publishes one now. At the end the host's record is
 * fetched and replayed: every round hash must match. Prints the wall time, rounds, moves made,
 * co-signed moves, refusals and whether the replay matched.
 */
import { Client, type Room } from '@colyseus/sdk';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { policyByName } from '../src/ai';
import type { Action, GameView, RoleId } from '../src/engine';
import { subRolesOf } from '../src/engine/subroles';
import { replay } from '../src/host/match';
import { followViews } from '../src/host/view-sync';
import { parseScenarioText } from '../src/scenario/load';
import { fail, intOption, options } from '../src/cli/args';
import { startRoomsServer } from '../src/cli/server-process';

const USAGE = 'Usage: node --import tsx bench/lesson-realtime.ts [--phase-seconds 60 (1-600)] [--scenario honiara] [--lesson lesson-50] [--people 2 (1-3)] [--json]';
const { values } = options(
  { 'phase-seconds': { type: 'string' }, scenario: { type: 'string' }, lesson: { type: 'string' }, people: { type: 'string' }, json: { type: 'boolean' } },
  USAGE,
);
const phaseSeconds = intOption(values['phase-seconds'], 'phase-seconds', 60);
const people = intOption(values.people, 'people', 2);
const scenarioId = values.scenario ?? 'honiara';
const lesson = values.lesson ?? 'lesson-50';
if (phaseSeconds < 1 || phaseSeconds > 600) fail(`--phase-seconds must be from 1 to 600.\n${USAGE}`, 2);
if (people < 1 || people > 3) fail(`--people must be from 1 to 3.\n${USAGE}`, 2);

const policy = policyByName('simple')!;
const log = (s: string) => values.json || process.stderr.write(`${s}\n`);


const counts = { moves: 0, refused: 0, held: 0, cosigned: 0 };

interface Pending {
  id: number;
  by: string;
  needs: { id: string }[];
}

/** One member of a team on its own connection, with its own sub-role. */
class Member {
  private view: GameView | null = null;
  private pass = 0;
  private key = '';
  private waiting = false;
  private signing = new Set<number>();

  constructor(
    private readonly room: Room,
    readonly seat: RoleId,
    readonly subRole: string,
    private readonly seed: string,
  ) {
    followViews(room, (m: { view: GameView }) => {
      this.view = m.view;
      this.waiting = false;
    });
    room.onMessage('refused', () => {
      if (this.waiting) counts.refused++;
      this.waiting = false;
    });
    room.onMessage('held', () => {
      counts.held++;
      this.waiting = false;
    });
    // A teammate's move that needs this member's signature: read it, then approve it a moment later.
    room.onMessage('signatures', (m: { pending: Pending[] }) => {
      for (const p of m.pending)
        if (p.needs.some((n) => n.id === this.subRole) && !this.signing.has(p.id)) {
          this.signing.add(p.id);
          setTimeout(() => {
            counts.cosigned++;
            room.send('sign', { id: p.id, approve: true });
          }, 200 + Math.random() * 800);
        }
    });
    for (const t of ['lobby', 'seated', 'released', 'vote']) room.onMessage(t, () => undefined);
  }

  get over(): boolean {
    return this.view?.phase === 'over';
  }

  /** What the policy would do now; nobody ends the phase: the deadline does. */
  act(): void {
    const v = this.view;
    if (!v || this.waiting || (v.phase !== 'negotiation' && v.phase !== 'decisions') || v.ended.includes(this.seat)) return;
    const key = `${v.round}:${v.phase}`;
    if (key !== this.key) {
      this.key = key;
      this.pass = 0;
    }
    if (this.pass >= 2) return;
    const action: Action | undefined = policy(v, this.seat, { seed: `${this.seed}-${this.subRole}`, pass: this.pass })[0];
    this.pass++;
    if (!action || action.type === 'endPhase') return;
    counts.moves++;
    this.waiting = true;
    this.room.send('act', { action });
  }

  async leave(): Promise<void> {
    await this.room.leave(true).catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lr-lesson-'));
  const server = await startRoomsServer(dataDir);
  const sdk = new Client(server.url.replace(/\/$/, ''));
  const members: Member[] = [];
  let facilitator: Room | null = null;
  const started = Date.now();
  try {
    const seed = `lesson-${phaseSeconds}`;
    const first = await fetch(new URL(`/api/games?scenario=${encodeURIComponent(scenarioId)}&lesson=${encodeURIComponent(lesson)}&seed=${seed}`, server.url), { method: 'POST' });
    if (first.status !== 201) throw new Error(`Creating the game failed: ${first.status} ${await first.text()}`);
    const { code, hostToken } = (await first.json()) as { code: string; hostToken: string };
    let view: GameView | null = null;
    let hash = '';
    const phases: { round: number; phase: string; at: number }[] = [];
    facilitator = await sdk.joinById(code, { host: hostToken, full: true });
    followViews(facilitator, (m: { view: GameView; hash?: string }) => {
      const v = m.view;
      if (!view || view.round !== v.round || view.phase !== v.phase) phases.push({ round: v.round, phase: v.phase, at: Date.now() });
      view = v;
      hash = m.hash ?? hash;
    });
    for (const t of ['lobby', 'refused', 'vote', 'seated']) facilitator.onMessage(t, () => undefined);
    await until(() => view !== null, 10_000);
    const seats = view!.seats;
    // The set-up: every seat a team; each phase --phase-seconds from its start, this one included.
    for (const seat of seats) facilitator.send('host', { command: 'assign', seat, assignment: { mode: 'team' } });
    facilitator.send('facilitate', { command: 'phaseTimes', negotiation: phaseSeconds, decisions: phaseSeconds });
    facilitator.send('facilitate', { command: 'timer', seconds: phaseSeconds });
    facilitator.send('facilitate', { command: 'inject', inject: { kind: 'news', text: 'The class begins: the region is watching.', to: 'all' } });
    facilitator.send('facilitate', { command: 'inject', inject: { kind: 'news', text: 'Scheduled: a parliamentary question on the cable.', to: 'all' }, at: 2 });
    for (const seat of seats) {
      const roles = subRolesOf(view!, seat);
      for (let i = 0; i < people; i++) {
        const subRole = roles[i % roles.length]!.id;
        const room = await sdk.joinById(code, {});
        const m = new Member(room, seat, subRole, seed);
        room.send('claim', { seat, name: `${seat}-${subRole}`, subRole });
        members.push(m);
      }
    }
    log(`${scenarioId} ${lesson}, game ${code}: ${seats.length} teams of ${people}, ${view!.scenario.rounds} rounds, phases of ${phaseSeconds} s`);
    // Each member acts at its own moments, a few times a phase.
    const every = Math.max(250, (phaseSeconds * 1000) / 6);
    const timers = members.map((m) => {
      const timer = { t: setTimeout(() => undefined, 0) };
      const tick = () => {
        m.act();
        timer.t = setTimeout(tick, every * (0.5 + Math.random()));
      };
      timer.t = setTimeout(tick, Math.random() * every);
      return timer;
    });
    const rounds = view!.scenario.rounds;
    const limit = (rounds * 2 * phaseSeconds + 120) * 2 * 1000;
    let lastRound = 0;
    await until(() => {
      const v = view as GameView | null;
      if (v && v.round !== lastRound) {
        lastRound = v.round;
        log(`round ${v.round} of ${rounds} at ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      return v?.phase === 'over';
    }, limit);
    for (const t of timers) clearTimeout(t.t);
    const wallSec = (Date.now() - started) / 1000;

    // The host's record replays to the same hashes.
    const res = await fetch(new URL(`/api/games/${code}/record?host=${hostToken}`, server.url));
    const body = (await res.json()) as { record: { scenario: { text: string; hash: string }; actions: Action[] }; hash: string };
    const parsed = parseScenarioText(body.record.scenario.text, 'the record');
    if (!parsed.ok) throw new Error('The record’s scenario does not read.');
    const again = replay(body.record, parsed.scenario, body.record.scenario.hash);
    const coSignedInRecord = body.record.actions.filter((a) => a.cosigned !== undefined).length;
    const result = {
      scenario: scenarioId,
      lesson,
      phaseSeconds,
      teams: seats.length,
      people: members.length,
      rounds,
      wallSec: Math.round(wallSec * 10) / 10,
      expectedSec: rounds * 2 * phaseSeconds,
      actionsInRecord: body.record.actions.length,
      movesSent: counts.moves,
      refused: counts.refused,
      heldForSignature: counts.held,
      coSignedInRecord,
      replayMatches: again.ok && again.allMatch,
      finalHashMatches: again.ok && body.hash === hash,
    };
    if (values.json) console.log(JSON.stringify(result));
    else console.log(Object.entries(result).map(([k, v]) => `${k}: ${v}`).join('\n'));
    if (!result.replayMatches) process.exitCode = 1;
  } finally {
    await Promise.all(members.map((m) => m.leave()));
    await facilitator?.leave(true).catch(() => undefined);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('Timed out: the game did not reach its end in time.');
    await new Promise((r) => setTimeout(r, 50));
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
