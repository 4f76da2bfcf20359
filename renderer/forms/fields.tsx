import { Select, type SelectProps } from '@mantine/core';
import { useController, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { AppError, type ValidationIssue } from '../../shared/errors';
import { translateMessage } from '../i18n';
import { notifyError, notifySuccess } from '../components/notify';

/** Contract field name -> form field name where they differ (e.g. startsAt is typed into "Datum"). */
export type FieldMap = Readonly<Record<string, string>>;

const formFieldOf = (path: string, fieldMap: FieldMap) => {
  const top = path.split('.')[0] ?? '';
  return fieldMap[top] ?? top;
};

/**
 * A form schema over the values as typed (all strings): first the form's own
 * format checks (shape of a date or time), then the shared contract schema on
 * the converted input, so the renderer validates exactly as the main process
 * will. Issues come first-wins per field, so a format message beats the
 * contract's message about the same field.
 */
export function formSchema<T extends z.ZodObject>(
  values: T,
  contract: z.ZodType,
  toInput: (typed: z.output<T>) => unknown,
  checkFormat: (typed: z.output<T>) => ValidationIssue[] = () => [],
) {
  return values.superRefine((typed, ctx) => {
    for (const issue of checkFormat(typed)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    for (const issue of contract.safeParse(toInput(typed)).error?.issues ?? []) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });
}

/** react-hook-form resolver for a form schema, with contract field names moved onto the form's fields. */
export function formResolver<V extends FieldValues>(schema: z.ZodType<V, V>, fieldMap: FieldMap = {}): Resolver<V, unknown, V> {
  return withFieldMap(zodResolver(schema) as Resolver<V, unknown, V>, fieldMap);
}

function withFieldMap<T extends FieldValues, C, O>(resolver: Resolver<T, C, O>, fieldMap: FieldMap): Resolver<T, C, O> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const errors: Record<string, unknown> = {};
    for (const [name, error] of Object.entries(result.errors)) {
      const target = formFieldOf(name, fieldMap);
      errors[target] ??= error; // the first error per field is the one to show
    }
    return { ...result, errors } as typeof result;
  };
}

/** A field's error in the user's language; zod's own English messages fall back to a generic "invalid input". */
function useErrorText() {
  const { t } = useTranslation();
  return (message: string | undefined) => (message ? translateMessage(t, message, 'validation.invalid') : undefined);
}

/** Props for one uncontrolled Mantine input bound to react-hook-form: registration plus the translated error. */
export function useFieldProps<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>) {
  const errorText = useErrorText();
  return (name: Path<T>) => ({ ...form.register(name), error: errorText(form.getFieldState(name, form.formState).error?.message) });
}

/** A Mantine Select bound to a string field of the form (Select is controlled, so it cannot be registered). */
export function FormSelect<T extends FieldValues>({ form, name, ...props }: { form: UseFormReturn<T, unknown, unknown>; name: Path<T> } & Omit<SelectProps, 'form'>) {
  const { field, fieldState } = useController({ control: form.control, name });
  const errorText = useErrorText();
  return (
    <Select
      {...props}
      ref={field.ref}
      name={field.name}
      value={field.value}
      onChange={(value) => field.onChange(value ?? '')}
      onBlur={field.onBlur}
      allowDeselect={false}
      error={errorText(fieldState.error?.message)}
    />
  );
}

/** What a form does around its save: the success message (none if absent) and what follows it; both get the save's result. */
export interface SubmitOptions<R> {
  success?: (result: R) => string;
  onDone?: (result: R) => void;
  /** Contract field name -> form field name, for the main process's field errors. */
  fieldMap?: FieldMap;
}

/**
 * The form's submit handler: runs `save` with the validated values; on success
 * shows the success message and calls onDone. A refused save puts the main
 * process's VALIDATION issues on the form's fields like local ones; anything
 * else (or an issue without a field) becomes a notification.
 */
export function useSubmit<T extends FieldValues, R>(
  form: UseFormReturn<T, unknown, T>,
  save: (values: T) => Promise<R>,
  { success, onDone, fieldMap = {} }: SubmitOptions<R> = {},
) {
  const { t } = useTranslation();
  const onSaveError = (error: unknown) => {
    const issues = error instanceof AppError && error.code === 'VALIDATION' ? (error.issues ?? []) : [];
    const fields = Object.keys(form.getValues());
    const unplaced = issues.filter((issue) => {
      const name = formFieldOf(issue.path, fieldMap);
      if (!fields.includes(name)) return true;
      form.setError(name as Path<T>, { type: 'server', message: issue.message });
      return false;
    });
    if (issues.length === 0 || unplaced.length > 0) notifyError(t, error);
  };
  return form.handleSubmit(async (values) => {
    try {
      const result = await save(values);
      if (success) notifySuccess(success(result));
      onDone?.(result);
    } catch (error) {
      onSaveError(error);
    }
  });
}
