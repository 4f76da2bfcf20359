import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { operationNames, operations, type OperationName } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { demoBackend, folderSnapshot } from '../helpers/folder';
import { invalidInputs, looseObjects } from '../helpers/invalid-input';

/**
 * Bad input (DESIGN.md §3): every operation of the contract, fed inputs that are invalid by
 * construction (not an object, an unknown key, a pollution payload, a field of the wrong type,
 * too long, out of range, nested thousands deep), answers VALIDATION through the real dispatcher of
 * a real backend on a folder holding the demo data, and leaves every file of that folder and
 * everything the read operations show exactly as it was.
 */

const RUNS = 1000;

/** What the rep would see: every list and setting the read operations answer. */
const reads: Array<[OperationName, unknown]> = [
  ['app.status', {}],
  ['settings.get', {}],
  ['contacts.list', { limit: 1000 }],
  ['contacts.tags', {}],
  ['events.list', {}],
  ['orders.list', {}],
  ['catalog.list', { includeInactive: true }],
  ['tasks.list', { status: 'all' }],
  ['club.settings.get', {}],
  ['club.members', { limit: 1000 }],
  ['club.views.list', {}],
  ['exports.log', {}],
  ['privacy.erasures', {}],
  ['backups.list', {}],
  ['encryption.status', {}],
];

let backend: Backend;
let dataDir: string;
let close: () => Promise<void>;
let filesBefore: Record<string, string>;
let stateBefore: Array<Envelope<unknown>>;
let prototypeKeysBefore: string[];
let tried = 0;
let refused = 0;
let started = 0;

const readState = () => Promise.all(reads.map(([operation, input]) => backend.dispatch(operation, input)));

beforeAll(async () => {
  ({ backend, dataDir, close } = await demoBackend('kk-properties-'));
  filesBefore = await folderSnapshot(dataDir);
  stateBefore = await readState();
  prototypeKeysBefore = Object.getOwnPropertyNames(Object.prototype);
  started = performance.now();
});

afterAll(async () => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`property tests: ${operationNames.length} operations × ${RUNS} invalid inputs: ${tried} tried, ${refused} refused with VALIDATION naming the defect (${seconds} s)`);
  await close();
});

describe('every operation refuses invalid input and changes nothing', () => {
  it('has strict inputs: an unknown key is an error everywhere, so the generated inputs are invalid by construction', () => {
    const loose = operationNames.flatMap((name) => looseObjects(operations[name].input).map((path) => `${name}: ${path}`));
    expect(loose).toEqual([]);
  });

  it.each(operationNames)(`%s refuses ${RUNS} invalid inputs with VALIDATION and changes nothing`, async (name) => {
    const schema = operations[name].input;
    await fc.assert(
      fc.asyncProperty(invalidInputs(schema), async ({ defect, input, path }) => {
        tried++;
        // The schema itself refuses it: the dispatcher never hands it to a handler.
        expect(schema.safeParse(input ?? {}).success, defect).toBe(false);
        const answer = await backend.dispatch(name, input);
        expect(answer.ok, defect).toBe(false);
        if (answer.ok) return;
        expect(answer.error.code, defect).toBe('VALIDATION');
        // The refusal names the defect's place: the field itself, or something inside it.
        const paths = (answer.error.issues ?? []).map((issue) => issue.path);
        expect(
          paths.some((reported) => path === '*' || reported === path || (path !== '' && reported.startsWith(`${path}.`))),
          `${defect}: expected an issue at "${path}", got ${JSON.stringify(paths)}`,
        ).toBe(true);
        refused++;
      }),
      { numRuns: RUNS },
    );
    expect(await folderSnapshot(dataDir)).toEqual(filesBefore);
    expect(await readState()).toEqual(stateBefore);
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeysBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
