import type { Money } from './types';

const digitsCache = new Map<string, number>();

/** Number of minor-unit digits of an ISO 4217 currency (2 for SEK, NOK, DKK, EUR; 0 for JPY). */
export function fractionDigits(currency: string): number {
  const cached = digitsCache.get(currency);
  if (cached !== undefined) return cached;
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
  } catch {
    digits = 2;
  }
  digitsCache.set(currency, digits);
  return digits;
}

/** Major units as a plain number (for charts): 12345 SEK minor units -> 123.45. */
export function toMajor(money: Money): number {
  return money.amount / 10 ** fractionDigits(money.currency);
}

/** Formats only the number part of an amount in minor units, e.g. 123450 SEK -> "1,234.50". */
export function formatAmount(amount: number, currency: string): string {
  const digits = fractionDigits(currency);
  return new Intl.NumberFormat('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits);
}

/** "1,234.50 SEK": deterministic across browsers (plain spaces, code after the number). */
export function formatMoney(money: Money | null | undefined): string {
  if (!money) return '—';
  return `${formatAmount(money.amount, money.currency)} ${money.currency}`;
}

/** Sums amounts per currency; never adds different currencies together. */
export function sumByCurrency(moneys: Money[]): Money[] {
  const totals = new Map<string, number>();
  for (const m of moneys) totals.set(m.currency, (totals.get(m.currency) ?? 0) + m.amount);
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ({ amount, currency }));
}
