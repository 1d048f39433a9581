/**
 * Load test of the online game server, on this machine only (127.0.0.1):
 *
 *   npm run loadtest -- --rooms 200 --seats 8 [--seconds 60] [--json]
 *
 * Starts the server as its own process (PGlite in a temporary folder, or DATABASE_URL), creates
 * Honiara games, connects `--seats` clients a room spread over its seats, and lets the built-in
 * policy choose each client's actions, one every 2 s on average. One room in twenty leaves a seat
 * to a hard bot. Latency runs from an action sent to the view (or refusal) that answers it (the
 * message carrying the action's id back as `ack`), the durable write included; no answer within
 * 5 s is an error. Clients keep their view from the room's patches, as the browser does.
 */
import { Client, type Room } from '@colyseus/sdk';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { policyByName } from '../ai';
import type { Action, GameView, RoleId } from '../engine';
import { followViews } from '../host/view-sync';
import { fail, intOption, options } from './args';
import { startRoomsServer } from './server-process';

const USAGE = 'Usage: npm run loadtest -- --rooms N (1-400) [--seats 8 (1-16)] [--seconds 60 (5-300)] [--json]';
const { values } = options({ rooms: { type: 'string' }, seats: { type: 'string' }, seconds: { type: 'string' }, json: { type: 'boolean' } }, USAGE);
const rooms = intOption(values.rooms, 'rooms', 20);
const clientsPerRoom = intOption(values.seats, 'seats', 8);
const seconds = intOption(values.seconds, 'seconds', 60);
if (rooms < 1 || rooms > 400) fail(`--rooms must be from 1 to 400.\n${USAGE}`, 2);
if (clientsPerRoom < 1 || clientsPerRoom > 16) fail(`--seats must be from 1 to 16.\n${USAGE}`, 2);
if (seconds < 5 || seconds > 300) fail(`--seconds must be from 5 to 300.\n${USAGE}`, 2);

const TIMEOUT_MS = 5000;
const COMPUTER_SEAT: RoleId = 'washington';
const policy = policyByName('simple')!;

/**
 * With DATABASE_URL: a new, empty database beside that one (so no earlier game reopens), and a way
 * to drop it afterwards. Without: PGlite in the data folder.
 */
async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const base = process.env.DATABASE_URL;
  if (!base) return null;
  const pg = (await import('pg')).default;
  const name = `lr_loadtest_${Date.now()}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => admin(`DROP DATABASE IF EXISTS ${name}`) };
}


/** CPU seconds (user + system) the process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // Fields 14 and 15 of stat (utime, stime), here at 11 and 12 after the command name; clock ticks of 1/100 s.
  return (Number(f[11]) + Number(f[12])) / 100;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

const latencies: number[] = [];
const botLatencies: number[] = [];
let actions = 0;
let refused = 0;
let errors = 0;
let bytesIn = 0;
let fullViews = 0;
let patches = 0;
let nextId = 1;

class SimClient {
  private view: GameView | null = null;
  private waiting: { id: number; at: number; timer: NodeJS.Timeout } | null = null;
  private pass = 0;
  private lastKey = '';

  constructor(
    private readonly room: Room,
    private readonly seat: RoleId,
    private readonly seed: string,
    private readonly botRoom: boolean,
  ) {
    const ws = (room.connection.transport as unknown as { ws?: { on?(e: string, f: (d: Buffer) => void): void } }).ws;
    ws?.on?.('message', (d: Buffer | ArrayBuffer) => (bytesIn += d.byteLength));
    room.onMessage('view', () => fullViews++);
    room.onMessage('viewPatch', () => patches++);
    followViews(room, (m: { view: GameView; ack?: number }) => {
      this.view = m.view;
      if (m.ack !== undefined) this.answered(m.ack, false);
    });
    room.onMessage('refused', (r: { ack?: number }) => r.ack !== undefined && this.answered(r.ack, true));
    room.onMessage('lobby', () => undefined);
    room.onMessage('seated', () => undefined);
  }

  private answered(id: number, refusal: boolean): void {
    if (!this.waiting || this.waiting.id !== id) return;
    const ms = Date.now() - this.waiting.at;
    clearTimeout(this.waiting.timer);
    this.waiting = null;
    (this.botRoom ? botLatencies : latencies).push(ms);
    if (refusal) refused++;
  }

  /** One action: what the policy would do now, else end the phase. */
  act(): void {
    const v = this.view;
    if (!v || this.waiting || (v.phase !== 'negotiation' && v.phase !== 'decisions') || v.ended.includes(this.seat)) return;
    const key = `${v.round}:${v.phase}`;
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.pass = 0;
    }
    const options = this.pass < 2 ? policy(v, this.seat, { seed: this.seed, pass: this.pass }) : [];
    this.pass++;
    const action: Action = options[0] ?? { type: 'endPhase', role: this.seat };
    actions++;
    const id = nextId++;
    this.waiting = {
      id,
      at: Date.now(),
      timer: setTimeout(() => {
        errors++;
        this.waiting = null;
      }, TIMEOUT_MS),
    };
    this.room.send('act', { action, id });
  }

  async leave(): Promise<void> {
    if (this.waiting) clearTimeout(this.waiting.timer);
    await this.room.leave(true).catch(() => undefined);
  }
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lr-loadtest-'));
  const db = await freshDatabase();
  // LOADTEST_SERVER_NODE_ARGS: extra node flags for the server process (e.g. --cpu-prof).
  const server = await startRoomsServer(dataDir, db?.url ?? '', (process.env.LOADTEST_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean));
  const log = (s: string) => values.json || process.stderr.write(`${s}\n`);
  const clients: SimClient[] = [];
  const sdk = new Client(server.url.replace(/\/$/, ''));
  try {
    // PGlite's start (initdb on an empty folder) leaves garbage behind: let it settle before the baseline.
    await new Promise((r) => setTimeout(r, 3000));
    const rssBefore = rssMb(server.pid);
    for (let r = 0; r < rooms; r++) {
      const botRoom = r % 20 === 19;
      const seed = `load-${r}`;
      const res = await fetch(new URL(`/api/games?scenario=honiara&seed=${seed}${botRoom ? '&botAfter=1&botLevel=hard' : ''}`, server.url), { method: 'POST' });
      if (res.status !== 201) throw new Error(`Creating room ${r + 1} failed: ${res.status} ${await res.text()}`);
      const { code } = (await res.json()) as { code: string };
      const seats: RoleId[] = ['SLB', 'PNG', 'beijing', 'canberra', 'washington'].filter((s) => !botRoom || s !== COMPUTER_SEAT);
      for (let i = 0; i < clientsPerRoom; i++) {
        const seat = seats[i % seats.length]!;
        const room = await sdk.joinById(code, {});
        const c = new SimClient(room, seat, seed, botRoom);
        room.send('claim', { seat, name: `client-${i}` });
        clients.push(c);
      }
      if ((r + 1) % 25 === 0) log(`${r + 1} rooms open`);
    }
    log(`${clients.length} clients connected; playing for ${seconds} s`);
    const rssOpen = rssMb(server.pid);
    const serverCpu0 = cpuSeconds(server.pid);
    const loadCpu0 = process.cpuUsage();
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    const wall0 = Date.now();
    // Each client acts every 2 s on average, at its own random moments.
    const timers = clients.map((c) => {
      const tick = () => {
        c.act();
        timer.t = setTimeout(tick, Math.random() * 4000);
      };
      const timer = { t: setTimeout(tick, Math.random() * 2000) };
      return timer;
    });
    await new Promise((r) => setTimeout(r, seconds * 1000));
    for (const t of timers) clearTimeout(t.t);
    const wallS = (Date.now() - wall0) / 1000;
    const serverCpuS = cpuSeconds(server.pid) - serverCpu0;
    const loadCpu = process.cpuUsage(loadCpu0);
    const loadCpuS = (loadCpu.user + loadCpu.system) / 1e6;
    lag.disable();
    await new Promise((r) => setTimeout(r, TIMEOUT_MS));
    const rss = rssMb(server.pid);
    const all = [...latencies, ...botLatencies];
    const result = {
      rooms,
      seats: clientsPerRoom,
      actions,
      p50Ms: percentile(all, 50),
      p95Ms: percentile(all, 95),
      p99Ms: percentile(all, 99),
      errors,
      rssMb: rss,
      // The whole server process over the rooms (PGlite's own heap included), an upper bound per room.
      rssMbPerRoom: Math.round((rss / rooms) * 100) / 100,
      // What the rooms added: opened with their clients, and after playing.
      rssMbPerRoomOpened: Math.round(((rssOpen - rssBefore) / rooms) * 100) / 100,
      rssGrowthMb: rss - rssBefore,
      refused,
      botRooms: Math.floor(rooms / 20),
      botRoomsP95Ms: percentile(botLatencies, 95),
      otherRoomsP95Ms: percentile(latencies, 95),
      seconds,
      store: db ? 'postgres' : 'pglite',
      // Cores used while the clients played: the server process (its bot thread included) and this load generator.
      serverCores: Math.round((serverCpuS / wallS) * 100) / 100,
      // What the clients received: whole views and patches, and the bytes on the wire per action.
      fullViews,
      patches,
      kbInPerAction: actions ? Math.round(bytesIn / actions / 102.4) / 10 : 0,
      loadAverage: Math.round(loadavg()[0]! * 10) / 10,
      generatorCores: Math.round((loadCpuS / wallS) * 100) / 100,
      // How late this generator's own event loop ran (it adds to every latency measured here).
      generatorLoopDelayP99Ms: Math.round(lag.percentile(99) / 1e5) / 10,
    };
    if (values.json) console.log(JSON.stringify(result));
    else console.log(Object.entries(result).map(([k, v]) => `${k}: ${v}`).join('\n'));
  } finally {
    await Promise.all(clients.map((c) => c.leave()));
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await db?.drop().catch(() => undefined);
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
