import { defineConfig } from 'vitest/config';

// One line saying which server tests are left out without the real services (.ci/run sets both).
const missing = [!process.env.DATABASE_URL && 'DATABASE_URL', !process.env.REDIS_URL && 'REDIS_URL'].filter(Boolean);
if (missing.length > 0 && !process.env.VITEST_WORKER_ID)
  console.log(`Skipped: ${[!process.env.DATABASE_URL && 'the PostgreSQL runs of the persistence tests', 'the two-process Redis scale-out test'].filter(Boolean).join(' and ')}, because ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set (.ci/run sets them).`);

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['tests/global-setup.ts'],
    // Two files at a time on our two cores (Vitest's default leaves one core idle): the browser tests
    // spend most of their time waiting on Chromium. npm test plays the real-time lesson
    // (tests/e2e/lesson-browser.test.ts) on its own afterwards, so its clock has the machine to itself.
    maxWorkers: 2,
  },
});
