import { AppShell, Burger, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import {
  IconCalendarEvent,
  IconCash,
  IconDatabase,
  IconDoorEnter,
  IconSettings,
  IconShieldLock,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate, useOutletContext } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ShortcutKeys, shortcuts, type ShortcutName } from './shortcuts';

const sections: { path: string; label: string; icon: Icon }[] = [
  { path: '/planning', label: 'nav.planning', icon: IconCalendarEvent },
  { path: '/checkin', label: 'nav.checkin', icon: IconDoorEnter },
  { path: '/followup', label: 'nav.followup', icon: IconCash },
  { path: '/club', label: 'nav.club', icon: IconUsersGroup },
  { path: '/contacts', label: 'nav.contacts', icon: IconUsers },
  { path: '/privacy', label: 'privacy.title', icon: IconShieldLock },
  { path: '/data', label: 'backups.title', icon: IconDatabase },
  { path: '/settings', label: 'nav.settings', icon: IconSettings },
];

const shortcutLabels: Record<ShortcutName, string> = { newEvent: 'shortcuts.newEvent', newContact: 'shortcuts.newContact' };

/** What a view may change about the shell: door mode hides header and navigation. */
export interface AppChrome {
  doorMode: boolean;
  setDoorMode: (on: boolean) => void;
}
export const useAppChrome = () => useOutletContext<AppChrome>();

export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [navOpen, { toggle, close }] = useDisclosure(false);
  const [doorMode, setDoorMode] = useState(false);

  // Empty ignore list: the shortcuts also work while the cursor is in a search or form field.
  // In door mode they are off: a guest at the laptop must not wander into the rest of the app.
  useHotkeys(doorMode ? [] : Object.values(shortcuts).map(({ hotkey, to }) => [hotkey, () => navigate(to)]), []);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="lg"
      disabled={doorMode}
    >
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm">
          <Burger opened={navOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.toggleNavigation')} />
          <Title order={2} size="h3" c="teal.8">
            {t('app.name')}
          </Title>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('app.navigation')}>
        <AppShell.Section grow>
          {sections.map(({ path, label, icon: SectionIcon }) => (
            <NavLink
              key={path}
              component={Link}
              to={path}
              label={t(label)}
              leftSection={<SectionIcon size={20} stroke={1.6} aria-hidden />}
              active={pathname.startsWith(path)}
              aria-current={pathname.startsWith(path) ? 'page' : undefined}
              onClick={close}
              variant="light"
              fw={500}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Stack gap={6} p="xs">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('shortcuts.title')}
            </Text>
            {(Object.keys(shortcuts) as ShortcutName[]).map((name) => (
              <Stack key={name} gap={2}>
                <Text size="sm">{t(shortcutLabels[name])}</Text>
                <ShortcutKeys name={name} />
              </Stack>
            ))}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet context={{ doorMode, setDoorMode } satisfies AppChrome} />
      </AppShell.Main>
    </AppShell>
  );
}
