import type { InputOf, OperationName } from '../../shared/contract';
import { useOperation, useOperationMutation, type Refresh } from './queries';

/**
 * Orders, payments and bookings of an event. Every change refreshes the
 * event's report, so the host reward on the event page follows each order
 * and payment as it is entered. Purchases earn club points and decide tiers, so the club follows.
 */
const orderQueries: readonly Refresh[] = ['orders.list', 'orders.reconciliation', 'events.report', 'reports.dashboard', 'tasks.list', 'club', 'exports'];
// A booking creates an event with her as host, and adds to this event's bookings.
const bookingQueries = ['events.list', 'events.get', 'events.report', 'contacts.history', 'reports.dashboard', 'app.status'] as const satisfies readonly OperationName[];

export const useOrders = (input: InputOf<'orders.list'>) => useOperation('orders.list', input);
export const useCreateOrder = () => useOperationMutation('orders.create', orderQueries);
export const useUpdateOrder = () => useOperationMutation('orders.update', orderQueries);
export const useSetOrderStatus = () => useOperationMutation('orders.setStatus', orderQueries);
export const useAddPayment = () => useOperationMutation('orders.addPayment', orderQueries);
export const useReconciliation = (eventId: string) => useOperation('orders.reconciliation', { eventId });

export const useEventReport = (eventId: string) => useOperation('events.report', { eventId }, { keepPrevious: true });
export const useBookEvent = () => useOperationMutation('events.book', bookingQueries);
