'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense, useState, type FormEvent } from 'react';
import { ContactForm } from '@/components/ContactForm';
import { PricingView } from '@/components/PricingView';
import { Timeline } from '@/components/Timeline';
import {
  ConfirmButton,
  Empty,
  ErrorBox,
  Facts,
  Loading,
  PageTitle,
  Section,
  StatusBadge,
  Time,
  btn,
  btnPrimary,
  input,
  td,
  th,
  scrollsSideways,
} from '@/components/ui';
import { api } from '@/lib/api';
import { formatMoney } from '@/lib/money';
import { cartPath } from '@/lib/paths';
import type { ProblemContext } from '@/lib/problem';
import { useCart, useOrder, useOrderMutation } from '@/lib/queries';
import { cartEditsSince } from '@/lib/timeline';
import { formatDateTime } from '@/lib/time';
import type { ContactInput, Order, OrderAction } from '@/lib/types';
import { FULFILLMENT_STATUS_LABELS, ORDER_STAGE_LABELS, PAYMENT_STATUS_LABELS } from '@/lib/labels';

type Action =
  | { kind: 'cancel' }
  | { kind: 'contact'; contact: ContactInput }
  | { kind: 'createFulfillment' }
  | { kind: 'pick' }
  | { kind: 'ship'; trackingNumber: string }
  | { kind: 'deliver' }
  | { kind: 'cancelFulfillment' };

const ACTION_CONTEXT: Record<Action['kind'], ProblemContext> = {
  cancel: { subject: 'order', action: 'be cancelled' },
  contact: { subject: 'order', action: 'get a new contact' },
  createFulfillment: { subject: 'order', action: 'get a fulfilment' },
  pick: { subject: 'fulfilment', action: 'be picked' },
  ship: { subject: 'fulfilment', action: 'be shipped' },
  deliver: { subject: 'fulfilment', action: 'be delivered' },
  cancelFulfillment: { subject: 'fulfilment', action: 'be cancelled' },
};

/** Whether an admin may take the action now: the admin API's own list, not the customer's. */
function adminMay(order: Order, action: OrderAction): boolean {
  return (order.adminActions ?? []).includes(action);
}

/** What the customer can do next, in words; the admin's own actions are the buttons. */
const CUSTOMER_STEPS: Partial<Record<OrderAction, string>> = {
  contact: 'give or change the contact',
  addPayment: 'add a payment',
  authorize: 'authorize the payment',
  cancel: 'cancel the order',
};

function customerCanNow(order: Order): string {
  const steps = order.allowedActions.flatMap((a) => (CUSTOMER_STEPS[a] ? [CUSTOMER_STEPS[a]] : []));
  if (steps.length === 0) return 'The customer has nothing left to do on this order.';
  const listed =
    steps.length === 1
      ? steps[0]
      : `${steps.slice(0, -1).join(', ')} or ${steps[steps.length - 1]}`;
  return `The customer can now ${listed}.`;
}

function run(order: Order, a: Action): Promise<Order> {
  switch (a.kind) {
    case 'cancel':
      return api.cancelOrder(order.id);
    case 'contact':
      return api.setContact(order.id, a.contact);
    case 'createFulfillment':
      return api.createFulfillment(order.id);
    case 'pick':
      return api.pick(order.id);
    case 'ship':
      return api.ship(order.id, a.trackingNumber);
    case 'deliver':
      return api.deliver(order.id);
    case 'cancelFulfillment':
      return api.cancelFulfillment(order.id);
  }
}

function Fulfilment({
  order,
  busy,
  act,
}: {
  order: Order;
  busy: boolean;
  act: (a: Action) => Promise<unknown>;
}) {
  const f = order.fulfillment;
  const [shipping, setShipping] = useState(false);
  const [tracking, setTracking] = useState('');

  if (!f) {
    return adminMay(order, 'createFulfillment') ? (
      <div className="flex items-center justify-between gap-2 px-4 py-3 text-sm">
        <span className="text-slate-600">No fulfilment yet.</span>
        <button
          type="button"
          className={btnPrimary}
          disabled={busy}
          onClick={() => act({ kind: 'createFulfillment' })}
        >
          Create fulfilment
        </button>
      </div>
    ) : (
      <Empty>
        {order.status === 'CANCELLED'
          ? 'No fulfilment: the order is cancelled.'
          : 'No fulfilment yet: it can be created once the payment is authorized.'}
      </Empty>
    );
  }

  function ship(e: FormEvent) {
    e.preventDefault();
    if (tracking.trim()) act({ kind: 'ship', trackingNumber: tracking.trim() });
  }

  const nextSteps = (['pick', 'ship', 'deliver', 'cancelFulfillment'] as const).filter((a) =>
    adminMay(order, a),
  );
  return (
    <div>
      <Facts
        items={[
          [
            'Status',
            <span key="s" data-testid="fulfillment-status">
              <StatusBadge status={f.status} label={FULFILLMENT_STATUS_LABELS[f.status]} />
            </span>,
          ],
          ['Tracking number', f.trackingNumber ?? <span className="text-slate-500">—</span>],
          [
            'Items',
            f.items && f.items.length ? (
              <ul key="i">
                {f.items.map((it) => (
                  <li key={it.sku}>
                    {it.quantity} × <span className="font-mono text-xs">{it.sku}</span> {it.name}
                  </li>
                ))}
              </ul>
            ) : (
              '—'
            ),
          ],
          [
            'Ship to',
            f.shippingAddress
              ? [
                  f.shippingAddress.line1,
                  f.shippingAddress.line2,
                  `${f.shippingAddress.postalCode} ${f.shippingAddress.city}`,
                  f.shippingAddress.country,
                ]
                  .filter(Boolean)
                  .join(', ')
              : '—',
          ],
          ['Created', formatDateTime(f.createdAt)],
          ['Last change', <Time key="u" iso={f.updatedAt} />],
        ]}
      />
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 px-4 py-3">
        {adminMay(order, 'pick') && (
          <button
            type="button"
            className={btnPrimary}
            disabled={busy}
            onClick={() => act({ kind: 'pick' })}
          >
            Mark picked
          </button>
        )}
        {adminMay(order, 'ship') &&
          (shipping ? (
            <form onSubmit={ship} className="flex items-end gap-2">
              <label className="text-xs text-slate-600">
                <span className="mb-0.5 block">Tracking number</span>
                <input
                  className={input}
                  value={tracking}
                  onChange={(e) => setTracking(e.target.value)}
                  required
                  autoFocus
                />
              </label>
              <button type="submit" className={btnPrimary} disabled={busy || !tracking.trim()}>
                Confirm shipment
              </button>
              <button type="button" className={btn} onClick={() => setShipping(false)}>
                Cancel
              </button>
            </form>
          ) : (
            <button
              type="button"
              className={btnPrimary}
              disabled={busy}
              onClick={() => setShipping(true)}
            >
              Ship…
            </button>
          ))}
        {adminMay(order, 'deliver') && (
          <button
            type="button"
            className={btnPrimary}
            disabled={busy}
            onClick={() => act({ kind: 'deliver' })}
          >
            Mark delivered
          </button>
        )}
        {adminMay(order, 'cancelFulfillment') && (
          <ConfirmButton
            label="Cancel fulfilment"
            disabled={busy}
            title="Cancel this fulfilment?"
            confirmLabel="Cancel fulfilment"
            danger
            busy={busy}
            onConfirm={() => act({ kind: 'cancelFulfillment' })}
          />
        )}
        {nextSteps.length === 0 && (
          <span className="text-sm text-slate-500">Nothing more to do.</span>
        )}
      </div>
    </div>
  );
}

function OrderDetail({ id }: { id: string }) {
  const q = useOrder(id);
  const cart = useCart(q.data?.cartId ?? '');
  const [lastAction, setLastAction] = useState<Action['kind']>('cancel');
  const mutation = useOrderMutation<Action>(id, (a) => run(q.data!, a));

  if (!id) return <ErrorBox error={new Error('No order id given in the address (?id=…).')} />;

  const order = q.data;
  const busy = mutation.isPending;
  /** Settles when the store has answered; a refusal shows in the error box, not as a rejection. */
  function act(a: Action): Promise<unknown> {
    setLastAction(a.kind);
    return mutation.mutateAsync(a).catch(() => undefined);
  }

  return (
    <div>
      <PageTitle
        actions={
          <>
            <Link href="/orders/" className={btn}>
              All orders
            </Link>
            <button
              type="button"
              className={btn}
              onClick={() => q.refetch()}
              disabled={q.isFetching}
            >
              Refresh
            </button>
          </>
        }
      >
        Order <span className="font-mono text-base text-slate-600">{id}</span>
      </PageTitle>
      {q.isPending && <Loading />}
      <ErrorBox error={q.error} context={{ subject: 'order' }} onRetry={() => q.refetch()} />
      {mutation.error && (
        <div className="mb-3">
          <ErrorBox error={mutation.error} context={ACTION_CONTEXT[lastAction]} />
        </div>
      )}
      {order && (
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]">
          <div className="space-y-4">
            <Section title="Contact">
              <ContactForm
                key={`${order.updatedAt}-${JSON.stringify(order.contact)}`}
                contact={order.contact}
                editable={adminMay(order, 'contact')}
                busy={busy}
                onSave={(contact) => act({ kind: 'contact', contact })}
              />
            </Section>
            <Section title={`Pricing${order.pricingFixed ? ' (fixed)' : ''}`}>
              {order.cartChangedAfterPayment && (
                <div
                  role="status"
                  data-testid="cart-changed"
                  className="border-b border-amber-200 bg-amber-50/60 px-4 py-3 text-sm text-amber-900"
                >
                  <p className="font-medium">
                    The cart now costs {formatMoney(order.cartChangedAfterPayment.cartTotal)}; the
                    payment is for {formatMoney(order.cartChangedAfterPayment.paymentAmount)}.
                  </p>
                  <p>
                    An admin changed the locked cart after the payment was added. The
                    customer&apos;s next authorization is refused and changes the payment to the
                    cart&apos;s total; the one after pays it.
                  </p>
                </div>
              )}
              <PricingView pricing={order.pricing} />
            </Section>
            <Section title="Payments">
              {order.payments.length === 0 ? (
                <Empty>No payments yet.</Empty>
              ) : (
                <div {...scrollsSideways('Payments')}>
                  <table className="min-w-full text-sm" aria-label="Payments">
                    <thead className="bg-slate-50">
                      <tr>
                        <th className={th}>Payment</th>
                        <th className={th}>Method</th>
                        <th className={th}>Status</th>
                        <th className={`${th} text-right`}>Amount</th>
                        <th className={th}>Outcome</th>
                        <th className={th}>Last change</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {order.payments.map((p) => (
                        <tr key={p.id}>
                          <td className={`${td} font-mono text-xs`} title={p.id}>
                            {p.id.slice(0, 8)}
                          </td>
                          <td className={td}>{p.method}</td>
                          <td className={td}>
                            <StatusBadge
                              status={p.status}
                              label={PAYMENT_STATUS_LABELS[p.status]}
                            />
                          </td>
                          <td className={`${td} text-right tabular-nums`}>
                            {formatMoney(p.amount)}
                          </td>
                          <td className="px-3 py-1.5">
                            {p.outcome ? (
                              <>
                                <span className="font-mono text-xs">{p.outcome.code}</span>{' '}
                                {p.outcome.message}
                                {p.outcome.authorizationCode && (
                                  <span className="text-slate-500">
                                    {' '}
                                    (auth {p.outcome.authorizationCode})
                                  </span>
                                )}
                              </>
                            ) : (
                              <span className="text-slate-500">pending</span>
                            )}
                          </td>
                          <td className={td}>
                            <Time iso={p.updatedAt} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </Section>
            <Section title="Timeline">
              <Timeline
                rows={[...order.timeline, ...cartEditsSince(cart.data?.timeline, order.createdAt)]}
              />
            </Section>
          </div>
          <div className="space-y-4">
            <Section title="Summary">
              <Facts
                items={[
                  [
                    'Status',
                    <span key="s" data-testid="order-status">
                      <StatusBadge status={order.stage} label={ORDER_STAGE_LABELS[order.stage]} />
                    </span>,
                  ],
                  ['Total', formatMoney(order.pricing?.total)],
                  ['Market', order.market],
                  ['Currency', order.currency],
                  [
                    'Cart',
                    <Link
                      key="c"
                      href={cartPath(order.cartId)}
                      className="font-mono text-indigo-700 hover:underline"
                    >
                      {order.cartId}
                    </Link>,
                  ],
                  ['Created', formatDateTime(order.createdAt)],
                  ['Last change', <Time key="u" iso={order.updatedAt} />],
                  ...(order.cancelledBy
                    ? ([['Cancelled by', order.cancelledBy]] as [string, string][])
                    : []),
                ]}
              />
            </Section>
            <Section title="Actions">
              <div className="space-y-3 px-4 py-3">
                <p className="text-sm text-slate-600" data-testid="customer-can">
                  {customerCanNow(order)}
                </p>
                {adminMay(order, 'cancel') && (
                  <ConfirmButton
                    label="Cancel order"
                    disabled={busy}
                    title="Cancel this order?"
                    confirmLabel="Yes, cancel the order"
                    danger
                    busy={busy}
                    onConfirm={() => act({ kind: 'cancel' })}
                  >
                    The customer&apos;s order will be cancelled. This can&apos;t be undone. A
                    fulfilment not yet shipped is cancelled with it, and an authorized payment is
                    released: the customer&apos;s card is not charged.
                  </ConfirmButton>
                )}
              </div>
            </Section>
            <Section title="Fulfilment">
              <Fulfilment order={order} busy={busy} act={act} />
            </Section>
          </div>
        </div>
      )}
    </div>
  );
}

function OrderFromQuery() {
  const id = useSearchParams().get('id') ?? '';
  return <OrderDetail key={id} id={id} />;
}

export default function OrderPage() {
  return (
    <Suspense fallback={<Loading />}>
      <OrderFromQuery />
    </Suspense>
  );
}
