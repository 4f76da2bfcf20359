import { Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/schemas/catalog';
import { useCreateProduct, useUpdateProduct } from '../../api/queries';
import { FormActions } from '../../components/FormModal';
import { notifySuccess } from '../../components/notify';
import { useFieldProps, useSaveErrorHandler } from '../../forms/fields';
import { emptyProductForm, formToProductInput, productFormResolver, productToForm, type ProductFormValues } from './productForm';

/** Creates a product, or edits one (`product` given). */
export function ProductFormModal({ product, onClose }: { product: Product | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const form = useForm<ProductFormValues, unknown, ProductFormValues>({
    resolver: productFormResolver,
    defaultValues: product ? productToForm(product) : emptyProductForm,
  });
  const field = useFieldProps(form);
  const onSaveError = useSaveErrorHandler(form, { priceCents: 'price' });

  const submit = form.handleSubmit(async (values) => {
    const input = formToProductInput(values);
    try {
      // An emptied refill interval is removed from the product (null), not left as it was.
      const saved = product ? await update.mutateAsync({ id: product.id, refillDays: null, ...input }) : await create.mutateAsync(input);
      notifySuccess(t('catalog.saved', { name: saved.name }));
      onClose();
    } catch (error) {
      onSaveError(error);
    }
  });

  return (
    <Modal opened onClose={onClose} title={product ? t('catalog.editTitle') : t('catalog.newTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput label={t('catalog.fields.sku')} required {...field('sku')} />
            <TextInput label={t('catalog.fields.price')} description={t('catalog.priceHint')} required inputMode="decimal" {...field('price')} />
          </Group>
          <TextInput label={t('catalog.fields.name')} required {...field('name')} />
          <Group grow align="flex-start">
            <TextInput label={t('catalog.fields.category')} {...field('category')} />
            <TextInput label={t('catalog.fields.refillDays')} description={t('catalog.refillHint')} inputMode="numeric" {...field('refillDays')} />
          </Group>
          <Checkbox label={t('catalog.fields.active')} {...form.register('active')} />
          <FormActions submitting={form.formState.isSubmitting} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
