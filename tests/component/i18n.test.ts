import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { de } from '../../renderer/i18n/de';
import { en } from '../../renderer/i18n/en';

/** All leaf keys of a message tree, dotted ("events.fields.title"). */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}
const lookup = (tree: object, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);

describe('translations', () => {
  it('writes counts in the reader\'s number format (50.000 Kontakte, 50,000 contacts), in every text with a count', async () => {
    await import('../../renderer/i18n'); // sets i18next up as the app does
    const { default: i18n } = await import('i18next');
    expect(i18n.t('contacts.count', { count: 50_000, lng: 'de' })).toBe('50.000 Kontakte');
    expect(i18n.t('contacts.count', { count: 50_000, lng: 'en' })).toBe('50,000 contacts');
    for (const [name, tree] of [['de', de], ['en', en]] as const) {
      for (const key of keysOf(tree)) expect(String(lookup(tree, key)), `${name} ${key}`).not.toContain('{{count}}');
    }
  });

  it('English has exactly the keys German has', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(de).sort());
  });

  it('no text is empty', () => {
    for (const key of keysOf(de)) expect(String(lookup(de, key)).trim(), `de ${key}`).not.toBe('');
    for (const key of keysOf(en)) expect(String(lookup(en, key)).trim(), `en ${key}`).not.toBe('');
  });

  it('every message key the schemas and the main process report is translated', () => {
    const sources = ['shared', 'electron'].flatMap((folder) => {
      const dir = join(__dirname, '../..', folder);
      return readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts'))
        .map((file) => readFileSync(join(dir, file), 'utf8'));
    });
    const used = new Set(sources.flatMap((source) => source.match(/(?<=['"`])(?:validation|errors)\.[a-zA-Z]+(?=['"`])/g) ?? []));
    expect(used.size).toBeGreaterThan(5);
    for (const key of used) {
      expect(lookup(de, key), `de ${key}`).toEqual(expect.any(String));
      expect(lookup(en, key), `en ${key}`).toEqual(expect.any(String));
    }
  });
});
