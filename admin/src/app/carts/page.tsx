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
import { CART_LIST, emptyMessage, toApiParams } from '@/lib/listQuery';
import { formatMoney } from '@/lib/money';
import { cartPath, orderPath } from '@/lib/paths';
import { keys, listRefetchInterval } from '@/lib/queries';
import { CART_STATUS_LABELS } from '@/lib/labels';

const STATUS_OPTIONS = [
  { value: 'active', label: 'Active (open + locked)' },
  { value: 'OPEN', label: CART_STATUS_LABELS.OPEN },
  { value: 'LOCKED', label: CART_STATUS_LABELS.LOCKED },
  { value: 'CHECKED_OUT', label: CART_STATUS_LABELS.CHECKED_OUT },
  { value: 'all', label: 'All' },
];

function CartsList() {
  const [state, update] = useListState(CART_LIST);
  const paramsKey = JSON.stringify(state);
  const q = useQuery({
    queryKey: keys.carts(paramsKey),
    // the "changed since" instant is computed when the request is made
    queryFn: () => api.carts(toApiParams(state, CART_LIST)),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => listRefetchInterval(query.state.data),
  });

  return (
    <div>
      <PageTitle>Carts</PageTitle>
      <ListControls
        key={state.q}
        state={state}
        update={update}
        statusOptions={STATUS_OPTIONS}
        searchLabel="Cart id or customer email"
        onRefresh={() => q.refetch()}
        refreshing={q.isFetching}
      />
      <ErrorBox error={q.error} onRetry={() => q.refetch()} />
      <ListFreshness page={q.data} fetchedAt={q.dataUpdatedAt} />
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        {q.isPending && <Loading />}
        {q.data && q.data.items.length === 0 && <Empty>{emptyMessage(state, CART_LIST)}</Empty>}
        {q.data && q.data.items.length > 0 && (
          <div {...scrollsSideways('Carts')}>
            <table className="min-w-full text-sm" aria-label="Carts">
              <thead className="bg-slate-50">
                <tr>
                  <th className={th}>Cart</th>
                  <th className={th}>Status</th>
                  <th className={th}>Market</th>
                  <th className={th}>Email</th>
                  <th className={`${th} text-right`}>Lines</th>
                  <th className={`${th} text-right`}>Items</th>
                  <th className={`${th} text-right`}>Total</th>
                  <th className={th}>Last activity</th>
                  <th className={th}>Order</th>
                </tr>
              </thead>
              <tbody
                className={`divide-y divide-slate-100 ${q.isPlaceholderData ? 'opacity-60' : ''}`}
              >
                {q.data.items.map((c) => (
                  <tr key={c.id} className="hover:bg-slate-50">
                    <td className={td}>
                      <IdLink href={cartPath(c.id)} id={c.id} />
                    </td>
                    <td className={td}>
                      <StatusBadge status={c.status} label={CART_STATUS_LABELS[c.status]} />
                    </td>
                    <td className={td}>{c.market}</td>
                    <td className={`${td} max-w-56 truncate`} title={c.email ?? undefined}>
                      {c.email ?? <span className="text-slate-500">—</span>}
                    </td>
                    <td className={`${td} text-right tabular-nums`}>{c.lineCount}</td>
                    <td className={`${td} text-right tabular-nums`}>{c.itemCount}</td>
                    <td className={`${td} text-right tabular-nums`}>{formatMoney(c.total)}</td>
                    <td className={td}>
                      <Time iso={c.updatedAt} />
                    </td>
                    <td className={td}>
                      {c.orderId ? (
                        <IdLink href={orderPath(c.orderId)} id={c.orderId} />
                      ) : (
                        <span className="text-slate-500">—</span>
                      )}
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

export default function CartsPage() {
  return (
    <Suspense fallback={<Loading />}>
      <CartsList />
    </Suspense>
  );
}
