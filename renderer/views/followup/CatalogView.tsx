import { Badge, Button, Group, Stack, Switch, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/schemas/catalog';
import { useCatalog, useSettings, useUpdateProduct } from '../../api/queries';
import { notifyError } from '../../components/notify';
import { QueryState } from '../../components/QueryState';
import { formatMoney } from '../../i18n/format';
import { CatalogImport } from './CatalogImport';
import { ProductFormModal } from './ProductFormModal';

/** #/followup/catalog — the products guests order, with their prices and refill intervals. */
export function CatalogView() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query.trim(), 200);
  const [includeInactive, setIncludeInactive] = useState(false);
  const products = useCatalog({ ...(debouncedQuery ? { query: debouncedQuery } : {}), includeInactive });
  const currency = useSettings().data?.currency ?? 'EUR';
  const update = useUpdateProduct();
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [importing, setImporting] = useState(false);

  const setActive = (product: Product, active: boolean) =>
    update.mutate({ id: product.id, active }, { onError: (error) => notifyError(t, error) });

  if (importing) return <CatalogImport onDone={() => setImporting(false)} />;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group>
          <TextInput
            aria-label={t('catalog.search')}
            placeholder={t('catalog.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            w={280}
          />
          <Switch label={t('catalog.showInactive')} checked={includeInactive} onChange={(event) => setIncludeInactive(event.currentTarget.checked)} />
        </Group>
        <Group>
          <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => setImporting(true)}>
            {t('catalog.import')}
          </Button>
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
            {t('catalog.new')}
          </Button>
        </Group>
      </Group>
      <QueryState query={products}>
        {(list) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="xs" aria-label={t('catalog.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalog.fields.sku')}</Table.Th>
                  <Table.Th>{t('catalog.fields.name')}</Table.Th>
                  <Table.Th>{t('catalog.fields.category')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('catalog.fields.price')}</Table.Th>
                  <Table.Th>{t('catalog.fields.active')}</Table.Th>
                  <Table.Th>{t('catalog.fields.refillDays')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>{t('catalog.empty')}</Table.Td>
                  </Table.Tr>
                )}
                {list.map((product) => (
                  <Table.Tr key={product.id}>
                    <Table.Td>{product.sku}</Table.Td>
                    <Table.Td>{product.name}</Table.Td>
                    <Table.Td>{product.category}</Table.Td>
                    <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{formatMoney(product.priceCents, currency, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={product.active ? 'teal' : 'gray'}>
                        {product.active ? t('catalog.active') : t('catalog.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{product.refillDays}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" aria-label={t('common.editItem', { name: product.name })} onClick={() => setEditing(product)}>
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color={product.active ? 'gray' : 'teal'}
                          aria-label={t(product.active ? 'catalog.deactivateItem' : 'catalog.activateItem', { name: product.name })}
                          onClick={() => setActive(product, !product.active)}
                        >
                          {product.active ? t('catalog.deactivate') : t('catalog.activate')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {editing && <ProductFormModal product={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
