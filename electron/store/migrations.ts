import { currentVersion, type DocumentKind } from './documents';

/**
 * Pure migrations, one per document kind and version step: `steps[kind][n]`
 * turns a version-n document into a version n+1 document. Tested on fixtures
 * of every older version (tests/fixtures/).
 */
type Step = (document: Record<string, unknown>) => Record<string, unknown>;

const steps: Record<DocumentKind, Record<number, Step>> = {
  meta: {},
  settings: {},
  contacts: {
    // v1 kept a shard's contacts in an array; v2 keys them by id, so a change
    // replaces one entry instead of searching and copying the whole list.
    1: (document) => {
      const list = Array.isArray(document.contacts) ? (document.contacts as Array<{ id: string }>) : [];
      return { schemaVersion: 2, contacts: Object.fromEntries(list.map((entry) => [entry.id, entry])) };
    },
  },
  event: {},
  catalog: {},
  orders: {},
  tasks: {},
  club: {},
  exportLog: {},
  privacy: {},
};

export class MigrationError extends Error {}

/** Brings one raw document to the current version; says whether anything changed. */
export function migrateDocument(kind: DocumentKind, raw: unknown): { document: unknown; migrated: boolean } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new MigrationError('not a JSON object');
  }
  let document = raw as Record<string, unknown>;
  const target = currentVersion[kind];
  const found = document.schemaVersion;
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 1) {
    throw new MigrationError('has no valid schemaVersion');
  }
  let version = found;
  if (version > target) {
    throw new MigrationError(`was written by a newer version of Kundenkreis (schemaVersion ${version}, this version reads up to ${target})`);
  }
  const migrated = version < target;
  while (version < target) {
    const step = steps[kind][version];
    if (!step) throw new MigrationError(`has schemaVersion ${version}, for which no migration exists`);
    document = step(document);
    version = document.schemaVersion as number;
  }
  return { document, migrated };
}
