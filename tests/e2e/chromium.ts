import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Flags known to work on our machines: headless, software WebGL through ANGLE on SwiftShader. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Where the Chromium came from, for logs and reports. */
  source: 'CHROMIUM_PATH' | '/usr/bin/chromium' | '@sparticuz/chromium';
  executablePath: string;
  version: string;
  close(): Promise<void>;
}

/**
 * @sparticuz/chromium's flags that we leave out: they switch off the browser's same-origin checks,
 * which would hide real cross-origin bugs from our tests.
 */
const UNWANTED = new Set(['--disable-web-security', '--allow-running-insecure-content']);

/** Our flags first; then the package's extra flags, minus any that set a flag we already set. */
function mergeFlags(ours: string[], extra: string[]): string[] {
  const name = (flag: string) => flag.split('=')[0] ?? flag;
  const have = new Set(ours.map(name));
  return [...ours, ...extra.filter((f) => !have.has(name(f)) && !UNWANTED.has(name(f)))];
}

export async function findChromium(): Promise<{ source: LaunchedBrowser['source']; executablePath: string; args: string[] }> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return { source: 'CHROMIUM_PATH', executablePath: fromEnv, args: CHROMIUM_FLAGS };
  if (existsSync('/usr/bin/chromium')) return { source: '/usr/bin/chromium', executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS };
  // A Linux Chromium shipped inside the npm package; executablePath() unpacks it into the temp folder once.
  const sparticuz = (await import('@sparticuz/chromium')).default;
  const executablePath = await sparticuz.executablePath();
  return { source: '@sparticuz/chromium', executablePath, args: mergeFlags(CHROMIUM_FLAGS, sparticuz.args) };
}

export interface LaunchOptions {
  /** CSS pixels; 1280 × 800 unless told. */
  viewport?: { width: number; height: number };
  /** Screen pixels per CSS pixel, 2 for a "retina" screen; 1 unless told. */
  deviceScaleFactor?: number;
}

/** Find a Chromium (CHROMIUM_PATH, /usr/bin/chromium, then @sparticuz/chromium) and launch it headless with a throwaway profile. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const { source, executablePath, args } = await findChromium();
  const profile = mkdtempSync(join(tmpdir(), 'landing-rights-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
  });
  const version = context.browser()?.version() ?? 'unknown';
  return {
    context,
    source,
    executablePath,
    version,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
