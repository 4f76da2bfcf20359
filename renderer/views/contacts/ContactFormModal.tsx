import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Contact } from '../../../shared/schemas/contact';
import { useContact, useCreateContact, useUpdateContact } from '../../api/queries';
import { FormActions, FormModal } from '../../components/FormModal';
import { notifySuccess } from '../../components/notify';
import { useFieldProps, useSaveErrorHandler } from '../../forms/fields';
import { contactFormResolver, contactToForm, emptyContactForm, formToContactInput, type ContactFormValues } from './contactForm';

/** Create (/contacts/new) or edit (/contacts/:id/edit) a contact, over the contact list. */
export function ContactFormModal() {
  const { t } = useTranslation();
  const { id } = useParams();
  const record = useContact(id);
  return (
    <FormModal title={t(id ? 'contacts.edit' : 'contacts.create')} backTo="/contacts" editing={Boolean(id)} record={record}>
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
  const onSaveError = useSaveErrorHandler(form);
  const create = useCreateContact();
  const update = useUpdateContact();

  const submit = form.handleSubmit(async (values) => {
    const input = formToContactInput(values);
    try {
      if (contact) await update.mutateAsync({ ...input, id: contact.id });
      else await create.mutateAsync(input);
      notifySuccess(t(contact ? 'contacts.updated' : 'contacts.created'));
      onDone();
    } catch (error) {
      onSaveError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('contacts.fields.firstName')} withAsterisk data-autofocus autoComplete="off" {...field('firstName')} />
          <TextInput label={t('contacts.fields.lastName')} withAsterisk autoComplete="off" {...field('lastName')} />
          <TextInput label={t('contacts.fields.email')} type="email" autoComplete="off" {...field('email')} />
          <TextInput label={t('contacts.fields.phone')} type="tel" autoComplete="off" {...field('phone')} />
        </SimpleGrid>
        <TextInput label={t('contacts.fields.street')} autoComplete="off" {...field('street')} />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput label={t('contacts.fields.postalCode')} autoComplete="off" {...field('postalCode')} />
          <TextInput label={t('contacts.fields.city')} autoComplete="off" {...field('city')} />
          <TextInput
            label={t('contacts.fields.birthday')}
            placeholder={t('contacts.placeholders.birthday')}
            autoComplete="off"
            {...field('birthday')}
          />
        </SimpleGrid>
        <Textarea label={t('contacts.fields.notes')} autosize minRows={2} maxRows={8} {...field('notes')} />
        <FormActions submitting={form.formState.isSubmitting} onCancel={onDone} />
      </Stack>
    </form>
  );
}
