import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Three projects, one run:
 * - unit: shared/, the store, services and transports in Node, against real temp folders;
 * - component: React views in happy-dom, talking to the real backend in-process;
 * - e2e: the built app in browser mode, driven in Chromium by Playwright (and Electron where present).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/electron/**/*.test.ts'],
          exclude: ['tests/electron/smoke.test.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['tests/component/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/component/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts', 'tests/electron/smoke.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A poll waits as Playwright's own waits do: on a busy machine one round trip to the page can take a
          // second (vitest's default poll gave up after 1 s: the follow-up journey failed once that way in CI).
          expect: { poll: { timeout: 10_000 } },
          // Each journey starts its own server and browser; two cores run them one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
