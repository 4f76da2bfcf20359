import { Button, Group, Modal, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { savedView, type SavedView } from '../../../shared/schemas/club';
import { useDeleteView, useSaveView, useSavedViews } from '../../api/clubQueries';
import { FormActions } from '../../components/FormModal';
import { notifyError, notifySuccess } from '../../components/notify';
import { formResolver, formSchema, useFieldProps, useSubmit } from '../../forms/fields';
import { defaultView, fromSavedView, toMemberView, type ViewState } from './memberView';

/** The option of no saved view; never a saved view's id, which is at least 8 characters long. */
const standard = '-';

/**
 * Saved views (filters, columns and order, stored with the data): choosing one
 * applies it; "Ansicht speichern" overwrites the chosen one or adds a new one.
 */
export function SavedViews({ view, onChange }: { view: ViewState; onChange: (view: ViewState) => void }) {
  const { t } = useTranslation();
  const views = useSavedViews();
  const selected = views.data?.find((saved) => saved.id === view.savedViewId);
  const [dialog, setDialog] = useState<'save' | 'delete' | null>(null);
  const close = () => setDialog(null);

  return (
    <Group align="end" gap="sm">
      <Select
        label={t('club.views.label')}
        data={[{ value: standard, label: t('club.views.standard') }, ...(views.data ?? []).map((saved) => ({ value: saved.id, label: saved.name }))]}
        value={selected?.id ?? standard}
        // On every choice, not just a change: choosing the current view again undoes what was changed since.
        onOptionSubmit={(id) => {
          const chosen = views.data?.find((saved) => saved.id === id);
          onChange(chosen ? fromSavedView(chosen.id, chosen.view) : defaultView);
        }}
        allowDeselect={false}
        w={240}
      />
      <Button variant="default" leftSection={<IconDeviceFloppy size={18} aria-hidden />} onClick={() => setDialog('save')}>
        {t('club.views.save')}
      </Button>
      {selected && (
        <Button variant="subtle" color="red" leftSection={<IconTrash size={18} aria-hidden />} onClick={() => setDialog('delete')}>
          {t('club.views.delete')}
        </Button>
      )}
      <Modal opened={dialog === 'save'} onClose={close} title={t('club.views.save')}>
        {dialog === 'save' && <SaveViewForm view={view} selected={selected} onSaved={(saved) => onChange({ ...view, savedViewId: saved.id })} onDone={close} />}
      </Modal>
      <Modal opened={dialog === 'delete' && Boolean(selected)} onClose={close} title={t('club.views.delete')}>
        {dialog === 'delete' && selected && <DeleteView saved={selected} onDeleted={() => onChange({ ...view, savedViewId: null })} onDone={close} />}
      </Modal>
    </Group>
  );
}

const saveValues = z.object({ name: z.string(), mode: z.enum(['overwrite', 'new']) });
type SaveValues = z.infer<typeof saveValues>;
const saveResolver = formResolver(formSchema(saveValues, savedView.pick({ name: true }), ({ name }) => ({ name })));

function SaveViewForm({ view, selected, onSaved, onDone }: { view: ViewState; selected: SavedView | undefined; onSaved: (saved: SavedView) => void; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm<SaveValues, unknown, SaveValues>({
    resolver: saveResolver,
    defaultValues: { name: selected?.name ?? '', mode: selected ? 'overwrite' : 'new' },
  });
  const field = useFieldProps(form);
  const save = useSaveView();
  const submit = useSubmit(
    form,
    ({ name, mode }) => save.mutateAsync({ id: mode === 'overwrite' ? selected?.id : undefined, name, view: toMemberView(view) }),
    {
      success: (saved) => t('club.views.saved', { name: saved.name }),
      onDone: (saved) => {
        onSaved(saved);
        onDone();
      },
    },
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {selected && (
          <Controller
            control={form.control}
            name="mode"
            render={({ field: mode }) => (
              <Radio.Group label={t('club.views.how')} value={mode.value} onChange={mode.onChange}>
                <Stack gap="xs" mt={4}>
                  <Radio value="overwrite" label={t('club.views.overwrite', { name: selected.name })} />
                  <Radio value="new" label={t('club.views.asNew')} />
                </Stack>
              </Radio.Group>
            )}
          />
        )}
        <TextInput label={t('club.views.name')} withAsterisk autoComplete="off" data-autofocus {...field('name')} />
        <FormActions submitting={form.formState.isSubmitting} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function DeleteView({ saved, onDeleted, onDone }: { saved: SavedView; onDeleted: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteView();
  const confirm = async () => {
    try {
      await remove.mutateAsync({ id: saved.id });
      notifySuccess(t('club.views.deleted', { name: saved.name }));
      onDeleted();
      onDone();
    } catch (error) {
      notifyError(t, error);
    }
  };
  return (
    <Stack gap="md">
      <Text>{t('club.views.deleteQuestion', { name: saved.name })}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={confirm} loading={remove.isPending}>
          {t('club.views.delete')}
        </Button>
      </Group>
    </Stack>
  );
}
