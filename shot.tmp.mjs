// Screenshots of the app in browser mode with demo data (for docs and for looking at it).
import { chromium } from 'playwright-core';
const [url, out, route = '#/planning', locale = 'de-DE'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale, timezoneId: 'Europe/Berlin' });
await page.goto(url + '/' + route);
await page.waitForTimeout(1200);
await page.screenshot({ path: out });
await browser.close();
