/**
 * Opening a data folder, timed: to ready, and to the first answers of a
 * contact search and of the member list (an index built on first use would
 * show there). Run as a script (`tsx bench/open.ts <folder>`) it opens once
 * in its own fresh process, as the app does when it starts, and prints the
 * figures as JSON; the modules are loaded before the clock starts.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openBackend, type Backend } from '../electron/backend';
import { round } from './measure';

export interface OpenFigures {
  ready: number;
  firstSearch: number;
  firstMemberList: number;
}

async function answered(backend: Backend, operation: string, input: unknown): Promise<void> {
  const answer = await backend.dispatch(operation, input);
  if (!answer.ok) throw new Error(`${operation} answered ${JSON.stringify(answer.error)}`);
}

/** Opens the folder in this process; the caller closes the backend. */
export async function timedOpen(dataDir: string): Promise<{ backend: Backend; figures: OpenFigures }> {
  const start = performance.now();
  const backend = await openBackend({ dataDir, holder: 'web', version: 'bench' });
  const ready = round(performance.now() - start);
  await answered(backend, 'contacts.search', { query: 'Mül' });
  const firstSearch = round(performance.now() - start);
  await answered(backend, 'club.members', { sort: [{ column: 'lastName', direction: 'asc' }] });
  return { backend, figures: { ready, firstSearch, firstMemberList: round(performance.now() - start) } };
}

const script = fileURLToPath(import.meta.url);

/** Opens the folder once in a fresh process (with this process's loader, e.g. tsx). */
export async function timedOpenInFreshProcess(dataDir: string): Promise<OpenFigures> {
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, script, dataDir]);
  return JSON.parse(stdout) as OpenFigures;
}

if (process.argv[1] === script) {
  const { backend, figures } = await timedOpen(process.argv[2]!);
  await backend.close();
  console.log(JSON.stringify(figures));
}
