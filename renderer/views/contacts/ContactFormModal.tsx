import { SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Contact } from '../../../shared/schemas/contact';
import { useContact, useContactTags, useCreateContact, useUpdateContact } from '../../api/queries';
import { ContactPicker } from '../../components/ContactPicker';
import { FormActions, FormModal } from '../../components/FormModal';
import { useFieldProps, useSubmit } from '../../forms/fields';
import { contactFormResolver, contactToForm, emptyContactForm, formToContactInput, type ContactFormValues } from './contactForm';

/** Create (/contacts/new, over the list) or edit (/contacts/:id/edit, over the contact's page) a contact. */
export function ContactFormModal() {
  const { t } = useTranslation();
  const { id } = useParams();
  const record = useContact(id);
  return (
    <FormModal title={t(id ? 'contacts.edit' : 'contacts.create')} backTo={id ? `/contacts/${id}` : '/contacts'} editing={Boolean(id)} record={record}>
      {(contact, close) => <ContactForm contact={contact} onDone={close} />}
    </FormModal>
  );
}

function ContactForm({ contact, onDone }: { contact: Contact | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm<ContactFormValues, unknown, ContactFormValues>({
    resolver: contactFormResolver,
    defaultValues: contact ? contactToForm(contact) : emptyContactForm,
  });
  const field = useFieldProps(form);
  const create = useCreateContact();
  const update = useUpdateContact();
  const knownTags = useContactTags();

  const submit = useSubmit(
    form,
    async (values) => {
      const input = formToContactInput(values);
      // An emptied recommender is sent as null, which clears it.
      if (contact) await update.mutateAsync({ referredBy: null, ...input, id: contact.id });
      else await create.mutateAsync(input);
    },
    { success: () => t(contact ? 'contacts.updated' : 'contacts.created'), onDone },
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('contacts.fields.firstName')} withAsterisk data-autofocus autoComplete="off" {...field('firstName')} />
          <TextInput label={t('contacts.fields.lastName')} withAsterisk autoComplete="off" {...field('lastName')} />
          <TextInput label={t('contacts.fields.email')} type="email" autoComplete="off" {...field('email')} />
          <TextInput label={t('contacts.fields.phone')} type="tel" autoComplete="off" {...field('phone')} />
          <TextInput label={t('contacts.fields.mobile')} type="tel" autoComplete="off" {...field('mobile')} />
          <TextInput
            label={t('contacts.fields.birthday')}
            placeholder={t('contacts.placeholders.birthday')}
            autoComplete="off"
            {...field('birthday')}
          />
        </SimpleGrid>
        <TextInput label={t('contacts.fields.street')} autoComplete="off" {...field('street')} />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput label={t('contacts.fields.postalCode')} autoComplete="off" {...field('postalCode')} />
          <TextInput label={t('contacts.fields.city')} autoComplete="off" {...field('city')} />
          <TextInput label={t('contacts.fields.country')} autoComplete="off" {...field('country')} />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="tags"
          render={({ field: tags }) => (
            <TagsInput
              label={t('contacts.fields.tags')}
              description={t('contacts.tagsHint')}
              data={(knownTags.data ?? []).map(({ tag }) => tag)}
              value={tags.value}
              onChange={tags.onChange}
              onBlur={tags.onBlur}
              clearable
            />
          )}
        />
        <Controller
          control={form.control}
          name="referredBy"
          render={({ field: referredBy }) => (
            <ContactPicker
              label={t('contacts.fields.referredBy')}
              placeholder={t('picker.placeholder')}
              value={referredBy.value || null}
              onChange={(recommender) => referredBy.onChange(recommender?.id ?? '')}
              excludeIds={contact ? [contact.id] : []}
            />
          )}
        />
        <Textarea label={t('contacts.fields.notes')} autosize minRows={2} maxRows={8} {...field('notes')} />
        <FormActions submitting={form.formState.isSubmitting} onCancel={onDone} />
      </Stack>
    </form>
  );
}
