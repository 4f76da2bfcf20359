import { serve } from '@hono/node-server';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DataFolderLockedError, openBackend } from './backend';
import { createHttpApp, hostsFor } from './transport/http';
import { APP_VERSION } from './version';

/**
 * Browser mode: `node dist-electron/web.js --port 4317 --data <dir> [--host 127.0.0.1]`.
 * Serves the built renderer and the dispatcher over HTTP. Exits non-zero with
 * a clear message when another process holds the folder; a folder with broken
 * documents is served in recovery mode (named on the console too).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4317' },
      data: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  const port = Number(values.port);
  if (!values.data) throw new UsageError('Missing --data <folder>: where Kundenkreis keeps its data.');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not ${values.port}.`);
  const dataDir = resolve(values.data);

  const backend = await openBackend({ dataDir, holder: 'web', version: APP_VERSION });
  if (backend.status.state === 'recovery') {
    // Served all the same: the page shows the recovery screen, which restores the good copies.
    for (const { file, reason, backup } of backend.status.broken) {
      console.error(
        `Kundenkreis cannot read ${dataDir}: the file ${file} ${reason}. It was not changed. ` +
          (backup ? `A good copy is in ${resolve(dataDir, backup, file)}; the app's recovery screen restores it.` : 'No backup holds a good copy of it.'),
      );
    }
  }

  const allowedHosts = new Set<string>();
  const app = createHttpApp({
    dispatch: backend.dispatch,
    version: APP_VERSION,
    staticDir: fileURLToPath(new URL(/* @vite-ignore */ '../dist/renderer', import.meta.url)),
    allowedHosts,
  });
  const server = serve({ fetch: app.fetch, port, hostname: values.host }, (info) => {
    const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address));
    for (const host of hostsFor(values.host, info.port, addresses)) allowedHosts.add(host);
    const shown = values.host === '0.0.0.0' || values.host === '::' ? '127.0.0.1' : values.host;
    console.log(`Kundenkreis (browser mode) serves http://${shown.includes(':') ? `[${shown}]` : shown}:${info.port}/  (data: ${dataDir})`);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(`Kundenkreis cannot listen on ${values.host}:${port}: ${error.code === 'EADDRINUSE' ? 'the port is in use' : error.message}.`);
    void backend.close().finally(() => process.exit(1));
  });

  const stop = () => {
    server.close();
    void backend.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof DataFolderLockedError || error instanceof UsageError) {
    console.error(error.message);
  } else {
    console.error('Kundenkreis could not start:', error);
  }
  process.exit(1);
});
