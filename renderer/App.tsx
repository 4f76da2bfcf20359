import { Alert, Button, Center, Container, Loader, MantineProvider, mergeThemeOverrides, Stack } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import type { Locale } from '../shared/schemas/settings';
import { createQueryClient, useAppStatus, useSettings } from './api/queries';
import { AppLayout } from './components/AppLayout';
import { applyLocale, translateMessage } from './i18n';
import { dayjsLocale } from './i18n/format';
import { theme } from './theme';
import { CheckinView } from './views/checkin/CheckinView';
import { DoorView } from './views/checkin/DoorView';
import { ClubView } from './views/club/ClubView';
import { ExportLogView } from './views/club/ExportLogView';
import { ContactFormModal } from './views/contacts/ContactFormModal';
import { ContactPage } from './views/contacts/ContactPage';
import { ContactsView } from './views/contacts/ContactsView';
import { DuplicatesView } from './views/contacts/DuplicatesView';
import { ImportView } from './views/contacts/ImportView';
import { CatalogView } from './views/followup/CatalogView';
import { DashboardView } from './views/followup/DashboardView';
import { FollowupView } from './views/followup/FollowupView';
import { TasksView } from './views/followup/TasksView';
import { CalendarView } from './views/planning/CalendarView';
import { EventFormModal } from './views/planning/EventFormModal';
import { EventPage } from './views/planning/EventPage';
import { EventReportPage } from './views/planning/EventReportPage';
import { ReconciliationPage } from './views/orders/ReconciliationPage';
import { PlanningView } from './views/planning/PlanningView';
import { CardsPrint } from './views/print/CardsPrint';
import { ClubPrint } from './views/print/ClubPrint';
import { GuestListPrint } from './views/print/GuestListPrint';
import { MemberCardPrint } from './views/print/MemberCardPrint';
import { TaskLettersPrint } from './views/print/TaskLettersPrint';
import { PersonalDataPrint } from './views/print/PersonalDataPrint';
import { PrivacyView } from './views/privacy/PrivacyView';
import { BackupsView } from './views/backups/BackupsView';
import { RecoveryScreen } from './views/recovery/RecoveryScreen';
import { SettingsView } from './views/settings/SettingsView';
import { UnlockScreen } from './views/unlock/UnlockScreen';

/** `env="test"` turns off Mantine's transitions and portals for component tests. */
export function App({ env = 'default' }: { env?: 'default' | 'test' }) {
  const [queryClient] = useState(createQueryClient);
  const { t, i18n } = useTranslation();
  // Close buttons of dialogs get a name in the current language (Mantine's have none).
  const localisedTheme = useMemo(
    () => mergeThemeOverrides(theme, { components: { Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } } } }),
    [t],
  );
  return (
    <MantineProvider theme={localisedTheme} env={env}>
      <DatesProvider settings={{ locale: dayjsLocale(i18n.language as Locale), firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <Notifications position="bottom-right" />
          <StatusGate />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

/** A broken data file stops everything else: only the recovery screen is shown then; an encrypted folder shows the unlock screen first. */
function StatusGate() {
  const status = useAppStatus();
  if (status.isPending) return <PageLoader />;
  if (status.isError) return <StartupError error={status.error} onRetry={() => void status.refetch()} />;
  if (status.data.state === 'recovery') return <RecoveryScreen status={status.data} />;
  if (status.data.state === 'locked') return <UnlockScreen status={status.data} />;
  return (
    <LocaleGate>
      <HashRouter>
        <Routes>
          {/* Printouts without the app shell: only the page goes to the printer. */}
          <Route path="print/events/:id/guests" element={<GuestListPrint />} />
          <Route path="print/events/:id/cards" element={<CardsPrint />} />
          <Route path="print/tasks/:taskIds" element={<TaskLettersPrint />} />
          <Route path="print/club/card/:contactId" element={<MemberCardPrint />} />
          <Route path="print/club/:kind" element={<ClubPrint />} />
          <Route path="print/privacy/:contactId" element={<PersonalDataPrint />} />
          <Route element={<AppLayout />}>
            <Route index element={<Navigate to="/planning" replace />} />
            <Route path="planning" element={<PlanningView />}>
              <Route path="new" element={<EventFormModal />} />
            </Route>
            <Route path="planning/calendar" element={<CalendarView />} />
            <Route path="planning/:id" element={<EventPage />}>
              <Route path="edit" element={<EventFormModal />} />
            </Route>
            <Route path="planning/:id/report" element={<EventReportPage />} />
            <Route path="planning/:id/reconciliation" element={<ReconciliationPage />} />
            <Route path="contacts" element={<ContactsView />}>
              <Route path="new" element={<ContactFormModal />} />
            </Route>
            <Route path="contacts/import" element={<ImportView />} />
            <Route path="contacts/duplicates" element={<DuplicatesView />} />
            <Route path="contacts/:id" element={<ContactPage />}>
              <Route path="edit" element={<ContactFormModal />} />
            </Route>
            <Route path="checkin" element={<CheckinView />} />
            <Route path="checkin/:eventId" element={<DoorView />} />
            <Route path="followup" element={<FollowupView />}>
              <Route index element={<TasksView />} />
              <Route path="catalog" element={<CatalogView />} />
              <Route path="reports" element={<DashboardView />} />
            </Route>
            <Route path="club" element={<ClubView />} />
            <Route path="club/log" element={<ExportLogView />} />
            <Route path="privacy" element={<PrivacyView />} />
            <Route path="data" element={<BackupsView />} />
            <Route path="settings" element={<SettingsView />} />
            <Route path="*" element={<Navigate to="/planning" replace />} />
          </Route>
        </Routes>
      </HashRouter>
    </LocaleGate>
  );
}

/** The stored language drives the UI: applied before the first screen and whenever it changes. */
function LocaleGate({ children }: { children: ReactNode }) {
  const settings = useSettings();
  const locale = settings.data?.locale;
  const [applied, setApplied] = useState(false);

  useEffect(() => {
    if (locale) void applyLocale(locale).then(() => setApplied(true));
  }, [locale]);

  if (settings.isError) return <StartupError error={settings.error} onRetry={() => void settings.refetch()} />;
  return applied ? children : <PageLoader />;
}

function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}

function StartupError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Alert color="red" title={t('app.startFailed')}>
          {translateMessage(t, error.message)}
        </Alert>
        <Button onClick={onRetry} w="fit-content">
          {t('common.retry')}
        </Button>
      </Stack>
    </Container>
  );
}
