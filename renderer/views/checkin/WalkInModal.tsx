import { Alert, Button, Checkbox, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { operations } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Event } from '../../../shared/schemas/event';
import { useCheckinSearch } from '../../api/queries';
import { ContactPicker } from '../../components/ContactPicker';
import { formResolver, formSchema, useFieldProps } from '../../forms/fields';
import { translateMessage } from '../../i18n';
import { doorName } from './door';
import type { SearchResult } from './DoorResults';
import type { Door } from './useDoor';

/** The consent boxes at the door; the wording sent is exactly the text shown next to the box. */
const consentOptions = [
  { key: 'emailMarketing', channel: 'email', purpose: 'marketing' },
  { key: 'phoneMarketing', channel: 'phone', purpose: 'marketing' },
  { key: 'club', channel: 'email', purpose: 'club' },
] as const;

const walkInValues = z.object({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string(),
  broughtBy: z.string(),
  consents: z.object({ emailMarketing: z.boolean(), phoneMarketing: z.boolean(), club: z.boolean() }),
  joinClub: z.boolean(),
});
type WalkInValues = z.infer<typeof walkInValues>;
const toContact = ({ firstName, lastName, email, phone }: WalkInValues) => ({ firstName, lastName, email, phone });
// The contact's fields follow the contract's rules, so the form reports what the main process would.
const walkInResolver = formResolver(formSchema(walkInValues, operations['checkin.walkIn'].input.shape.contact, toContact));

/**
 * A name typed into the search starts the form: "Erika Braun", or one word as
 * the surname hosts usually search by. Anything else (a code, an e-mail) does not.
 */
function nameFrom(query: string) {
  const text = query.trim();
  if (!/^[\p{L}' -]+$/u.test(text)) return { firstName: '', lastName: '' };
  const [first = '', ...rest] = text.split(/\s+/);
  return rest.length === 0 ? { firstName: '', lastName: first } : { firstName: first, lastName: rest.join(' ') };
}

/**
 * Ctrl+N: a person who came without an invitation, taken down in under 30
 * seconds with her consent. Who matches what is typed is offered first ("Ist
 * das …?"), so nobody is entered twice. Enter submits, Esc closes.
 */
export function WalkInModal({
  event,
  query,
  privacy,
  door,
  onDone,
  onClose,
}: {
  event: Event;
  query: string;
  privacy: boolean;
  door: Door;
  /** She is checked in (new or known). */
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<WalkInValues, unknown, WalkInValues>({
    resolver: walkInResolver,
    defaultValues: {
      ...nameFrom(query),
      email: '',
      phone: '',
      broughtBy: event.hostId ?? '',
      consents: { emailMarketing: false, phoneMarketing: false, club: false },
      joinClub: false,
    },
  });
  const field = useFieldProps(form);
  const [firstName, lastName, email] = form.watch(['firstName', 'lastName', 'email']);
  const [lookFor] = useDebouncedValue(email.includes('@') ? email.trim() : `${firstName} ${lastName}`.trim(), 150);
  const matches = useCheckinSearch(event.id, lookFor.length >= 2 ? lookFor : '');
  const known = useMemo(() => (lookFor.length >= 2 ? (matches.data ?? []).filter((result) => !privacy || result.invitation).slice(0, 3) : []), [matches.data, lookFor, privacy]);

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await door.registerWalkIn({
        eventId: event.id,
        contact: toContact(values),
        consents: consentOptions
          .filter(({ key }) => values.consents[key])
          .map(({ key, channel, purpose }) => ({ channel, purpose, granted: true, wording: t(`checkin.walkIn.consent.${key}`) })),
        ...(values.broughtBy ? { broughtBy: values.broughtBy } : {}),
        joinClub: values.joinClub,
      });
      onDone();
    } catch (error) {
      showFailure(error);
    }
  });

  // A field's error from the main process lands on its field; anything else is said above the buttons.
  function showFailure(error: unknown) {
    const issues = error instanceof AppError && error.code === 'VALIDATION' ? (error.issues ?? []) : [];
    const fields = Object.keys(toContact(form.getValues()));
    const unplaced = issues.filter((issue) => {
      const name = issue.path.replace(/^contact\./, '');
      if (!fields.includes(name)) return true;
      form.setError(name as keyof WalkInValues, { type: 'server', message: issue.message });
      return false;
    });
    if (issues.length === 0 || unplaced.length > 0) {
      setFailure(translateMessage(t, unplaced[0]?.message ?? (error instanceof Error ? error.message : undefined)));
    }
  }

  async function checkInKnown(result: SearchResult) {
    setFailure(null);
    try {
      await door.checkInOrThrow(result.invitation ? { invitationId: result.invitation.id } : { contactId: result.contact.id });
      onDone();
    } catch (error) {
      showFailure(error);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('checkin.walkIn.title')} size="xl">
      <form
        noValidate
        onSubmit={submit}
        // Enter on a consent box submits too; a text field does so by itself.
        onKeyDown={(keyEvent) => {
          if (keyEvent.key === 'Enter' && keyEvent.target instanceof HTMLInputElement && keyEvent.target.type === 'checkbox') {
            keyEvent.preventDefault();
            void submit();
          }
        }}
      >
        <Stack gap="md">
          <SimpleGrid cols={2}>
            <TextInput data-autofocus size="lg" withAsterisk label={t('contacts.fields.firstName')} {...field('firstName')} />
            <TextInput size="lg" withAsterisk label={t('contacts.fields.lastName')} {...field('lastName')} />
            <TextInput size="lg" type="email" label={t('contacts.fields.email')} {...field('email')} />
            <TextInput size="lg" type="tel" label={t('contacts.fields.phone')} {...field('phone')} />
          </SimpleGrid>

          {known.length > 0 && (
            <Paper withBorder p="sm" bg="yellow.0" role="region" aria-label={t('checkin.walkIn.known')}>
              <Text fw={600} mb="xs">
                {t('checkin.walkIn.known')}
              </Text>
              <Stack gap="xs">
                {known.map((result) => {
                  const name = doorName(result.contact, privacy);
                  return (
                    <Group key={result.contact.id} justify="space-between" wrap="nowrap">
                      <Text fz="lg">
                        {t('checkin.walkIn.isThis', { name })}
                        {!privacy && [result.contact.email, result.contact.city].filter(Boolean).length > 0 && (
                          <Text span c="dark.5">
                            {' '}
                            ({[result.contact.email, result.contact.city].filter(Boolean).join(', ')})
                          </Text>
                        )}
                      </Text>
                      <Button onClick={() => void checkInKnown(result)} aria-label={t('checkin.checkInGuest', { name })}>
                        {t('checkin.checkIn')}
                      </Button>
                    </Group>
                  );
                })}
              </Stack>
            </Paper>
          )}

          <Controller
            control={form.control}
            name="broughtBy"
            render={({ field: picker }) => (
              <ContactPicker
                size="lg"
                label={t('checkin.walkIn.broughtBy')}
                description={t('checkin.walkIn.broughtByHint')}
                placeholder={t('picker.placeholder')}
                value={picker.value || null}
                onChange={(contact) => picker.onChange(contact?.id ?? '')}
              />
            )}
          />

          <Stack gap="sm" role="group" aria-label={t('checkin.walkIn.consents')}>
            <Text fw={600}>{t('checkin.walkIn.consents')}</Text>
            {consentOptions.map(({ key }) => (
              <Checkbox key={key} size="lg" label={t(`checkin.walkIn.consent.${key}`)} {...form.register(`consents.${key}`)} />
            ))}
          </Stack>
          <Checkbox size="lg" label={t('membership.door.join')} {...form.register('joinClub')} />

          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="lg" loading={form.formState.isSubmitting}>
              {t('checkin.walkIn.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
