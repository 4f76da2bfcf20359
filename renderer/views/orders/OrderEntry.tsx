import { Button, Group, Kbd, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { orderTotalCents } from '../../../shared/orders';
import { currentCheckin } from '../../../shared/schemas/checkin';
import type { ContactRef } from '../../../shared/schemas/contact';
import type { Event } from '../../../shared/schemas/event';
import { useContactSearch, useInvitations } from '../../api/queries';
import { useCreateOrder } from '../../api/orderQueries';
import { notifyError, notifySuccess } from '../../components/notify';
import { useMoney } from '../../i18n/useMoney';
import { byName } from '../planning/guestCounts';
import { LineEditor, type LineEditorHandle } from './LineEditor';

export const nameOf = (contact: Pick<ContactRef, 'firstName' | 'lastName'>) => `${contact.firstName} ${contact.lastName}`;
const matches = (contact: ContactRef, query: string) =>
  query.split(/\s+/).every((word) => nameOf(contact).toLocaleLowerCase('de').includes(word.toLocaleLowerCase('de')));

/** Ctrl+Enter (Cmd+Enter on a Mac) saves, from any field of the form. */
export const isSaveKey = (event: KeyboardEvent) => event.key === 'Enter' && (event.ctrlKey || event.metaKey);

/**
 * Fast entry of paper order forms: for an event guest after guest (Ctrl+Enter
 * saves and goes back to "Gast" for the next form), or one reorder of a known
 * contact outside events (no "Gast" field; Ctrl+Enter saves and calls `onSaved`).
 */
export function OrderEntry({ event, contact, onSaved }: ({ event: Event; contact?: undefined } | { event?: undefined; contact: ContactRef }) & { onSaved?: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const [picked, setPicked] = useState<ContactRef | null>(null);
  const guestRef = useRef<HTMLInputElement>(null);
  const editor = useRef<LineEditorHandle>(null);
  const create = useCreateOrder();

  const save = async () => {
    const lines = editor.current?.takeLines();
    if (!lines) return;
    const guest = contact ?? picked;
    if (!guest) {
      guestRef.current?.focus();
      return;
    }
    if (lines.length === 0) {
      editor.current?.focusArticle();
      return;
    }
    try {
      await create.mutateAsync({
        eventId: event?.id,
        contactId: guest.id,
        lines: lines.map(({ productId, quantity, unitPriceCents, discountPercent }) => ({ productId, quantity, unitPriceCents, discountPercent })),
      });
      notifySuccess(t('orders.entry.saved', { name: nameOf(guest), total: money(orderTotalCents({ lines })) }));
      editor.current?.reset();
      setPicked(null);
      guestRef.current?.focus();
      onSaved?.();
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Paper
      withBorder={Boolean(event)}
      p={event ? 'md' : 0}
      component="form"
      aria-label={t('orders.entry.title')}
      onSubmit={(submitted) => {
        submitted.preventDefault();
        void save();
      }}
      onKeyDown={(pressed: KeyboardEvent) => {
        if (isSaveKey(pressed)) {
          pressed.preventDefault();
          void save();
        }
      }}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          {event && (
            <Title order={3} size="h4">
              {t('orders.entry.title')}
            </Title>
          )}
          <Text size="sm" c="dimmed">
            {t('orders.entry.hint')}
          </Text>
        </Group>
        {event && (
          <GuestSelect
            ref={guestRef}
            event={event}
            guest={picked}
            onChange={(guest) => {
              setPicked(guest);
              if (guest) requestAnimationFrame(() => editor.current?.focusArticle());
            }}
          />
        )}
        <LineEditor ref={editor} autoFocus={!event} />
        <Group justify="flex-end" gap="xs">
          <Kbd size="xs" aria-hidden>
            {t('orders.entry.saveKeys')}
          </Kbd>
          <Button type="submit" loading={create.isPending} aria-keyshortcuts="Control+Enter">
            {t('orders.entry.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** "Gast": the event's guests who came first, then everyone invited, then any other contact the search finds. */
function GuestSelect({ ref, event, guest, onChange }: { ref: Ref<HTMLInputElement>; event: Event; guest: ContactRef | null; onChange: (guest: ContactRef | null) => void }) {
  const { t } = useTranslation();
  const invitations = useInvitations(event.id);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 120);

  const guests = [...(invitations.data ?? [])].sort(byName);
  const came = guests.filter((invitation) => currentCheckin(invitation.checkins)).map((invitation) => invitation.contact);
  const invited = guests.filter((invitation) => !currentCheckin(invitation.checkins)).map((invitation) => invitation.contact);
  const known = new Set(guests.map((invitation) => invitation.contact.id));
  const contacts = new Map<string, ContactRef>(guests.map((invitation) => [invitation.contact.id, invitation.contact]));
  // Mantine writes the chosen name into the search field; that is no new search.
  const searched = (text: string) => (guest && text === nameOf(guest) ? '' : text);
  // The event's guests are filtered at once, so Enter takes the first match of what was typed;
  // other contacts come from the (debounced) server search and are listed after them.
  const typed = searched(search.trim());
  const serverQuery = searched(query);
  const others = (useContactSearch(serverQuery).data ?? []).filter((contact) => !known.has(contact.id));
  for (const contact of others) contacts.set(contact.id, contact);

  const group = (label: string, list: ContactRef[]) => ({
    group: t(label),
    items: list.filter((contact) => typed === '' || matches(contact, typed)).map((contact) => ({ value: contact.id, label: nameOf(contact) })),
  });
  const data = [
    group('orders.entry.came', came),
    group('orders.entry.invited', invited),
    { group: t('orders.entry.others'), items: typed && serverQuery ? others.map((contact) => ({ value: contact.id, label: nameOf(contact) })) : [] },
  ].filter(
    (entry) => entry.items.length > 0,
  );

  return (
    <Select
      ref={ref}
      label={t('orders.entry.guest')}
      placeholder={t('picker.placeholder')}
      searchable
      clearable
      selectFirstOptionOnChange
      maw={420}
      value={guest?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data}
      nothingFoundMessage={t('picker.nothingFound')}
      clearButtonProps={{ 'aria-label': t('picker.clear') }}
      onChange={(id) => onChange(id ? (contacts.get(id) ?? null) : null)}
    />
  );
}
