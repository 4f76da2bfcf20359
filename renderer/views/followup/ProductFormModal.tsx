import { Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/schemas/catalog';
import { useCreateProduct, useUpdateProduct } from '../../api/queries';
import { FormActions } from '../../components/FormModal';
import { useFieldProps, useSubmit } from '../../forms/fields';
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

  const submit = useSubmit(
    form,
    (values) => {
      const input = formToProductInput(values);
      // An emptied refill interval is removed from the product (null), not left as it was.
      return product ? update.mutateAsync({ id: product.id, refillDays: null, ...input }) : create.mutateAsync(input);
    },
    { success: (saved) => t('catalog.saved', { name: saved.name }), onDone: onClose, fieldMap: { priceCents: 'price' } },
  );

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
