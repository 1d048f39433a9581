import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { expect, test } from 'vitest';
import { freshDataDir, ROOT } from './helpers';

const portOpen = (port: number) =>
  new Promise<boolean>((ok) => {
    const s = createConnection({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.destroy();
      ok(true);
    });
    s.once('error', () => ok(false));
  });

test('npm start serves the game and the rooms on one port, and SIGTERM stops the whole process tree and frees the port', async () => {
  const npm = spawn('npm', ['start', '--silent'], { cwd: ROOT, env: { ...process.env, PORT: '0', DATA_DIR: await freshDataDir(), DATABASE_URL: '', REDIS_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  npm.stdout.on('data', (d: Buffer) => (out += d.toString()));
  npm.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((ok) => npm.once('exit', (code) => ok(code)));
  const end = Date.now() + 90_000;
  while (!/running at http:\/\/127\.0\.0\.1:(\d+)\//.test(out)) {
    if (Date.now() > end || npm.exitCode !== null) throw new Error(`npm start did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const url = /running at (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(out)!;
  const port = Number(url[2]);
  const page = await fetch(url[1]!);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<html');
  const created = await fetch(new URL('/api/games?scenario=honiara', url[1]), { method: 'POST' });
  expect(created.status).toBe(201);
  npm.kill('SIGTERM');
  await exited;
  // Nothing is left holding the port: no server child outlives npm.
  const freeBy = Date.now() + 10_000;
  while ((await portOpen(port)) && Date.now() < freeBy) await new Promise((r) => setTimeout(r, 100));
  expect(await portOpen(port)).toBe(false);
}, 150_000);
