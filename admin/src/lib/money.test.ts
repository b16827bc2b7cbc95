import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoney, fractionDigits, sumByCurrency, toMajor } from './money';

describe('money', () => {
  it('knows the minor-unit digits of the store currencies', () => {
    for (const c of ['SEK', 'NOK', 'DKK', 'EUR']) expect(fractionDigits(c)).toBe(2);
    expect(fractionDigits('JPY')).toBe(0);
  });

  it('formats minor units with the currency code after the number', () => {
    expect(formatMoney({ amount: 123450, currency: 'SEK' })).toBe('1,234.50 SEK');
    expect(formatMoney({ amount: 5, currency: 'EUR' })).toBe('0.05 EUR');
    expect(formatMoney({ amount: 0, currency: 'NOK' })).toBe('0.00 NOK');
    expect(formatMoney({ amount: -1999, currency: 'DKK' })).toBe('-19.99 DKK');
    expect(formatMoney({ amount: 1500, currency: 'JPY' })).toBe('1,500 JPY');
  });

  it('shows a dash for missing money', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney(undefined)).toBe('—');
  });

  it('formats large amounts exactly', () => {
    expect(formatAmount(123456789012, 'SEK')).toBe('1,234,567,890.12');
  });

  it('converts to major units', () => {
    expect(toMajor({ amount: 19990, currency: 'SEK' })).toBeCloseTo(199.9);
  });

  it('sums per currency and never across currencies', () => {
    expect(
      sumByCurrency([
        { amount: 100, currency: 'SEK' },
        { amount: 50, currency: 'EUR' },
        { amount: 25, currency: 'SEK' },
      ]),
    ).toEqual([
      { amount: 50, currency: 'EUR' },
      { amount: 125, currency: 'SEK' },
    ]);
  });
});
