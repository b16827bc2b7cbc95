'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ColumnChart } from '@/components/charts';
import { TodayByMarket } from '@/components/TodayByMarket';
import { ErrorBox, Loading, PageTitle, Refreshed, Section, StatusBadge } from '@/components/ui';
import { api } from '@/lib/api';
import { ordersSeries, revenueSeries } from '@/lib/chart';
import { formatAmount, formatMoney, fractionDigits } from '@/lib/money';
import { keys } from '@/lib/queries';
import { CART_STATUSES, NEEDING_ATTENTION, ORDER_STAGES } from '@/lib/types';
import { CART_STATUS_LABELS, ORDER_STAGE_LABELS } from '@/lib/labels';

function Stat({
  label,
  value,
  testId,
  href,
}: {
  label: React.ReactNode;
  value: React.ReactNode;
  testId?: string;
  href?: string;
}) {
  const body = (
    <>
      <div className="text-xs text-slate-500">{label}</div>
      <div className="mt-0.5 text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </div>
    </>
  );
  const cls = 'block rounded-md border border-slate-200 bg-white px-3 py-2';
  return href ? (
    <Link href={href} className={`${cls} hover:border-indigo-300`}>
      {body}
    </Link>
  ) : (
    <div className={cls}>{body}</div>
  );
}

export default function DashboardPage() {
  const q = useQuery({
    queryKey: keys.dashboard,
    queryFn: api.dashboard,
    refetchInterval: 10_000,
  });
  const d = q.data;

  return (
    <div>
      <PageTitle actions={<Refreshed query={q} />}>Dashboard</PageTitle>
      {q.isPending && <Loading />}
      <ErrorBox error={q.error} onRetry={() => q.refetch()} />
      {d && (
        <div className="space-y-4">
          <Section title="Needs attention">
            <div className="grid grid-cols-2 gap-2 p-3 sm:grid-cols-4" data-testid="attention">
              {NEEDING_ATTENTION.map((s) => (
                <Stat
                  key={s}
                  label={<StatusBadge status={s} label={ORDER_STAGE_LABELS[s]} />}
                  value={d.ordersNeedingAttention[s] ?? 0}
                  testId={`attention-${s}`}
                  href={`/orders/?status=${s}`}
                />
              ))}
            </div>
          </Section>
          <div className="grid gap-4 lg:grid-cols-2">
            <Section title="Carts by status">
              <div className="grid grid-cols-2 gap-2 p-3 sm:grid-cols-4">
                {CART_STATUSES.map((s) => (
                  <Stat
                    key={s}
                    label={<StatusBadge status={s} label={CART_STATUS_LABELS[s]} />}
                    value={d.cartsByStatus[s] ?? 0}
                    testId={`carts-${s}`}
                    href={`/carts/?status=${s}`}
                  />
                ))}
                <Stat
                  label="Active in the last hour"
                  value={d.activeCartsLastHour}
                  testId="carts-active-last-hour"
                  href="/carts/?since=hour"
                />
              </div>
            </Section>
            <Section title="Revenue today (authorized payments)">
              <div className="flex flex-wrap gap-2 p-3" data-testid="revenue-today">
                {d.revenueToday.length === 0 && (
                  <div className="text-sm text-slate-500">No revenue yet today.</div>
                )}
                {d.revenueToday.map((m) => (
                  <Stat
                    key={m.currency}
                    label={m.currency}
                    value={formatAmount(m.amount, m.currency)}
                  />
                ))}
              </div>
            </Section>
          </div>
          <TodayByMarket hours={d.todayByHour} rates={d.exchangeRates} />
          <Section title="Orders by where they stand">
            <div className="grid grid-cols-2 gap-2 p-3 sm:grid-cols-4 lg:grid-cols-6">
              {ORDER_STAGES.map((s) => (
                <Stat
                  key={s}
                  label={<StatusBadge status={s} label={ORDER_STAGE_LABELS[s]} />}
                  value={d.ordersByStage[s] ?? 0}
                  testId={`orders-${s}`}
                  href={`/orders/?status=${s}`}
                />
              ))}
            </div>
          </Section>
          <Section title="Orders per day (last 14 days)">
            <ColumnChart
              title="Orders created per day"
              points={ordersSeries(d.days)}
              yLabel="Orders"
              integers
              formatValue={(v) => String(v)}
              formatTitle={(p) => `${p.label}: ${p.value} orders`}
            />
          </Section>
          <Section title="Revenue per day (last 14 days, authorized payments, per currency)">
            {revenueSeries(d.days).length === 0 ? (
              <ColumnChart title="Revenue per day" points={[]} yLabel="Revenue" />
            ) : (
              <div className="grid gap-2 lg:grid-cols-2">
                {revenueSeries(d.days).map((s) => (
                  <ColumnChart
                    key={s.currency}
                    title={`Revenue per day in ${s.currency}`}
                    points={s.points}
                    yLabel={s.currency}
                    formatTitle={(p) =>
                      `${p.label}: ${formatMoney({
                        currency: s.currency,
                        amount: Math.round(p.value * 10 ** fractionDigits(s.currency)),
                      })}`
                    }
                  />
                ))}
              </div>
            )}
          </Section>
        </div>
      )}
    </div>
  );
}
