'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { CartLinesPanel } from '@/components/CartLinesPanel';
import { PricingView } from '@/components/PricingView';
import { Timeline } from '@/components/Timeline';
import {
  ErrorBox,
  Facts,
  Loading,
  PageTitle,
  Section,
  StatusBadge,
  Time,
  btn,
} from '@/components/ui';
import { orderPath } from '@/lib/paths';
import { useCart } from '@/lib/queries';
import { formatDateTime } from '@/lib/time';
import { CART_STATUS_LABELS } from '@/lib/labels';

function CartDetail({ id }: { id: string }) {
  const q = useCart(id);

  if (!id) return <ErrorBox error={new Error('No cart id given in the address (?id=…).')} />;

  const cart = q.data;

  return (
    <div>
      <PageTitle
        actions={
          <>
            <Link href="/carts/" className={btn}>
              All carts
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
        Cart <span className="font-mono text-base text-slate-600">{id}</span>
      </PageTitle>
      {q.isPending && <Loading />}
      <ErrorBox error={q.error} context={{ subject: 'cart' }} onRetry={() => q.refetch()} />
      {cart && (
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="space-y-4">
            <CartLinesPanel cart={cart} />
            <Section title="Pricing">
              <PricingView pricing={cart.pricing} />
            </Section>
            <Section title="Timeline">
              <Timeline rows={cart.timeline} />
            </Section>
          </div>
          <div className="space-y-4">
            <Section title="Summary">
              <Facts
                items={[
                  [
                    'Status',
                    <span key="s" data-testid="cart-status">
                      <StatusBadge status={cart.status} label={CART_STATUS_LABELS[cart.status]} />
                    </span>,
                  ],
                  ['Market', cart.market],
                  ['Currency', cart.currency],
                  [
                    'Order',
                    cart.orderId ? (
                      <Link
                        key="o"
                        href={orderPath(cart.orderId)}
                        className="font-mono text-indigo-700 hover:underline"
                      >
                        {cart.orderId}
                      </Link>
                    ) : (
                      <span key="o" className="text-slate-500">
                        none
                      </span>
                    ),
                  ],
                  ['Created', formatDateTime(cart.createdAt)],
                  ['Last activity', <Time key="u" iso={cart.updatedAt} />],
                ]}
              />
            </Section>
          </div>
        </div>
      )}
    </div>
  );
}

function CartFromQuery() {
  const id = useSearchParams().get('id') ?? '';
  // keyed by id: state such as the override switch never carries over to another cart
  return <CartDetail key={id} id={id} />;
}

export default function CartPage() {
  return (
    <Suspense fallback={<Loading />}>
      <CartFromQuery />
    </Suspense>
  );
}
