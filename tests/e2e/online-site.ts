import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { freshDataDir, ROOT, startServerProcess, type ServerProcess } from '../server/helpers';
import { findChromium } from './chromium';

/** The built game served by a real game server, and a Chromium whose contexts are separate devices. */
export interface OnlineSite {
  server: ServerProcess;
  browser: Browser;
  /** Stop the server (SIGTERM) and start it again on the same port, data folder and site, as `server`: the open pages live through it. */
  restart(): Promise<ServerProcess>;
  close(): Promise<void>;
}

/** Build the site, start the server on it with a fresh data folder, launch Chromium. */
export async function openOnlineSite(name: string): Promise<OnlineSite> {
  const outDir = mkdtempSync(join(tmpdir(), `landing-rights-${name}-`));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const env = { DATA_DIR: await freshDataDir(), DIST_DIR: outDir };
  const server = await startServerProcess(env, []);
  const found = await findChromium();
  // Separate contexts are separate devices: they need Chromium's usual process model (the packaged
  // Chromium's --single-process shares storage between contexts, so each "device" would see the others').
  const args = found.args.filter((a) => a !== '--single-process' && a !== '--no-zygote');
  const browser = await chromium.launch({ executablePath: found.executablePath, args, headless: true });
  const site: OnlineSite = {
    server,
    browser,
    async restart() {
      const port = site.server.port;
      await site.server.stop();
      site.server = await startServerProcess({ ...env, PORT: String(port) }, []);
      return site.server;
    },
    async close() {
      await browser.close();
      await site.server.stop();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
  return site;
}
