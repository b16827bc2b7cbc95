'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { ListControls, Pagination, useListState } from '@/components/ListControls';
import {
  Empty,
  ErrorBox,
  IdLink,
  ListFreshness,
  Loading,
  PageTitle,
  StatusBadge,
  Time,
  td,
  th,
  scrollsSideways,
} from '@/components/ui';
import { api } from '@/lib/api';
import { ORDER_LIST, emptyMessage, toApiParams } from '@/lib/listQuery';
import { formatMoney } from '@/lib/money';
import { cartPath, orderPath } from '@/lib/paths';
import { keys, listRefetchInterval } from '@/lib/queries';
import { formatDateTime } from '@/lib/time';
import { ORDER_STAGES } from '@/lib/types';
import { FULFILLMENT_STATUS_LABELS, ORDER_STAGE_LABELS, PAYMENT_STATUS_LABELS } from '@/lib/labels';

const STATUS_OPTIONS = [
  { value: 'all', label: 'All' },
  { value: 'attention', label: 'Needs attention' },
  ...ORDER_STAGES.map((s) => ({ value: s, label: ORDER_STAGE_LABELS[s] })),
];

function OrdersList() {
  const [state, update] = useListState(ORDER_LIST);
  const q = useQuery({
    queryKey: keys.orders(JSON.stringify(state)),
    queryFn: () => api.orders(toApiParams(state, ORDER_LIST)),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => listRefetchInterval(query.state.data),
  });

  return (
    <div>
      <PageTitle>Orders</PageTitle>
      <ListControls
        key={state.q}
        state={state}
        update={update}
        statusOptions={STATUS_OPTIONS}
        searchLabel="Order id or customer email"
        onRefresh={() => q.refetch()}
        refreshing={q.isFetching}
      />
      <ErrorBox error={q.error} onRetry={() => q.refetch()} />
      <ListFreshness page={q.data} fetchedAt={q.dataUpdatedAt} />
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        {q.isPending && <Loading />}
        {q.data && q.data.items.length === 0 && <Empty>{emptyMessage(state, ORDER_LIST)}</Empty>}
        {q.data && q.data.items.length > 0 && (
          <div {...scrollsSideways('Orders')}>
            <table className="min-w-full text-sm" aria-label="Orders">
              <thead className="bg-slate-50">
                <tr>
                  <th className={th}>Order</th>
                  <th className={th}>Status</th>
                  <th className={th}>Payment</th>
                  <th className={th}>Fulfilment</th>
                  <th className={th}>Market</th>
                  <th className={th}>Customer</th>
                  <th className={`${th} text-right`}>Total</th>
                  <th className={th}>Created</th>
                  <th className={th}>Last change</th>
                  <th className={th}>Cart</th>
                </tr>
              </thead>
              <tbody
                className={`divide-y divide-slate-100 ${q.isPlaceholderData ? 'opacity-60' : ''}`}
              >
                {q.data.items.map((o) => (
                  <tr key={o.id} className="hover:bg-slate-50">
                    <td className={td}>
                      <IdLink href={orderPath(o.id)} id={o.id} />
                    </td>
                    <td className={td}>
                      <StatusBadge status={o.stage} label={ORDER_STAGE_LABELS[o.stage]} />
                    </td>
                    <td className={td}>
                      <StatusBadge
                        status={o.paymentStatus}
                        label={o.paymentStatus ? PAYMENT_STATUS_LABELS[o.paymentStatus] : undefined}
                      />
                    </td>
                    <td className={td}>
                      <StatusBadge
                        status={o.fulfillmentStatus}
                        label={
                          o.fulfillmentStatus
                            ? FULFILLMENT_STATUS_LABELS[o.fulfillmentStatus]
                            : undefined
                        }
                      />
                    </td>
                    <td className={td}>{o.market}</td>
                    <td className={`${td} max-w-72 truncate`}>
                      {o.email || o.name ? (
                        <>
                          <span>{o.name ?? ''}</span>{' '}
                          <span className="text-slate-500">{o.email ?? ''}</span>
                        </>
                      ) : (
                        <span className="text-slate-500">—</span>
                      )}
                    </td>
                    <td className={`${td} text-right tabular-nums`}>{formatMoney(o.total)}</td>
                    <td className={td} title={formatDateTime(o.createdAt)}>
                      {formatDateTime(o.createdAt)}
                    </td>
                    <td className={td}>
                      <Time iso={o.updatedAt} />
                    </td>
                    <td className={td}>
                      <IdLink href={cartPath(o.cartId)} id={o.cartId} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {q.data && (
          <Pagination
            state={state}
            update={update}
            total={q.data.total}
            shown={q.data.items.length}
          />
        )}
      </div>
    </div>
  );
}

export default function OrdersPage() {
  return (
    <Suspense fallback={<Loading />}>
      <OrdersList />
    </Suspense>
  );
}
