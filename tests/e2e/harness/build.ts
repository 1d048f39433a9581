import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** This folder: the map harness page (map.html, map-harness.ts). */
export const HARNESS_DIR = dirname(fileURLToPath(import.meta.url));

/** Build the map harness page with Vite into `outDir` (served as /map.html). */
export async function buildHarness(outDir: string): Promise<void> {
  await build({
    root: HARNESS_DIR,
    base: './',
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000, rollupOptions: { input: join(HARNESS_DIR, 'map.html') } },
  });
}
