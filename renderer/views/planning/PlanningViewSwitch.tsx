import { Button, Group } from '@mantine/core';
import { IconCalendarMonth, IconList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "Liste" and "Kalender": the agenda and the month calendar of Planung, as two links. */
export function PlanningViewSwitch({ current }: { current: 'list' | 'calendar' }) {
  const { t } = useTranslation();
  const views = [
    { key: 'list', to: '/planning', icon: IconList },
    { key: 'calendar', to: '/planning/calendar', icon: IconCalendarMonth },
  ] as const;
  return (
    <Group gap={0} role="group" aria-label={t('events.views')}>
      {views.map(({ key, to, icon: ViewIcon }) => (
        <Button
          key={key}
          component={Link}
          to={to}
          variant={current === key ? 'filled' : 'default'}
          aria-current={current === key ? 'page' : undefined}
          leftSection={<ViewIcon size={18} aria-hidden />}
        >
          {t(`events.view.${key}`)}
        </Button>
      ))}
    </Group>
  );
}
