import { findChromium } from './e2e/chromium';

/**
 * Unpack the npm package's Chromium once, before the test files start: two browser test files
 * starting together on a fresh machine would both unpack it into the same temp file, and one would
 * try to run it while the other was still writing it (spawn ETXTBSY).
 */
export default async function setup(): Promise<void> {
  await findChromium();
}
