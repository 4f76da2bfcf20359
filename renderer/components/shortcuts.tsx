import { Button, Group, Kbd, Tooltip, type ButtonProps } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';

/**
 * App-wide shortcuts. Ctrl/Cmd+Shift with E and K: neither Chromium nor
 * Electron's default menu uses them, and they work while typing in a field.
 */
export const shortcuts = {
  newEvent: { hotkey: 'mod+shift+E', key: 'E', to: '/planning/new' },
  newContact: { hotkey: 'mod+shift+K', key: 'K', to: '/contacts/new' },
} as const;
export type ShortcutName = keyof typeof shortcuts;

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The keys of a shortcut as shown to people ("Strg", "Umschalt", "E"). */
function useShortcutKeys(name: ShortcutName): string[] {
  const { t } = useTranslation();
  return [isMac() ? t('shortcuts.modMac') : t('shortcuts.mod'), t('shortcuts.shift'), shortcuts[name].key];
}

/** For assistive technology, in the notation of aria-keyshortcuts. */
const ariaKeys = (name: ShortcutName) => `${isMac() ? 'Meta' : 'Control'}+Shift+${shortcuts[name].key}`;

export function ShortcutKeys({ name }: { name: ShortcutName }) {
  const keys = useShortcutKeys(name);
  return (
    <Group gap={4} wrap="nowrap">
      {keys.map((key) => (
        <Kbd key={key} size="xs">
          {key}
        </Kbd>
      ))}
    </Group>
  );
}

/**
 * A button that opens a create form and shows its shortcut in a tooltip. The
 * shortcut stays out of the button's accessible name ("Veranstaltung anlegen").
 */
export function ShortcutButton({ name, children, ...props }: { name: ShortcutName; children: ReactNode } & ButtonProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const keys = useShortcutKeys(name);
  return (
    <Tooltip label={t('shortcuts.hint', { keys: keys.join('+') })} openDelay={300}>
      <Button aria-keyshortcuts={ariaKeys(name)} onClick={() => navigate(shortcuts[name].to)} {...props}>
        {children}
      </Button>
    </Tooltip>
  );
}
