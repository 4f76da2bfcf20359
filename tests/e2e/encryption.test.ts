import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowserMode } from './harness';

/**
 * An encrypted data folder in Chromium against browser mode: after a restart
 * the app shows only the unlock screen; a wrong password is said at the field
 * and opens nothing; the right one opens the app with the data.
 */
const app = useBrowserMode('kk-encryption-');

const passphrase = 'Lindenblüte im Mai 2026';

describe('encrypted data folder in browser mode', () => {
  it('asks for the password at start, refuses a wrong one and opens the app with the right one', async () => {
    await app.api('contacts.create', { firstName: 'Wilhelmine', lastName: 'Schwarzenbeck', city: 'Königs Wusterhausen' });
    await app.api('encryption.enable', { passphrase });
    await app.restart();
    const { dataDir } = await app.api<{ dataDir: string }>('app.status', {});
    for (const name of await readdir(join(dataDir, 'contacts'))) {
      expect((await readFile(join(dataDir, 'contacts', name))).includes('Schwarzenbeck')).toBe(false);
    }

    const page = await app.newPage();
    await page.goto(`${app.url()}/#/contacts`);
    await page.getByRole('heading', { level: 1, name: 'Kundenkreis entsperren' }).waitFor();
    const field = page.getByLabel('Passwort', { exact: false });
    // The field takes the keyboard once the screen has focused it.
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);

    await page.keyboard.type('Lindenblüte im Juni 2026');
    await page.keyboard.press('Enter');
    await page.getByText('Das Passwort stimmt nicht.', { exact: false }).waitFor();
    expect(await field.inputValue()).toBe('Lindenblüte im Juni 2026');
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await app.api('app.status', {})).toMatchObject({ state: 'locked' });

    await field.fill(passphrase);
    await page.getByRole('button', { name: 'Entsperren' }).click();
    await page.getByRole('navigation').first().waitFor();
    await page.getByText('Schwarzenbeck', { exact: false }).first().waitFor();
    expect(await app.api('app.status', {})).toMatchObject({ state: 'ready' });
    await page.close();
  });
});
