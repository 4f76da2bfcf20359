import { Alert, Button, Group, Loader } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Contact } from '../../../shared/schemas/contact';
import type { Event } from '../../../shared/schemas/event';
import type { InvitationView } from '../../../shared/schemas/invitation';
import { useContact, useEvent, useInvitations } from '../../api/queries';
import { BackLink } from '../../components/BackLink';
import { translateMessage } from '../../i18n';
import { byName } from '../planning/guestCounts';
import './print.css';

export interface PrintData {
  event: Event;
  host: Contact | undefined;
  invitations: InvitationView[];
}

/**
 * A printout of one event outside the app shell (#/print/events/:id/…): a bar
 * with "Zurück" and "Drucken" that the printer never sees, then the page. In
 * the desktop app the system print dialog also saves as PDF.
 */
export function PrintPage({ children }: { children: (data: PrintData) => ReactNode }) {
  const { id = '' } = useParams();
  const event = useEvent(id);
  const host = useContact(event.data?.hostId);
  const invitations = useInvitations(id);
  const error = event.error ?? invitations.error;

  return (
    <PrintShell back={`/planning/${id}`} error={error} ready={Boolean(event.data && invitations.data && (!event.data.hostId || !host.isPending))}>
      {() => children({ event: event.data!, host: host.data, invitations: [...invitations.data!].sort(byName) })}
    </PrintShell>
  );
}

/**
 * The frame of every printout: "Zurück" and "Drucken", which the printer never
 * sees, then the page once its data is there (or the error why it is not).
 */
export function PrintShell({ back, ready, error, children }: { back: string; ready: boolean; error: Error | null; children: () => ReactNode }) {
  const { t } = useTranslation();
  return (
    <main className="print-page">
      <Group className="no-print" justify="space-between" mb="lg">
        <BackLink to={back}>{t('print.back')}</BackLink>
        <Button leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()} disabled={!ready}>
          {t('print.print')}
        </Button>
      </Group>
      {error ? <Alert color="red">{translateMessage(t, error.message)}</Alert> : ready ? children() : <Loader aria-label={t('app.loading')} />}
    </main>
  );
}
