import { describe, expect, it } from 'vitest';
import {
  convert,
  formatAmount,
  formatMoney,
  formatRate,
  fractionDigits,
  sumByCurrency,
  toMajor,
} from './money';

/** Intl separates with no-break spaces (and a minus sign of its own in some locales). */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

describe('money', () => {
  it('knows the minor-unit digits of the store currencies', () => {
    for (const c of ['SEK', 'NOK', 'DKK', 'EUR']) expect(fractionDigits(c)).toBe(2);
    expect(fractionDigits('JPY')).toBe(0);
  });

  it('writes money as the market of its currency does', () => {
    expect(plain(formatMoney({ amount: 129600, currency: 'NOK' }))).toBe('1 296,00 kr');
    expect(plain(formatMoney({ amount: 123450, currency: 'SEK' }))).toBe('1 234,50 kr');
    expect(plain(formatMoney({ amount: 129600, currency: 'DKK' }))).toBe('1.296,00 kr.');
    expect(plain(formatMoney({ amount: 5, currency: 'EUR' }))).toBe('0,05 €');
    expect(plain(formatMoney({ amount: -1999, currency: 'DKK' }))).toBe('-19,99 kr.');
    expect(plain(formatMoney({ amount: 1500, currency: 'JPY' }))).toBe('¥1,500');
  });

  it('writes VAT rates as the market does', () => {
    expect(plain(formatRate(25.5, 'EUR'))).toBe('25,5 %');
    expect(plain(formatRate(6, 'SEK'))).toBe('6 %');
    expect(plain(formatRate(12, 'NOK'))).toBe('12 %');
  });

  it('shows a dash for missing money', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney(undefined)).toBe('—');
  });

  it('formats large amounts exactly', () => {
    expect(plain(formatAmount(123456789012, 'SEK'))).toBe('1 234 567 890,12');
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

describe('money in another currency', () => {
  const rates = { EUR: 1, SEK: 0.091, NOK: 0.085 };
  it('goes through the common unit and rounds to the minor unit', () => {
    expect(convert({ amount: 100_000, currency: 'SEK' }, 'EUR', rates)).toEqual({
      amount: 9100,
      currency: 'EUR',
    });
    expect(convert({ amount: 9100, currency: 'EUR' }, 'SEK', rates)).toEqual({
      amount: 100_000,
      currency: 'SEK',
    });
    expect(convert({ amount: 1234, currency: 'SEK' }, 'SEK', rates)).toEqual({
      amount: 1234,
      currency: 'SEK',
    });
  });
  it('is not a guess without a rate', () => {
    expect(convert({ amount: 100, currency: 'DKK' }, 'EUR', rates)).toBeNull();
  });
});
