/**
 * The renderer's part of the benchmark (DESIGN.md §3), in Chromium against
 * browser mode on a prepared data folder: the time from a keystroke at the
 * door to the updated result list, and the long tasks while the 10,000-member
 * list scrolls. All timing happens inside the page (performance.now(),
 * MutationObserver, PerformanceObserver), so Playwright's round trips add
 * nothing to the figures. Asserts nothing.
 *
 * Alone: `npx tsx bench/renderer.ts <data folder> <event id> [small|large]`
 * (needs `npm run build` and a Chromium).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { callServer, findChromium, launchBrowser, startServer, webEntry, type RunningServer } from '../scripts/browser-mode';

export interface RendererFigures {
  /** Keystroke to a result list for the typed text (the bar: 50 ms at p95). */
  doorKeystrokeMs: Percentiles;
  /** Keystroke to the complete list, the other contacts from the main process included. */
  doorCompleteMs: Percentiles;
  memberScroll: { longTasks: number; longestMs: number; totalBlockingMs: number; longAnimationFrames: number | null };
}
export interface Percentiles {
  p50: number;
  p95: number;
  samples: number;
}

type Guest = { contact: { firstName: string; lastName: string } };
type ContactName = { id: string; firstName: string; lastName: string };

const round = (ms: number) => Math.round(ms * 10) / 10;
function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN);
  return { p50: at(0.5), p95: at(0.95), samples: sorted.length };
}

/** What a host types: the start of a guest's or another contact's last name. */
const typed = (name: string) => name.replace(/\s/g, '').slice(0, 7);

export async function measureRenderer(options: { dataDir: string; doorEventId: string; size: 'small' | 'large' }): Promise<RendererFigures | { skipped: string }> {
  if (!existsSync(webEntry)) return { skipped: `${webEntry} is missing: run "npm run build" first.` };
  try {
    findChromium();
  } catch (error) {
    return { skipped: (error as Error).message };
  }
  const server = await startServer(options.dataDir);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    // tsx compiles the in-page functions below with esbuild's name helper, which the page lacks.
    await page.addInitScript('window.__name = (target) => target');
    const door = await measureDoor(page, server, options);
    const memberScroll = await measureMemberScroll(page, server.url);
    return { ...door, memberScroll };
  } finally {
    await browser?.close();
    await server.stop();
  }
}

async function measureDoor(page: Page, server: RunningServer, { doorEventId, size }: { doorEventId: string; size: 'small' | 'large' }) {
  const { guests } = await callServer<{ guests: Guest[] }>(server, 'checkin.state', { eventId: doorEventId });
  const { items } = await callServer<{ items: ContactName[] }>(server, 'contacts.list', { limit: 1000, offset: 7 });
  const invited = new Set(guests.map((guest) => `${guest.contact.firstName} ${guest.contact.lastName}`));
  const others = items.filter((contact) => !invited.has(`${contact.firstName} ${contact.lastName}`));
  const sequences = size === 'large' ? { guests: 40, others: 15 } : { guests: 15, others: 5 };
  const spread = <T>(list: readonly T[], count: number) => Array.from({ length: Math.min(count, list.length) }, (_, i) => list[Math.floor((i * list.length) / count)]!);
  const queries = [
    ...spread(guests, sequences.guests).map((guest) => typed(guest.contact.lastName)),
    ...spread(others, sequences.others).map((contact) => typed(contact.lastName)),
  ].filter((query) => query.length > 0);

  await page.goto(`${server.url}/#/checkin/${doorEventId}`);
  const search = page.locator('input[role="combobox"]');
  await search.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
  // The guest list on screen: the door has what it loads at the start.
  await page.locator('table tbody tr').first().waitFor();
  await page.evaluate(instrumentDoor);

  const first: number[] = [];
  const complete: number[] = [];
  for (const [run, query] of [queries[0]!, ...queries].entries()) {
    for (const letter of query) {
      await page.evaluate(() => window.doorBench!.arm());
      await page.keyboard.type(letter);
      const sample = await page.evaluate(() => window.doorBench!.settled());
      // The first sequence warms up (code loading, caches).
      if (run > 0) {
        first.push(sample.first);
        complete.push(sample.complete);
      }
      await page.waitForTimeout(60); // a quick typist's pace
    }
    await page.keyboard.press('Escape');
    await page.locator('[role="listbox"]').waitFor({ state: 'detached' });
    await page.locator('table tbody tr').first().waitFor();
  }
  return { doorKeystrokeMs: percentiles(first), doorCompleteMs: percentiles(complete) };
}

declare global {
  interface Window {
    doorBench?: { arm(): void; settled(): Promise<{ first: number; complete: number }> };
  }
}

/**
 * Runs in the page: from the next keydown (or, for a letter the keyboard
 * lacks, its beforeinput), the time until the result list says it shows the
 * typed text (data-query, also on "nothing found"), and until it is no longer busy (aria-busy: the
 * other contacts from the main process are in).
 */
function instrumentDoor() {
  let start: number | undefined;
  let first: number | undefined;
  let complete: number | undefined;
  let done: ((sample: { first: number; complete: number }) => void) | undefined;
  const input = document.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  const check = () => {
    if (start === undefined) return;
    const list = document.querySelector<HTMLElement>('[data-query]');
    if (!list || list.dataset.query !== input.value.trim()) return;
    first ??= performance.now() - start;
    if (list.getAttribute('aria-busy') === 'true') return;
    complete = performance.now() - start;
    start = undefined;
    done?.({ first, complete });
  };
  const begin = () => {
    start ??= performance.now();
  };
  document.addEventListener('keydown', begin, true);
  document.addEventListener('beforeinput', begin, true);
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  window.doorBench = {
    arm() {
      start = first = complete = undefined;
      done = undefined;
    },
    settled() {
      if (complete !== undefined) return Promise.resolve({ first: first!, complete });
      return new Promise((resolve, reject) => {
        done = resolve;
        setTimeout(() => reject(new Error(`No results for "${input.value}" within 10 s.`)), 10_000);
      });
    },
  };
}

async function measureMemberScroll(page: Page, url: string) {
  await page.goto(`${url}/#/club`);
  const list = page.locator('[role="region"]:has(table[aria-rowcount])');
  await list.locator('tbody tr[aria-rowindex] input[type="checkbox"]').first().waitFor();
  const box = (await list.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => {
    const observed: { longTasks: number[]; frames: number[] | null; since: number } = { longTasks: [], frames: null, since: performance.now() };
    new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries()) if (entry.startTime >= observed.since) observed.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      observed.frames = [];
      new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries()) if (entry.startTime >= observed.since) observed.frames!.push(entry.duration);
      }).observe({ type: 'long-animation-frame' });
    }
    (window as unknown as { scrollBench: typeof observed }).scrollBench = observed;
  });

  const height = await list.evaluate((element) => element.scrollHeight - element.clientHeight);
  // A flick of the wheel: most rows are new at every step, the hardest case for the list.
  const step = 1200;
  const steps = Math.ceil(height / step);
  for (const direction of [1, -1]) {
    for (let i = 0; i < steps; i++) {
      await page.mouse.wheel(0, direction * step);
      await page.evaluate(() => new Promise(requestAnimationFrame));
    }
  }
  // Let the last pages arrive and the observers report.
  await page.waitForTimeout(1000);
  const { longTasks, frames } = await page.evaluate(() => (window as unknown as { scrollBench: { longTasks: number[]; frames: number[] | null } }).scrollBench);
  return {
    longTasks: longTasks.length,
    longestMs: round(Math.max(0, ...longTasks)),
    totalBlockingMs: round(longTasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0)),
    longAnimationFrames: frames && frames.length,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const [dataDir, doorEventId, size = 'large'] = process.argv.slice(2);
  if (!dataDir || !doorEventId) throw new Error('Usage: npx tsx bench/renderer.ts <data folder> <event id> [small|large]');
  console.log(JSON.stringify(await measureRenderer({ dataDir, doorEventId, size: size as 'small' | 'large' }), null, 2));
}
