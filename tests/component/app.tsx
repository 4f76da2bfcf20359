import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { notifications } from '@mantine/notifications';
import { afterEach, beforeEach } from 'vitest';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';
import { App } from '../../renderer/App';
import { startTestBackend } from '../helpers/backend';

type Backend = Awaited<ReturnType<typeof startTestBackend>>;

/**
 * The whole renderer against the real dispatcher and store on a temp folder,
 * reached through `window.kundenkreis` as in the desktop app. Call once per
 * test file; each test gets a fresh, empty data folder.
 */
export function useTestApp() {
  let backend: Backend;

  beforeEach(async () => {
    backend = await startTestBackend();
    window.kundenkreis = backend.bridge;
  });
  afterEach(async () => {
    notifications.clean();
    await backend.close();
  });

  /** Calls the backend directly, to arrange data or check what was stored. */
  async function api<K extends OperationName>(operation: K, input: InputOf<K>): Promise<OutputOf<K>> {
    const envelope = await backend.bridge.call(operation, input);
    if (!envelope.ok) throw new Error(`${operation}: ${envelope.error.message}`);
    return envelope.data as OutputOf<K>;
  }

  /** Renders the app at a route and waits until its navigation is there (unless it shows a start screen: unlock, recovery). */
  async function open(route = '/planning', { waitForNavigation = true } = {}) {
    window.location.hash = `#${route}`;
    const user = userEvent.setup();
    render(<App env="test" />);
    if (waitForNavigation) await screen.findByRole('navigation', undefined, { timeout: 5000 });
    return user;
  }

  /** The real backend's bridge, for a test that must put something between renderer and main. */
  const bridge = () => backend.bridge;

  /** Closes the backend and opens the same folder again, as a restart of the app would. */
  const reopen = () => backend.reopen();

  return { api, open, bridge, reopen };
}

/** Mantine marks required fields with an aria-hidden "*" inside the label. */
export const label = (text: string) => new RegExp(`^${text}( \\*)?$`);

/** The open modal (Mantine renders it as a dialog). */
export const dialog = () => within(screen.getByRole('dialog'));
