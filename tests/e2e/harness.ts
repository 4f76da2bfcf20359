import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { callServer, launchBrowser, startServer, type RunningServer } from '../../scripts/browser-mode';
import { tempDir } from '../helpers/backend';

export { callServer, findChromium, launchBrowser, root, runServerToExit, startServer, type RunningServer } from '../../scripts/browser-mode';

/**
 * One browser and one browser-mode server on a fresh data folder for the
 * calling test file; `restart` stops the server and starts it again on the
 * same folder, as a user reopening the app would.
 */
export function useBrowserMode(prefix: string) {
  let browser: Browser;
  let server: RunningServer;
  let dataDir: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    dataDir = await tempDir(prefix);
    server = await startServer(dataDir);
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return {
    url: () => server.url,
    /** A German page in the Berlin time zone, as a rep's laptop has it. */
    newPage: (): Promise<Page> => browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' }),
    api: <T>(operation: string, input: unknown) => callServer<T>(server, operation, input),
    restart: async () => {
      await server.stop();
      server = await startServer(dataDir);
    },
  };
}
