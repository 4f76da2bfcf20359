import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { openBackend } from './backend';
import { APP_VERSION } from './version';

/** `npm run demo -- --data <dir>`: fills an empty data folder with the German demo dataset. */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { data: { type: 'string' } } });
  if (!values.data) {
    console.error('Missing --data <folder>: the data folder to fill with demo data.');
    return 1;
  }
  const dataDir = resolve(values.data);
  const backend = await openBackend({ dataDir, holder: 'demo', version: APP_VERSION });
  try {
    const result = await backend.dispatch('demo.load', {});
    if (!result.ok) {
      console.error(`No demo data loaded into ${dataDir}: ${result.error.message}`);
      return 1;
    }
    const { contacts, events } = result.data as { contacts: number; events: number };
    console.log(`Demo data loaded into ${dataDir}: ${contacts} contacts, ${events} events.`);
    return 0;
  } finally {
    await backend.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
