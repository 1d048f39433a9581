import { Client, type Room } from '@colyseus/sdk';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GameView } from '../../src/engine';
import { followViews } from '../../src/host/view-sync';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  url: string;
  port: number;
  proc: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: a crash, nothing tidied. */
  kill9(): Promise<void>;
}

/**
 * A fresh PGlite data folder. Creating one runs initdb (several seconds), so an empty database is
 * made once per machine and copied for each test.
 */
export async function freshDataDir(): Promise<string> {
  const template = join(tmpdir(), 'lr-pglite-template-2');
  const ready = join(template, 'made-by-landing-rights-tests');
  if (!existsSync(ready)) {
    let mine = false;
    try {
      mkdirSync(`${template}.lock`);
      mine = true;
    } catch {
      // Another test file is making it: wait for it.
    }
    if (mine) {
      rmSync(template, { recursive: true, force: true });
      const { GameStore } = await import('../../src/server/store');
      const store = await GameStore.open({ dataDir: template });
      await store.close();
      writeFileSync(ready, '');
    } else {
      await until(() => existsSync(ready), 120_000);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'lr-data-'));
  cpSync(template, dir, { recursive: true, filter: (src) => src !== ready });
  return dir;
}

/** A new, empty PostgreSQL database beside DATABASE_URL's, so games of other runs are not reopened. */
export async function freshPostgres(): Promise<string> {
  const pg = (await import('pg')).default;
  const base = process.env.DATABASE_URL!;
  const name = `lr_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.href;
}

/** The databases the persistence tests run on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const STORES: { name: string; env: () => Promise<Record<string, string>> }[] = [
  { name: 'PGlite', env: async () => ({ DATA_DIR: await freshDataDir() }) },
  ...(process.env.DATABASE_URL ? [{ name: 'PostgreSQL', env: async () => ({ DATABASE_URL: await freshPostgres() }) }] : []),
];

/** Start `serve.ts --rooms-only` as its own process on port 0 and wait for its address. */
export function startServerProcess(env: Record<string, string>, args: string[] = ['--rooms-only']): Promise<ServerProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATABASE_URL: '', REDIS_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((ok) => proc.once('exit', (code) => ok(code)));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`The server did not start in 60 s:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({
          url: m[1]!,
          port: Number(m[2]),
          proc,
          output: () => out,
          async stop() {
            if (proc.exitCode === null) proc.kill('SIGTERM');
            return exited;
          },
          async kill9() {
            proc.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`The server exited (${code}) before it started:\n${out}`));
    });
  });
}

export interface Created {
  code: string;
  hostToken: string;
}

export async function createGame(url: string, query = 'scenario=honiara&seed=online-1'): Promise<Created> {
  const res = await fetch(new URL(`/api/games?${query}`, url), { method: 'POST' });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Created;
}

/** The host's page and three seated players of a Honiara room: the Solomons (Ana), PNG (Bo) and Beijing (Chen). */
export async function hostAndThreeSeats(url: string, game: Created): Promise<{ host: Player; slb: Player; png: Player; beijing: Player }> {
  const host = await Player.join(url, game.code, { host: game.hostToken });
  const slb = await Player.join(url, game.code);
  const png = await Player.join(url, game.code);
  const beijing = await Player.join(url, game.code);
  await slb.claim('SLB', 'Ana');
  await png.claim('PNG', 'Bo');
  await beijing.claim('beijing', 'Chen');
  return { host, slb, png, beijing };
}

/** A test client: every frame it receives (raw, as text) and the last view and refusal. */
export class Player {
  frames: string[] = [];
  views: { viewer: string; seq: number; view: GameView; hash?: string; record?: { hashes: { round: number; hash: string }[] } }[] = [];
  refusals: { code: string; message: string }[] = [];
  seated: { seat: string; token: string } | null = null;
  lobby: unknown = null;

  private constructor(readonly room: Room) {
    const ws = (room.connection.transport as unknown as { ws: { on(e: string, f: (d: Buffer) => void): void } }).ws;
    ws.on('message', (d: Buffer) => this.frames.push(Buffer.from(d).toString('latin1')));
    // Whole views and patches alike: `views` holds every view as the client has it after each message.
    followViews(room, (v: Player['views'][number]) => this.views.push(v));
    room.onMessage('refused', (r: { code: string; message: string }) => this.refusals.push(r));
    room.onMessage('seated', (s: { seat: string; token: string }) => (this.seated = s));
    room.onMessage('lobby', (l: unknown) => (this.lobby = l));
    room.onMessage('released', () => (this.seated = null));
  }

  static async join(url: string, code: string, options: Record<string, unknown> = {}): Promise<Player> {
    const client = new Client(url.replace(/\/$/, ''));
    return new Player(await client.joinById(code, options));
  }

  get view(): GameView {
    const v = this.views.at(-1);
    if (!v) throw new Error('no view yet');
    return v.view;
  }

  async claim(seat: string, name = 'someone'): Promise<void> {
    const before = this.refusals.length;
    this.room.send('claim', { seat, name });
    await until(() => this.seated?.seat === seat || this.refusals.length > before);
    if (this.seated?.seat !== seat) throw new Error(`claim refused: ${JSON.stringify(this.refusals.slice(before))}`);
  }

  /** Send an action and wait for the next view or a refusal. */
  async act(action: Record<string, unknown>): Promise<{ code: string; message: string } | null> {
    const views = this.views.length;
    const refusals = this.refusals.length;
    this.room.send('act', { action });
    await until(() => this.views.length > views || this.refusals.length > refusals);
    return this.refusals.length > refusals ? this.refusals.at(-1)! : null;
  }

  async leave(): Promise<void> {
    await this.room.leave(true).catch(() => undefined);
  }
}

export async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Send a facilitator command and wait for the next view or refusal: the refusal, or null. */
export async function facilitate(p: Player, message: Record<string, unknown>): Promise<{ code: string; message: string } | null> {
  const views = p.views.length;
  const refusals = p.refusals.length;
  p.room.send('facilitate', message);
  await until(() => p.views.length > views || p.refusals.length > refusals);
  return p.refusals.length > refusals ? p.refusals.at(-1)! : null;
}
