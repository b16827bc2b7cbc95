'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Empty,
  ErrorBox,
  IdLink,
  ListFreshness,
  Loading,
  PageSteps,
  Section,
  StatusBadge,
  Time,
  td,
  th,
  scrollsSideways,
} from './ui';
import { api } from '@/lib/api';
import { REDEMPTION_STATUS_LABELS } from '@/lib/labels';
import { formatMoney } from '@/lib/money';
import { orderPath } from '@/lib/paths';
import { keys } from '@/lib/queries';
import type { PromotionRedemptions } from '@/lib/types';

const SIZE = 20;

/** In words: how many orders used it, how many hold a use while paying, how many gave it back. */
export function redemptionSummary(r: Pick<PromotionRedemptions, 'counts' | 'discounted'>): string {
  const used = r.counts.KEPT ?? 0;
  const parts = [`${used} ${used === 1 ? 'order' : 'orders'} used it`];
  if (r.counts.RESERVED) parts.push(`${r.counts.RESERVED} paying now`);
  if (r.counts.GIVEN_BACK) parts.push(`${r.counts.GIVEN_BACK} given back`);
  const off = r.discounted.map(formatMoney).join(' + ');
  return parts.join(', ') + (off ? `; ${off} taken off` : '') + '.';
}

/** The orders a promotion priced, newest change first, with what became of each one's use. */
export function Redemptions({ promotionId }: { promotionId: string }) {
  const [page, setPage] = useState(0);
  const q = useQuery({
    queryKey: keys.promotionRedemptions(promotionId, page),
    queryFn: () => api.promotionRedemptions(promotionId, { page, size: SIZE }),
    placeholderData: keepPreviousData,
    // While changes are still coming into the read model, soon again; else now and then.
    refetchInterval: (query) => ((query.state.data?.behind ?? 0) > 0 ? 1_000 : 15_000),
  });
  const r = q.data;
  const lastPage = r ? Math.max(0, Math.ceil(r.total / SIZE) - 1) : 0;
  return (
    <Section title="Redemptions">
      <div className="p-4" data-testid="redemptions">
        {q.isPending && <Loading />}
        <ErrorBox error={q.error} onRetry={() => q.refetch()} />
        {r && (
          <>
            <ListFreshness page={r} fetchedAt={q.dataUpdatedAt} />
            <p className="mb-2 text-sm text-slate-700" data-testid="redemption-summary">
              {redemptionSummary(r)}
            </p>
            {r.items.length === 0 ? (
              <Empty>No order has been priced with it yet.</Empty>
            ) : (
              <div {...scrollsSideways('Redemptions')}>
                <table className="min-w-full text-sm" aria-label="Redemptions">
                  <thead className="bg-slate-50">
                    <tr>
                      <th className={th}>Order</th>
                      <th className={th}>Code</th>
                      <th className={th}>Customer</th>
                      <th className={`${th} text-right`}>Taken off</th>
                      <th className={th}>Use</th>
                      <th className={th}>Changed</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {r.items.map((item) => (
                      <tr key={item.orderId}>
                        <td className={td}>
                          <IdLink href={orderPath(item.orderId)} id={item.orderId} />
                        </td>
                        <td className={`${td} font-mono`}>{item.code ?? '—'}</td>
                        <td className={td}>{item.email ?? '—'}</td>
                        <td className={`${td} text-right tabular-nums`}>
                          {formatMoney(item.amount)}
                        </td>
                        <td className={td}>
                          <StatusBadge
                            status={item.status}
                            label={REDEMPTION_STATUS_LABELS[item.status]}
                          />
                        </td>
                        <td className={td}>
                          <Time iso={item.updatedAt} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {r.total > SIZE && (
              <nav aria-label="Redemption pages" className="mt-2 flex items-center gap-2 text-sm">
                <PageSteps page={page} lastPage={lastPage} onPage={(p) => setPage(p)} />
              </nav>
            )}
          </>
        )}
      </div>
    </Section>
  );
}
