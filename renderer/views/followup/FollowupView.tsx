import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';

const sections = [
  { path: '/followup', label: 'followupNav.tasks' },
  { path: '/followup/catalog', label: 'followupNav.catalog' },
  { path: '/followup/reports', label: 'followupNav.reports' },
] as const;

/** #/followup/… — tasks, the product catalog and the dashboard, each at its own route. */
export function FollowupView() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('followup.title')}</Title>
      <Tabs value={pathname} onChange={(path) => path && navigate(path)}>
        <Tabs.List aria-label={t('followupNav.label')}>
          {sections.map(({ path, label }) => (
            <Tabs.Tab key={path} value={path}>
              {t(label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
