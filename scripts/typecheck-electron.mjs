#!/usr/bin/env node
// Typechecks the files that import `electron` (tsconfig.electron.json) where the
// electron package, and so its type definitions, is installed; elsewhere says
// in one sentence why it did not. tsconfig.json covers everything else.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(path.join(projectRoot, 'node_modules', 'electron', 'electron.d.ts'))) {
  console.log('Skipped typechecking electron/main.ts and electron/preload.ts: the electron package (and its types) is not installed on this machine.');
  process.exit(0);
}
const tsc = path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.electron.json'], { cwd: projectRoot, stdio: 'inherit' });
process.exit(result.status ?? 1);
