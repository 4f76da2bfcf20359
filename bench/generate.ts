/**
 * Generates the dataset in its own process (`tsx bench/generate.ts <folder>
 * <size>`), so that the benchmark's process, which opens the folder and
 * measures, holds only what the app would: its memory figures are the open
 * store's, not what the generation left behind. Progress goes to stderr, the
 * Dataset as JSON to stdout.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openBackend } from '../electron/backend';
import { generateDataset, type Dataset, type Size } from './dataset';

const script = fileURLToPath(import.meta.url);

/** Generates the `size` dataset into the empty folder `dataDir` in a child process (with this process's loader, e.g. tsx). */
export function generateInChildProcess(dataDir: string, size: Size): Promise<Dataset> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, script, dataDir, size], { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Dataset);
      else reject(new Error(`the dataset generation ended with code ${code}`));
    });
  });
}

if (process.argv[1] === script) {
  const [dataDir, size] = process.argv.slice(2) as [string, Size];
  const start = performance.now();
  const progress = (line: string) => console.error(`${((performance.now() - start) / 1000).toFixed(1).padStart(6)} s  (generation) ${line}`);
  const generator = await openBackend({ dataDir, holder: 'web', version: 'bench' });
  const data = await generateDataset(generator.dispatch, size, progress);
  await generator.close();
  process.stdout.write(JSON.stringify(data));
}
