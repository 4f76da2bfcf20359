import { ActionIcon, Button, Group, Select, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { lineTotalCents, orderTotalCents } from '../../../shared/orders';
import type { Product } from '../../../shared/schemas/catalog';
import { orderLineInput, type OrderLine } from '../../../shared/schemas/order';
import { useCatalog } from '../../api/queries';
import { centsToInput, parseMoney } from '../../forms/money';
import { translateMessage } from '../../i18n';
import { useMoney } from '../../i18n/useMoney';

export interface LineEditorHandle {
  /** All lines, with the line still in the input row added first; null when that row is not valid. */
  takeLines(): OrderLine[] | null;
  reset(lines?: OrderLine[]): void;
  focusArticle(): void;
}

type RowField = 'article' | 'quantity' | 'price' | 'discount';
const emptyRow = { productId: null as string | null, quantity: '1', price: '', discount: '0' };

/** Best matches first: the exact article number, then numbers starting with the text, then names containing it. */
function rankProducts(products: readonly Product[], query: string): Product[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...products];
  const rank = (product: Product) => {
    const sku = product.sku.toLowerCase();
    if (sku === q) return 0;
    if (sku.startsWith(q)) return 1;
    return product.name.toLowerCase().includes(q) || sku.includes(q) ? 2 : 3;
  };
  return products
    .map((product) => ({ product, rank: rank(product) }))
    .filter(({ rank }) => rank < 3)
    .sort((a, b) => a.rank - b.rank)
    .map(({ product }) => product);
}

const productLabel = (product: Pick<Product, 'sku' | 'name'>) => `${product.sku} · ${product.name}`;

/**
 * The lines of an order as typed from a paper form: article (number or name,
 * Enter takes the best match), quantity, unit price, discount; Enter in any of
 * the last three adds the line and goes back to the article. `autoFocus`: a
 * dialog opens with the article field focused.
 */
export function LineEditor({ ref, initialLines = [], autoFocus = false }: { ref: Ref<LineEditorHandle>; initialLines?: OrderLine[]; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  const catalog = useCatalog({});
  const [lines, setLines] = useState<OrderLine[]>(initialLines);
  const [row, setRow] = useState(emptyRow);
  const [search, setSearch] = useState('');
  const [errors, setErrors] = useState<Partial<Record<RowField, string>>>({});
  const articleRef = useRef<HTMLInputElement>(null);
  const quantityRef = useRef<HTMLInputElement>(null);

  const products = catalog.data ?? [];
  const byId = new Map(products.map((product) => [product.id, product]));
  const chosen = row.productId ? byId.get(row.productId) : undefined;
  // Mantine writes the chosen product's label into the search field; that is no search.
  const shown = rankProducts(products, chosen && search === productLabel(chosen) ? '' : search);
  const rowEmpty = row.productId === null && search.trim() === '';

  /** The input row as a line, or the reasons it is none (shown on its fields). */
  const rowLine = (): OrderLine | null => {
    const product = chosen;
    const found: Partial<Record<RowField, string>> = {};
    if (!product) found.article = 'orders.entry.pickArticle';
    const unitPriceCents = parseMoney(row.price);
    if (unitPriceCents === null) found.price = 'validation.money';
    const quantity = Number(row.quantity.trim());
    const discountPercent = Number(row.discount.trim().replace(',', '.') || 0);
    const checked = orderLineInput.safeParse({ productId: product?.id, quantity, unitPriceCents: unitPriceCents ?? 0, discountPercent });
    for (const issue of checked.error?.issues ?? []) {
      const field = ({ quantity: 'quantity', discountPercent: 'discount' } as const)[String(issue.path[0]) as 'quantity' | 'discountPercent'];
      if (field) found[field] ??= issue.message;
    }
    setErrors(found);
    if (!product || unitPriceCents === null || Object.keys(found).length > 0) return null;
    return { productId: product.id, sku: product.sku, name: product.name, quantity, unitPriceCents, discountPercent };
  };

  const clearRow = () => {
    setRow(emptyRow);
    setSearch('');
    setErrors({});
  };

  const addLine = () => {
    const line = rowLine();
    if (!line) return;
    setLines((current) => [...current, line]);
    clearRow();
    articleRef.current?.focus();
  };

  useImperativeHandle(ref, () => ({
    takeLines: () => {
      if (rowEmpty) return lines;
      const line = rowLine();
      if (!line) return null;
      clearRow();
      const all = [...lines, line];
      setLines(all);
      return all;
    },
    reset: (next = []) => {
      setLines(next);
      clearRow();
    },
    focusArticle: () => articleRef.current?.focus(),
  }));

  const onEnterAdds = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      addLine();
    }
  };
  const error = (field: RowField) => (errors[field] ? translateMessage(t, errors[field]) : undefined);

  return (
    <>
      <Group align="start" gap="xs" wrap="nowrap">
        <Select
          ref={articleRef}
          data-autofocus={autoFocus || undefined}
          label={t('orders.entry.article')}
          placeholder={t('orders.entry.articlePlaceholder')}
          searchable
          clearable
          selectFirstOptionOnChange
          style={{ flex: 3 }}
          value={row.productId}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          data={shown.map((product) => ({ value: product.id, label: productLabel(product) }))}
          limit={30}
          nothingFoundMessage={t('orders.entry.noArticle')}
          clearButtonProps={{ 'aria-label': t('picker.clear') }}
          error={error('article')}
          onChange={(productId) => {
            const product = productId ? byId.get(productId) : undefined;
            setRow((current) => ({ ...current, productId, price: product ? centsToInput(product.priceCents) : current.price }));
            setErrors({});
            // The price is prefilled: next comes the quantity.
            if (product) requestAnimationFrame(() => quantityRef.current?.focus());
          }}
        />
        {(
          [
            ['quantity', 'orders.entry.quantity', quantityRef, 'numeric'],
            ['price', 'orders.entry.unitPrice', undefined, 'decimal'],
            ['discount', 'orders.entry.discount', undefined, 'decimal'],
          ] as const
        ).map(([field, label, inputRef, inputMode]) => (
          <TextInput
            key={field}
            ref={inputRef}
            label={t(label)}
            style={{ flex: 1 }}
            inputMode={inputMode}
            autoComplete="off"
            value={row[field]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setRow((current) => ({ ...current, [field]: value }));
            }}
            onFocus={(event) => event.currentTarget.select()}
            onKeyDown={onEnterAdds}
            error={error(field)}
          />
        ))}
        <Button variant="light" mt={25} leftSection={<IconPlus size={16} aria-hidden />} onClick={addLine}>
          {t('orders.entry.addLine')}
        </Button>
      </Group>

      {lines.length > 0 && (
        <Table verticalSpacing={4} aria-label={t('orders.entry.lines')}>
          <Table.Thead>
            <Table.Tr>
              {(['article', 'quantity', 'unitPrice', 'discount', 'lineTotal'] as const).map((column) => (
                <Table.Th key={column} ta={column === 'article' ? undefined : 'right'}>
                  {t(`orders.entry.${column}`)}
                </Table.Th>
              ))}
              <Table.Th>
                <VisuallyHidden>{t('orders.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => (
              <Table.Tr key={`${line.productId}-${index}`}>
                <Table.Td>{productLabel(line)}</Table.Td>
                <Table.Td ta="right">{line.quantity}</Table.Td>
                <Table.Td ta="right">{money(line.unitPriceCents)}</Table.Td>
                <Table.Td ta="right">{line.discountPercent > 0 ? `${line.discountPercent} %` : '–'}</Table.Td>
                <Table.Td ta="right">{money(lineTotalCents(line))}</Table.Td>
                <Table.Td ta="right">
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('orders.entry.removeLine', { name: line.name })}
                    onClick={() => setLines((current) => current.filter((_, i) => i !== index))}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text fw={600} ta="right" role="status" aria-live="polite">
        {t('orders.entry.total', { total: money(orderTotalCents({ lines })) })}
      </Text>
    </>
  );
}
