import { Group, Modal, Radio, Stack, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { operations } from '../../../shared/contract';
import type { ValidationIssue } from '../../../shared/errors';
import { manualPointsKinds } from '../../../shared/schemas/club';
import { useAddPoints } from '../../api/memberQueries';
import { FormActions } from '../../components/FormModal';
import { formResolver, formSchema, useFieldProps, useSubmit } from '../../forms/fields';

const pointsValues = z.object({ kind: z.enum(manualPointsKinds), points: z.string(), reason: z.string() });
type PointsValues = z.infer<typeof pointsValues>;

/** A correction is signed ("-20" takes off); a redemption names the points taken off. */
const toInput = (contactId: string) => (values: PointsValues) => ({
  contactId,
  kind: values.kind,
  points: Number(values.points.trim()),
  reason: values.reason,
});

/** Before asking the main process (which checks the same): a whole number, and a redemption within the balance. */
function pointsProblem(kind: PointsValues['kind'], typed: string, balance: number): string | undefined {
  if (!typed) return 'validation.required';
  if (!/^[+-]?\d+$/.test(typed)) return 'validation.number';
  if (kind !== 'redemption') return undefined;
  if (Number(typed) < 0) return 'validation.redemptionPositive';
  return Number(typed) > balance ? 'validation.notEnoughPoints' : undefined;
}

const checkPoints =
  (balance: number) =>
  ({ kind, points }: PointsValues): ValidationIssue[] => {
    const message = pointsProblem(kind, points.trim(), balance);
    return message ? [{ path: 'points', message }] : [];
  };

/** "Punkte buchen": a correction or a redemption with its reason. */
export function PointsModal({ contactId, balance, onClose }: { contactId: string; balance: number; onClose: () => void }) {
  const { t } = useTranslation();
  const addPoints = useAddPoints();
  const form = useForm<PointsValues, unknown, PointsValues>({
    resolver: formResolver(formSchema(pointsValues, operations['club.addPoints'].input, toInput(contactId), checkPoints(balance))),
    defaultValues: { kind: 'adjustment', points: '', reason: '' },
  });
  const field = useFieldProps(form);
  const kind = form.watch('kind');

  const submit = useSubmit(form, (values) => addPoints.mutateAsync(toInput(contactId)(values)), {
    success: (detail) => t('membership.points.booked', { count: detail.member.points }),
    onDone: onClose,
  });

  return (
    <Modal opened onClose={onClose} title={t('membership.points.book')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Controller
            control={form.control}
            name="kind"
            render={({ field: radio }) => (
              <Radio.Group label={t('membership.points.kind')} value={radio.value} onChange={radio.onChange}>
                <Group mt="xs">
                  {manualPointsKinds.map((option) => (
                    <Radio key={option} value={option} label={t(`membership.kinds.${option}`)} />
                  ))}
                </Group>
              </Radio.Group>
            )}
          />
          <TextInput
            data-autofocus
            label={t(`membership.points.amount.${kind}`)}
            description={t('membership.points.balance', { count: balance })}
            inputMode="numeric"
            required
            {...field('points')}
          />
          <TextInput label={t('membership.points.reason')} required {...field('reason')} />
          <FormActions submitting={form.formState.isSubmitting} onCancel={onClose} submitLabel={t('membership.points.submit')} />
        </Stack>
      </form>
    </Modal>
  );
}
