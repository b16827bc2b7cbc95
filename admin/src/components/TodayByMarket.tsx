'use client';

import { useState } from 'react';
import { ordersPerHour, revenuePerHour } from '@/lib/chart';
import { convert, formatMoney, fractionDigits, sumByCurrency } from '@/lib/money';
import { MARKETS, MARKET_NAMES, type DashboardHour, type Market } from '@/lib/types';
import { ColumnChart } from './charts';
import { Section, input, scrollsSideways, td, th } from './ui';

/**
 * Today (UTC) as a shop lead reads it in the morning: orders and revenue per market, and per hour,
 * with the markets' revenue added up in a currency the admin chooses, by the store's exchange rates.
 */
export function TodayByMarket({
  hours,
  rates,
}: {
  hours: DashboardHour[];
  rates: Record<string, number>;
}) {
  const currencies = Object.keys(rates).sort();
  const [currency, setCurrency] = useState(currencies.includes('SEK') ? 'SEK' : currencies[0]);
  const inChosen = (moneys: DashboardHour['revenue'][]) =>
    moneys.reduce((sum, m) => sum + (convert(m, currency, rates)?.amount ?? 0), 0);
  const markets = MARKETS.map((market) => {
    const rows = hours.filter((h) => h.market === market);
    const revenue = sumByCurrency(rows.map((r) => r.revenue));
    return { market, orders: rows.reduce((n, r) => n + r.orders, 0), revenue };
  });
  const perHour = ordersPerHour(hours);
  const byLabel = new Map(perHour.map((p) => [p.label, p.markets]));
  const chooser = (
    <label className="text-xs text-slate-600">
      Added up in{' '}
      <select className={input} value={currency} onChange={(e) => setCurrency(e.target.value)}>
        {currencies.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <>
      <Section title="Today by market (UTC)" actions={chooser}>
        <div {...scrollsSideways('Today by market')}>
          <table className="min-w-full text-sm" aria-label="Today by market">
            <thead className="bg-slate-50">
              <tr>
                <th className={th}>Market</th>
                <th className={`${th} text-right`}>Orders</th>
                <th className={`${th} text-right`}>Revenue</th>
                <th className={`${th} text-right`}>In {currency}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {markets.map((m) => (
                <tr key={m.market} data-testid={`today-${m.market}`}>
                  <td className={td}>{MARKET_NAMES[m.market as Market]}</td>
                  <td className={`${td} text-right tabular-nums`}>{m.orders}</td>
                  <td className={`${td} text-right tabular-nums`}>
                    {m.revenue.length === 0 ? '—' : m.revenue.map(formatMoney).join(', ')}
                  </td>
                  <td className={`${td} text-right tabular-nums`}>
                    {formatMoney({ amount: inChosen(m.revenue), currency })}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t border-slate-300 font-semibold">
              <tr data-testid="today-all">
                <td className={td}>All markets</td>
                <td className={`${td} text-right tabular-nums`}>
                  {markets.reduce((n, m) => n + m.orders, 0)}
                </td>
                <td className={td} />
                <td className={`${td} text-right tabular-nums`}>
                  {formatMoney({
                    amount: inChosen(markets.flatMap((m) => m.revenue)),
                    currency,
                  })}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        <p className="px-4 pb-2 text-xs text-slate-500">
          Added up by the store&apos;s exchange rates (indicative), each market&apos;s own revenue
          beside it.
        </p>
      </Section>
      <Section title="Today by the hour (UTC)">
        <div className="grid gap-2 lg:grid-cols-2">
          <ColumnChart
            title="Orders per hour today"
            points={perHour}
            yLabel="Orders"
            integers
            formatValue={(v) => String(v)}
            formatTitle={(p) => {
              const markets = byLabel.get(p.label);
              return `${p.label}:00: ${p.value} orders${markets ? ` (${markets})` : ''}`;
            }}
          />
          <ColumnChart
            title={`Revenue per hour today in ${currency}`}
            points={revenuePerHour(hours, currency, rates)}
            yLabel={currency}
            formatTitle={(p) =>
              `${p.label}:00: ${formatMoney({
                currency,
                amount: Math.round(p.value * 10 ** fractionDigits(currency)),
              })}`
            }
          />
        </div>
      </Section>
    </>
  );
}
