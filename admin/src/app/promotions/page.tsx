'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { PromotionForm } from '@/components/PromotionForm';
import {
  Empty,
  ErrorBox,
  Loading,
  PageTitle,
  Section,
  StatusBadge,
  Time,
  btn,
  td,
  tdText,
  th,
  scrollsSideways,
} from '@/components/ui';
import { api } from '@/lib/api';
import { PROMOTION_STATUS_LABELS } from '@/lib/labels';
import { promotionPath } from '@/lib/paths';
import { definitionOf, describeConditions, describeReward } from '@/lib/promotions';
import { keys } from '@/lib/queries';
import { PROMOTION_STATUSES, type PromotionStatus } from '@/lib/types';

export default function PromotionsPage() {
  const [status, setStatus] = useState<PromotionStatus | ''>('');
  const [creating, setCreating] = useState(false);
  const router = useRouter();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: [...keys.promotions, status],
    queryFn: () => api.promotions(status || undefined),
    refetchInterval: 5_000,
  });
  const create = useMutation({
    mutationFn: api.createPromotion,
    onSuccess: async (promotion) => {
      await qc.invalidateQueries({ queryKey: keys.promotions });
      router.push(promotionPath(promotion.id));
    },
  });

  return (
    <div className="space-y-4">
      <PageTitle
        actions={
          <button
            type="button"
            className={btn}
            onClick={() => setCreating(!creating)}
            aria-expanded={creating}
          >
            {creating ? 'Close the form' : 'New promotion'}
          </button>
        }
      >
        Promotions
      </PageTitle>
      {creating && (
        <Section title="New promotion">
          <ErrorBox error={create.error} />
          <PromotionForm
            busy={create.isPending}
            submitLabel="Create promotion"
            onSubmit={(form) => create.mutate(definitionOf(form))}
          />
        </Section>
      )}
      <label className="flex items-center gap-2 text-sm text-slate-700">
        Status
        <select
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
          value={status}
          onChange={(e) => setStatus(e.target.value as PromotionStatus | '')}
        >
          <option value="">All</option>
          {PROMOTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {PROMOTION_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <ErrorBox error={q.error} onRetry={() => q.refetch()} />
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        {q.isPending && <Loading />}
        {q.data && q.data.length === 0 && (
          <Empty>No promotions{status ? ' with this status' : ''}.</Empty>
        )}
        {q.data && q.data.length > 0 && (
          <div {...scrollsSideways('Promotions')}>
            <table className="min-w-full text-sm" aria-label="Promotions">
              <thead className="bg-slate-50">
                <tr>
                  <th className={th}>Promotion</th>
                  <th className={th}>Status</th>
                  <th className={th}>Gives</th>
                  <th className={th}>When</th>
                  <th className={th}>Applies</th>
                  <th className={th}>Changed</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {q.data.map((p) => (
                  <tr key={p.id} className="hover:bg-slate-50">
                    <td className={tdText}>
                      <Link href={promotionPath(p.id)} className="text-indigo-700 hover:underline">
                        {p.definition.name}
                      </Link>
                    </td>
                    <td className={td}>
                      <StatusBadge status={p.status} label={PROMOTION_STATUS_LABELS[p.status]} />
                      {p.usedUp && <span className="ml-1 text-xs text-amber-800">used up</span>}
                    </td>
                    <td className={tdText}>{describeReward(p.definition)}</td>
                    <td className={tdText}>{describeConditions(p.definition)}</td>
                    <td className={td}>
                      {p.definition.trigger === 'CODE'
                        ? `with a code (${p.codeCount})`
                        : 'by itself'}
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
      </div>
    </div>
  );
}
