import { describe, expect, it } from 'vitest';
import {
  ordersPerHour,
  revenuePerHour,
  compactNumber,
  hasData,
  niceMax,
  ordersSeries,
  revenueSeries,
  scale,
  ticks,
} from './chart';
import type { DashboardDay } from './types';

describe('chart helpers', () => {
  it('rounds the axis top up to a nice number', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(21)).toBe(25);
    expect(niceMax(430)).toBe(500);
    expect(niceMax(1000)).toBe(1000);
  });

  it('makes evenly spaced ticks from zero', () => {
    expect(ticks(13)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(2, 4, true)).toEqual([0, 1, 2]);
    expect(ticks(0, 4, true)).toEqual([0, 1]);
  });

  it('counts in whole steps: ten orders give no tick at 2.5', () => {
    expect(ticks(10, 4, true)).toEqual([0, 3, 6, 9, 12]);
    expect(ticks(7, 4, true)).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(100, 4, true)).toEqual([0, 25, 50, 75, 100]);
    for (let max = 1; max <= 60; max++) {
      const t = ticks(max, 4, true);
      expect(t.every(Number.isInteger), `ticks for ${max}: ${t}`).toBe(true);
      expect(t[t.length - 1]).toBeGreaterThanOrEqual(max);
    }
  });

  it('scales linearly and never below zero', () => {
    expect(scale(5, 10, 200)).toBe(100);
    expect(scale(-3, 10, 200)).toBe(0);
    expect(scale(5, 0, 200)).toBe(0);
  });

  it('writes compact labels', () => {
    expect(compactNumber(950)).toBe('950');
    expect(compactNumber(1200)).toBe('1.2k');
    expect(compactNumber(2_500_000)).toBe('2.5M');
    expect(compactNumber(12.345)).toBe('12.3');
  });

  const days: DashboardDay[] = [
    { day: '2026-11-28', orders: 0, revenue: [] },
    {
      day: '2026-11-29',
      orders: 3,
      revenue: [
        { amount: 10000, currency: 'SEK' },
        { amount: 550, currency: 'EUR' },
      ],
    },
    { day: '2026-11-30', orders: 1, revenue: [{ amount: 2550, currency: 'SEK' }] },
  ];

  it('prepares orders per day', () => {
    expect(ordersSeries(days)).toEqual([
      { label: '11-28', value: 0 },
      { label: '11-29', value: 3 },
      { label: '11-30', value: 1 },
    ]);
  });

  it('keeps one revenue series per currency with every day present', () => {
    const series = revenueSeries(days);
    expect(series.map((s) => s.currency)).toEqual(['EUR', 'SEK']);
    expect(series[0].points.map((p) => p.value)).toEqual([0, 5.5, 0]);
    expect(series[1].points.map((p) => p.value)).toEqual([0, 100, 25.5]);
  });

  it('detects empty data', () => {
    expect(hasData([{ label: 'a', value: 0 }])).toBe(false);
    expect(hasData(ordersSeries(days))).toBe(true);
    expect(revenueSeries([{ day: '2026-11-30', orders: 0, revenue: [] }])).toEqual([]);
  });
});

describe('today by the hour', () => {
  const rows = [
    { hour: 5, market: 'SE', orders: 4, revenue: { amount: 100_000, currency: 'SEK' } },
    { hour: 5, market: 'FI', orders: 3, revenue: { amount: 9100, currency: 'EUR' } },
    { hour: 17, market: 'NO', orders: 1, revenue: { amount: 0, currency: 'NOK' } },
  ];
  it('has every hour of the day, the markets of each together', () => {
    const orders = ordersPerHour(rows);
    expect(orders).toHaveLength(24);
    expect(orders[5]).toEqual({ label: '05', value: 7, markets: 'SE 4, FI 3' });
    expect(orders[17].value).toBe(1);
    expect(orders[0]).toEqual({ label: '00', value: 0, markets: '' });
  });
  it('adds the markets revenue up in the chosen currency', () => {
    const revenue = revenuePerHour(rows, 'EUR', { EUR: 1, SEK: 0.091, NOK: 0.085 });
    expect(revenue[5].value).toBeCloseTo(182, 2);
    expect(revenue[17].value).toBe(0);
  });
});
