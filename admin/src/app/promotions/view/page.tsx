'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense, useState, type FormEvent } from 'react';
import {
  ConfirmButton,
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
} from '@/components/ui';
import { Redemptions } from '@/components/Redemptions';
import { api } from '@/lib/api';
import { PROMOTION_STATUS_LABELS } from '@/lib/labels';
import { describeConditions, describeReward } from '@/lib/promotions';
import { keys } from '@/lib/queries';
import type { Promotion, PromotionDefinition } from '@/lib/types';

function useRefresh(id: string) {
  const qc = useQueryClient();
  return async (promotion?: Promotion) => {
    if (promotion) qc.setQueryData(keys.promotion(id), promotion);
    await Promise.all([
      qc.invalidateQueries({ queryKey: keys.promotion(id) }),
      qc.invalidateQueries({ queryKey: keys.promotions }),
    ]);
  };
}

/** Pause, resume and end: the steps the promotion's status allows. */
function Steps({ promotion }: { promotion: Promotion }) {
  const refresh = useRefresh(promotion.id);
  const step = useMutation({
    mutationFn: (s: 'pause' | 'resume' | 'end') => api.promotionStep(promotion.id, s),
    onSuccess: refresh,
  });
  if (promotion.status === 'ENDED') return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {promotion.status === 'ACTIVE' && (
          <button
            type="button"
            className={btn}
            onClick={() => step.mutate('pause')}
            disabled={step.isPending}
          >
            Pause
          </button>
        )}
        {promotion.status === 'PAUSED' && (
          <button
            type="button"
            className={btn}
            onClick={() => step.mutate('resume')}
            disabled={step.isPending}
          >
            Resume
          </button>
        )}
        <ConfirmButton
          label="End for good"
          title="End this promotion for good?"
          confirmLabel="End it"
          danger
          busy={step.isPending}
          onConfirm={() => step.mutateAsync('end')}
        >
          It prices no cart from now on, and cannot be resumed or changed.
        </ConfirmButton>
      </div>
      <ErrorBox error={step.error} />
    </div>
  );
}

/** A CODE promotion's codes: the list, and a form that names codes or makes some up. */
function Codes({ promotion }: { promotion: Promotion }) {
  const q = useQuery({
    queryKey: keys.promotionCodes(promotion.id),
    queryFn: () => api.promotionCodes(promotion.id),
  });
  const refresh = useRefresh(promotion.id);
  const qc = useQueryClient();
  const [named, setNamed] = useState('');
  const [generate, setGenerate] = useState('');
  const [prefix, setPrefix] = useState('');
  const [usesPerCode, setUsesPerCode] = useState('');
  const issue = useMutation({
    mutationFn: () =>
      api.issueCodes(promotion.id, {
        codes: named
          .split(/[\s,]+/)
          .map((c) => c.trim())
          .filter((c) => c !== ''),
        generate: generate.trim() === '' ? 0 : Number(generate),
        prefix: prefix.trim() || null,
        limits:
          usesPerCode.trim() === ''
            ? null
            : { uses: Number(usesPerCode), usesPerCustomer: null, budget: null },
      }),
    onSuccess: async () => {
      setNamed('');
      setGenerate('');
      await Promise.all([
        refresh(),
        qc.invalidateQueries({ queryKey: keys.promotionCodes(promotion.id) }),
      ]);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    issue.mutate();
  }
  return (
    <Section title={`Codes (${promotion.codeCount})`}>
      <div className="space-y-3 p-4">
        {promotion.status !== 'ENDED' && (
          <form
            onSubmit={submit}
            className="flex flex-wrap items-end gap-2"
            aria-label="Give codes"
          >
            <label className="text-xs text-slate-600">
              <span className="mb-0.5 block">Codes (comma-separated)</span>
              <input
                className={input}
                name="codes"
                value={named}
                onChange={(e) => setNamed(e.target.value)}
              />
            </label>
            <label className="text-xs text-slate-600">
              <span className="mb-0.5 block">Or make up this many</span>
              <input
                className={`${input} w-24`}
                name="generate"
                inputMode="numeric"
                value={generate}
                onChange={(e) => setGenerate(e.target.value)}
              />
            </label>
            <label className="text-xs text-slate-600">
              <span className="mb-0.5 block">Starting with</span>
              <input
                className={`${input} w-28`}
                name="prefix"
                value={prefix}
                onChange={(e) => setPrefix(e.target.value)}
              />
            </label>
            <label className="text-xs text-slate-600">
              <span className="mb-0.5 block">Uses per code (empty: no limit of its own)</span>
              <input
                className={`${input} w-24`}
                name="usesPerCode"
                inputMode="numeric"
                value={usesPerCode}
                onChange={(e) => setUsesPerCode(e.target.value)}
              />
            </label>
            <button type="submit" className={btnPrimary} disabled={issue.isPending}>
              Give codes
            </button>
          </form>
        )}
        <ErrorBox error={issue.error} />
        <ErrorBox error={q.error} onRetry={() => q.refetch()} />
        {q.data && q.data.codes.length > 0 && (
          <ul
            className="flex flex-wrap gap-1.5 font-mono text-xs"
            aria-label="Codes"
            data-testid="codes"
          >
            {q.data.codes.map((code) => (
              <li key={code} className="rounded bg-slate-100 px-1.5 py-0.5">
                {code}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}

/** The whole definition as the API takes it: every field, also those the new-promotion form leaves out. */
function Definition({ promotion }: { promotion: Promotion }) {
  const refresh = useRefresh(promotion.id);
  const [text, setText] = useState(() => JSON.stringify(promotion.definition, null, 2));
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (d: PromotionDefinition) => api.changePromotion(promotion.id, d),
    onSuccess: refresh,
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const definition = JSON.parse(text) as PromotionDefinition;
      setUnreadable(null);
      change.mutate(definition);
    } catch {
      setUnreadable('The definition is not valid JSON.');
    }
  }
  const ended = promotion.status === 'ENDED';
  return (
    <Section title="Definition">
      <form onSubmit={submit} className="space-y-2 p-4" aria-label="Definition">
        <textarea
          className={`${input} h-72 w-full font-mono text-xs`}
          name="definition"
          aria-label="Definition (JSON)"
          value={text}
          onChange={(e) => setText(e.target.value)}
          readOnly={ended}
          spellCheck={false}
        />
        {unreadable && (
          <p role="alert" className="text-sm text-red-700">
            {unreadable}
          </p>
        )}
        <ErrorBox error={change.error} />
        {!ended && (
          <button type="submit" className={btnPrimary} disabled={change.isPending}>
            Save the definition
          </button>
        )}
      </form>
    </Section>
  );
}

function PromotionDetail({ id }: { id: string }) {
  const q = useQuery({
    queryKey: keys.promotion(id),
    queryFn: () => api.promotion(id),
    enabled: !!id,
  });
  if (!id) return <ErrorBox error={new Error('No promotion id given in the address (?id=…).')} />;
  const p = q.data;
  return (
    <div className="space-y-4">
      <PageTitle
        actions={
          <Link href="/promotions/" className={btn}>
            All promotions
          </Link>
        }
      >
        {p ? p.definition.name : 'Promotion'}
      </PageTitle>
      {q.isPending && <Loading />}
      <ErrorBox error={q.error} onRetry={() => q.refetch()} />
      {p && (
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_26rem]">
          <div className="space-y-4">
            <Section title="Promotion">
              <div className="space-y-3 p-4">
                <Facts
                  items={[
                    [
                      'Status',
                      <span key="status" data-testid="promotion-status">
                        <StatusBadge status={p.status} label={PROMOTION_STATUS_LABELS[p.status]} />
                        {p.usedUp && <span className="ml-1 text-xs text-amber-800">used up</span>}
                      </span>,
                    ],
                    ['Gives', describeReward(p.definition)],
                    ['When', describeConditions(p.definition)],
                    [
                      'Applies',
                      p.definition.trigger === 'CODE' ? 'with one of its codes' : 'by itself',
                    ],
                    ['Changed', <Time key="changed" iso={p.updatedAt} />],
                    ['By', p.updatedBy],
                  ]}
                />
                <Steps promotion={p} />
              </div>
            </Section>
            {p.definition.trigger === 'CODE' && <Codes promotion={p} />}
            <Redemptions promotionId={p.id} />
          </div>
          <Definition key={p.updatedAt} promotion={p} />
        </div>
      )}
    </div>
  );
}

function WithId() {
  const id = useSearchParams().get('id') ?? '';
  return <PromotionDetail id={id} />;
}

export default function PromotionPage() {
  return (
    <Suspense fallback={<Loading />}>
      <WithId />
    </Suspense>
  );
}
