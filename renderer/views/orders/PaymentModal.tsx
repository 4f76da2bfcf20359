import { Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paymentMethods, type OrderView, type PaymentMethod } from '../../../shared/schemas/order';
import { useAddPayment } from '../../api/orderQueries';
import { FormActions } from '../../components/FormModal';
import { notifyError, notifySuccess } from '../../components/notify';
import { centsToInput, parseMoney } from '../../forms/money';
import { translateMessage } from '../../i18n';
import { useMoney } from '../../i18n/useMoney';
import { nameOf } from './OrderEntry';

/** "Zahlung erfassen": method and amount, prefilled with the open balance; less is a partial payment. */
export function PaymentModal({ order, onClose }: { order: OrderView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={order !== null} onClose={onClose} title={t('orders.payment.title')}>
      {order && <PaymentForm key={order.id} order={order} onDone={onClose} />}
    </Modal>
  );
}

function PaymentForm({ order, onDone }: { order: OrderView; onDone: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const addPayment = useAddPayment();
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [amount, setAmount] = useState(centsToInput(Math.max(order.openCents, 0)));
  const [error, setError] = useState<string>();

  const submit = async () => {
    const amountCents = parseMoney(amount);
    if (amountCents === null || amountCents < 1) return setError('validation.cents');
    try {
      const saved = await addPayment.mutateAsync({ orderId: order.id, method, amountCents });
      notifySuccess(t('orders.payment.saved', { amount: money(amountCents), open: money(saved.openCents) }));
      onDone();
    } catch (failed) {
      notifyError(t, failed);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <Text>{t('orders.payment.of', { name: nameOf(order.contact), total: money(order.totalCents), open: money(order.openCents) })}</Text>
        <SegmentedControl
          aria-label={t('orders.payment.method')}
          value={method}
          onChange={(value) => setMethod(value as PaymentMethod)}
          data={paymentMethods.map((value) => ({ value, label: t(`orders.method.${value}`) }))}
        />
        <TextInput
          label={t('orders.payment.amount')}
          inputMode="decimal"
          autoComplete="off"
          data-autofocus
          value={amount}
          onFocus={(event) => event.currentTarget.select()}
          onChange={(event) => {
            setAmount(event.currentTarget.value);
            setError(undefined);
          }}
          error={error && translateMessage(t, error)}
        />
        <FormActions submitting={addPayment.isPending} onCancel={onDone} submitLabel={t('orders.payment.submit')} />
      </Stack>
    </form>
  );
}
