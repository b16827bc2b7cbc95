import { convert, toMajor } from './money';
import type { DashboardDay, DashboardHour } from './types';

/** A "nice" upper bound for an axis (1, 2, 2.5, 5 or 10 times a power of ten), at least `max`. */
export function niceMax(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const exp = Math.floor(Math.log10(max));
  const base = 10 ** exp;
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * base;
    if (candidate >= max - 1e-9) return candidate;
  }
  return 10 * base;
}

/**
 * Evenly spaced ticks from 0, inclusive, the last at or above `max`. Integer data (counts of orders)
 * gets whole steps, at most `count` of them: no tick at 2.5 orders.
 */
export function ticks(max: number, count = 4, integers = false): number[] {
  if (integers) {
    const step = Math.max(1, Math.ceil(niceMax(max / count)));
    const n = Math.max(1, Math.min(count, Math.ceil(max / step)));
    return Array.from({ length: n + 1 }, (_, i) => i * step);
  }
  const step = niceMax(max) / count;
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toFixed(10)));
}

/** Linear scale of a value in [0, domainMax] onto [0, range] pixels. */
export function scale(value: number, domainMax: number, range: number): number {
  if (!(domainMax > 0)) return 0;
  return (Math.max(0, value) / domainMax) * range;
}

export interface Point {
  label: string;
  value: number;
}

/** Orders per day, oldest first, label "MM-DD". */
export function ordersSeries(days: DashboardDay[]): Point[] {
  return days.map((d) => ({ label: d.day.slice(5), value: d.orders }));
}

/**
 * Revenue per day, one series per currency (in major units), every day present in each series.
 * Currencies are never summed together.
 */
export function revenueSeries(days: DashboardDay[]): { currency: string; points: Point[] }[] {
  const currencies = [...new Set(days.flatMap((d) => d.revenue.map((r) => r.currency)))].sort();
  return currencies.map((currency) => ({
    currency,
    points: days.map((d) => ({
      label: d.day.slice(5),
      value: d.revenue
        .filter((r) => r.currency === currency)
        .reduce((acc, r) => acc + toMajor(r), 0),
    })),
  }));
}

/** Compact axis label: 1200 -> "1.2k", 2500000 -> "2.5M". */
export function compactNumber(n: number): string {
  const abs = Math.abs(n);
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1).replace(/\.0$/, ''));
  if (abs >= 1e6) return `${fmt(n / 1e6)}M`;
  if (abs >= 1e3) return `${fmt(n / 1e3)}k`;
  return fmt(Math.round(n * 100) / 100);
}

export function hasData(points: Point[]): boolean {
  return points.some((p) => p.value > 0);
}

/** The hours of a UTC day, "00" to "23", each with what the rows of that hour hold. */
function byHour<T>(
  rows: DashboardHour[],
  value: (rows: DashboardHour[]) => T,
): { label: string; value: T }[] {
  return Array.from({ length: 24 }, (_, hour) => ({
    label: String(hour).padStart(2, '0'),
    value: value(rows.filter((r) => r.hour === hour)),
  }));
}

/** Orders per hour of today, every market together, every hour present. */
export function ordersPerHour(rows: DashboardHour[]): (Point & { markets: string })[] {
  return byHour(rows, (hour) => hour).map(({ label, value }) => ({
    label,
    value: value.reduce((n, r) => n + r.orders, 0),
    markets: value
      .filter((r) => r.orders > 0)
      .map((r) => `${r.market} ${r.orders}`)
      .join(', '),
  }));
}

/** Revenue per hour of today, every market added up in one currency (major units). */
export function revenuePerHour(
  rows: DashboardHour[],
  currency: string,
  rates: Record<string, number>,
): Point[] {
  return byHour(rows, (hour) =>
    hour.reduce(
      (sum, r) => sum + toMajor(convert(r.revenue, currency, rates) ?? { ...r.revenue, amount: 0 }),
      0,
    ),
  );
}
