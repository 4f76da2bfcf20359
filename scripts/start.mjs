#!/usr/bin/env node
// `npm start`: builds the app, then opens it in Electron. Where Electron cannot
// run (package or binary missing, or no display on Linux) it says so in one
// sentence and starts browser mode on the same data folder instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseLaunch, defaultDataDir, DEFAULT_WEB_PORT, findElectron, findFreePort, hasDisplay } from './desktop-env.mjs';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

function build() {
  const vite = path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    console.error('Vite is not installed: run `npm install` in the project folder first.');
    process.exit(1);
  }
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed, so Kundenkreis was not started.');
    process.exit(result.status ?? 1);
  }
}

/** Runs the child in the foreground, forwards Ctrl+C / SIGTERM, and exits as it exits. */
function runForeground(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: projectRoot, stdio: 'inherit', env });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const signals = ['SIGINT', 'SIGTERM'];
  if (process.platform !== 'win32') signals.push('SIGHUP');
  for (const signal of signals) process.on(signal, () => forward(signal));
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
  });
}

async function main() {
  build();
  const electron = findElectron(projectRoot);
  const launch = chooseLaunch(electron, hasDisplay());
  if (launch.mode === 'desktop' && electron.available) {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE; // would start Electron as plain Node
    const args = ['.'];
    if (process.platform === 'linux' && process.getuid?.() === 0) {
      console.log('Running as root: Chromium needs --no-sandbox for that; run as a normal user to keep its OS sandbox.');
      args.push('--no-sandbox');
    }
    runForeground(electron.path, args, env);
    return;
  }
  console.log(launch.why);
  const port = await findFreePort(DEFAULT_WEB_PORT);
  const web = path.join(projectRoot, 'dist-electron', 'web.js');
  // web.js prints the URL it serves.
  runForeground(process.execPath, [web, '--port', String(port), '--data', defaultDataDir()]);
}

main().catch((error) => {
  console.error('Kundenkreis could not start:', error);
  process.exit(1);
});
