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

/**
 * The locale a store currency is read in: that of the market it is the money of (EUR is Finland's
 * here). An admin reads "1 296,00 kr" for Norway, as the shop's customers do.
 */
const CURRENCY_LOCALES: Record<string, string> = {
  SEK: 'sv-SE',
  NOK: 'nb-NO',
  DKK: 'da-DK',
  EUR: 'fi-FI',
};

export function localeOf(currency: string): string {
  return CURRENCY_LOCALES[currency] ?? 'en-US';
}

const formats = new Map<string, Intl.NumberFormat>();

/** One formatter per kind and currency: lists format hundreds of amounts per render. */
function format(kind: 'amount' | 'money' | 'percent', currency: string): Intl.NumberFormat {
  const key = `${kind}:${currency}`;
  let f = formats.get(key);
  if (!f) {
    const digits = fractionDigits(currency);
    f = new Intl.NumberFormat(
      localeOf(currency),
      kind === 'percent'
        ? { style: 'percent', maximumFractionDigits: 2 }
        : {
            ...(kind === 'money' ? { style: 'currency', currency } : {}),
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          },
    );
    formats.set(key, f);
  }
  return f;
}

/** Only the number part of an amount in minor units, in its market's locale: 123450 SEK -> "1 234,50". */
export function formatAmount(amount: number, currency: string): string {
  return format('amount', currency).format(amount / 10 ** fractionDigits(currency));
}

/** An amount in minor units as its market writes it: 129600 NOK -> "1 296,00 kr". */
export function formatMoney(money: Money | null | undefined): string {
  if (!money) return '—';
  return format('money', money.currency).format(
    money.amount / 10 ** fractionDigits(money.currency),
  );
}

/** A VAT rate in percent, as the market of the currency writes it: 25.5 -> "25,5 %". */
export function formatRate(percent: number, currency: string): string {
  return format('percent', currency).format(percent / 100);
}

/** Sums amounts per currency; never adds different currencies together. */
export function sumByCurrency(moneys: Money[]): Money[] {
  const totals = new Map<string, number>();
  for (const m of moneys) totals.set(m.currency, (totals.get(m.currency) ?? 0) + m.amount);
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ({ amount, currency }));
}

/**
 * The money in another currency by the dashboard's exchange rates (what one unit of each currency is
 * worth in a common unit), rounded to the target's minor unit; null when a rate is missing.
 */
export function convert(money: Money, to: string, rates: Record<string, number>): Money | null {
  const from = rates[money.currency];
  const into = rates[to];
  if (!(from > 0) || !(into > 0)) return null;
  const major = (toMajor(money) * from) / into;
  return { amount: Math.round(major * 10 ** fractionDigits(to)), currency: to };
}
