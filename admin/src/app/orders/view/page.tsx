'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense, useState, type FormEvent } from 'react';
import { ContactForm } from '@/components/ContactForm';
import { PricingView } from '@/components/PricingView';
import { Timeline } from '@/components/Timeline';
import {
  Confirm,
  Empty,
  ErrorBox,
  Facts,
  Loading,
  PageTitle,
  Section,
  StatusBadge,
  Time,
  btn,
  btnDanger,
  btnPrimary,
  input,
  td,
  th,
} from '@/components/ui';
import { api } from '@/lib/api';
import { formatMoney } from '@/lib/money';
import { cartPath } from '@/lib/paths';
import type { ProblemContext } from '@/lib/problem';
import { useOrder, useOrderMutation } from '@/lib/queries';
import { formatDateTime } from '@/lib/time';
import type { ContactInput, Order } from '@/lib/types';

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
  act: (a: Action) => void;
}) {
  const f = order.fulfillment;
  const [shipping, setShipping] = useState(false);
  const [tracking, setTracking] = useState('');
  const [confirmCancel, setConfirmCancel] = useState(false);

  if (!f) {
    return order.allowedActions.includes('createFulfillment') ? (
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
      <Empty>No fulfilment (it can be created once the payment is authorized).</Empty>
    );
  }

  function ship(e: FormEvent) {
    e.preventDefault();
    if (tracking.trim()) act({ kind: 'ship', trackingNumber: tracking.trim() });
  }

  const canCancel = f.status === 'CREATED' || f.status === 'PICKED';
  return (
    <div>
      <Facts
        items={[
          [
            'Status',
            <span key="s" data-testid="fulfillment-status">
              <StatusBadge status={f.status} />
            </span>,
          ],
          ['Tracking number', f.trackingNumber ?? <span className="text-slate-400">—</span>],
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
        {f.status === 'CREATED' && (
          <button
            type="button"
            className={btnPrimary}
            disabled={busy}
            onClick={() => act({ kind: 'pick' })}
          >
            Mark picked
          </button>
        )}
        {f.status === 'PICKED' &&
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
        {f.status === 'SHIPPED' && (
          <button
            type="button"
            className={btnPrimary}
            disabled={busy}
            onClick={() => act({ kind: 'deliver' })}
          >
            Mark delivered
          </button>
        )}
        {canCancel &&
          (confirmCancel ? (
            <Confirm
              title="Cancel this fulfilment?"
              confirmLabel="Cancel fulfilment"
              danger
              busy={busy}
              onConfirm={() => {
                setConfirmCancel(false);
                act({ kind: 'cancelFulfillment' });
              }}
              onCancel={() => setConfirmCancel(false)}
            />
          ) : (
            <button
              type="button"
              className={btnDanger}
              disabled={busy}
              onClick={() => setConfirmCancel(true)}
            >
              Cancel fulfilment
            </button>
          ))}
        {(f.status === 'DELIVERED' || f.status === 'CANCELLED') && (
          <span className="text-sm text-slate-500">Nothing more to do.</span>
        )}
      </div>
    </div>
  );
}

function OrderDetail({ id }: { id: string }) {
  const q = useOrder(id);
  const [lastAction, setLastAction] = useState<Action['kind']>('cancel');
  const mutation = useOrderMutation<Action>(id, (a) => run(q.data!, a));
  const [confirmCancel, setConfirmCancel] = useState(false);

  if (!id) return <ErrorBox error={new Error('No order id given in the address (?id=…).')} />;

  const order = q.data;
  const busy = mutation.isPending;
  function act(a: Action) {
    setLastAction(a.kind);
    mutation.mutate(a);
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
        <div className="grid gap-4 xl:grid-cols-[1fr_24rem]">
          <div className="space-y-4">
            <Section title="Contact">
              <ContactForm
                key={`${order.updatedAt}-${JSON.stringify(order.contact)}`}
                contact={order.contact}
                editable={order.allowedActions.includes('contact')}
                busy={busy}
                onSave={(contact) => act({ kind: 'contact', contact })}
              />
            </Section>
            <Section title={`Pricing${order.pricingFixed ? ' (fixed)' : ''}`}>
              <PricingView pricing={order.pricing} />
            </Section>
            <Section title="Payments">
              {order.payments.length === 0 ? (
                <Empty>No payments yet.</Empty>
              ) : (
                <div className="overflow-x-auto">
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
                            <StatusBadge status={p.status} />
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
                              <span className="text-slate-400">pending</span>
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
              <Timeline rows={order.timeline} />
            </Section>
          </div>
          <div className="space-y-4">
            <Section title="Summary">
              <Facts
                items={[
                  [
                    'Status',
                    <span key="s" data-testid="order-status">
                      <StatusBadge status={order.status} />
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
                <div className="text-xs text-slate-500">
                  Allowed now:{' '}
                  {order.allowedActions.length ? (
                    <span data-testid="allowed-actions">{order.allowedActions.join(', ')}</span>
                  ) : (
                    'nothing'
                  )}
                </div>
                {order.allowedActions.includes('cancel') &&
                  (confirmCancel ? (
                    <Confirm
                      title="Cancel this order?"
                      confirmLabel="Yes, cancel the order"
                      danger
                      busy={busy}
                      onConfirm={() => {
                        setConfirmCancel(false);
                        act({ kind: 'cancel' });
                      }}
                      onCancel={() => setConfirmCancel(false)}
                    >
                      The customer&apos;s order will be cancelled. This can&apos;t be undone. An
                      authorized payment is released: the customer&apos;s card is not charged.
                    </Confirm>
                  ) : (
                    <button
                      type="button"
                      className={btnDanger}
                      disabled={busy}
                      onClick={() => setConfirmCancel(true)}
                    >
                      Cancel order
                    </button>
                  ))}
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
