/**
 * The built browser mode (dist-electron/web.js) and a Chromium to drive it:
 * shared by the end-to-end tests (tests/e2e/harness.ts) and the renderer
 * benchmark (bench/renderer.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const root = join(import.meta.dirname, '..');
export const webEntry = join(root, 'dist-electron/web.js');

/** Where Chromium is: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own download. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright has no browser of its own here.
  }
  throw new Error(
    'No Chromium found for the browser tests. Install one (Debian/Ubuntu: sudo apt-get install -y chromium; ' +
      'elsewhere: npx playwright install chromium) or set CHROMIUM_PATH to its executable.',
  );
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Runs the built browser-mode server on a free port; resolves once it prints its URL. */
export function startServer(dataDir: string): Promise<RunningServer> {
  if (!existsSync(webEntry)) throw new Error(`${webEntry} is missing: run "npm run build" first (npm test does).`);
  const child = spawn(process.execPath, [webEntry, '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serves (http:\/\/\S+?)\/?\s/.exec(output);
      if (match) {
        resolve({
          url: match[1]!,
          process: child,
          output: () => output,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The server exited with code ${code}:\n${output}`)));
  });
}

/** Runs the server and waits for it to exit by itself (for start-up refusals). */
export function runServerToExit(dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [webEntry, '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

/** Calls an operation of a running server over HTTP; resolves with its data or throws its error. */
export async function callServer<T>(server: RunningServer, operation: string, input: unknown): Promise<T> {
  const response = await fetch(`${server.url}/api/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const envelope = (await response.json()) as { ok: boolean; data: T; error?: unknown };
  if (!envelope.ok) throw new Error(`${operation}: ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}
