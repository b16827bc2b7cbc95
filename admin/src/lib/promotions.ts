import { formatMoney, fractionDigits } from './money';
import type { PromotionDefinition, PromotionReward, RewardType } from './types';

export const REWARD_LABELS: Record<RewardType, string> = {
  PERCENT_OFF: 'Percentage off',
  AMOUNT_OFF: 'Amount off',
  SPEND_TIERS: 'Spend tiers',
  BUY_GET: 'Buy X, get Y',
  FREE_SHIPPING: 'Free shipping',
};

function items(target: PromotionReward['target']): string {
  const names = [...(target?.skus ?? []), ...(target?.categories ?? [])];
  return names.length === 0 ? 'every item' : names.join(', ');
}

function money(amount: number, currency: string | null): string {
  return currency ? formatMoney({ amount, currency }) : String(amount);
}

/** What a promotion gives, in one line: "10 % off Books", "3 for 2 on Toys". */
export function describeReward(d: PromotionDefinition): string {
  const r = d.reward;
  switch (r.type) {
    case 'PERCENT_OFF':
      return `${r.percent} % off ${items(r.target)}`;
    case 'AMOUNT_OFF':
      return `${money(r.amount ?? 0, d.currency)} off ${items(r.target)}`;
    case 'SPEND_TIERS':
      return (r.tiers ?? [])
        .map((t) => `${t.percent} % from ${money(t.threshold, d.currency)}`)
        .join(', ')
        .concat(` of ${items(r.target)}`);
    case 'BUY_GET':
      return r.percent === 100
        ? `${(r.buy ?? 0) + (r.get ?? 0)} for ${r.buy} on ${items(r.target)}`
        : `buy ${r.buy}, get ${r.get} at ${r.percent} % off on ${items(r.target)}`;
    case 'FREE_SHIPPING':
      return 'free shipping';
  }
}

/** When it applies, in one line: "SE · from 500,00 kr · needs Books"; "always" when nothing is asked. */
export function describeConditions(d: PromotionDefinition): string {
  const c = d.conditions;
  const parts: string[] = [];
  if (c?.markets?.length) parts.push(c.markets.join(', '));
  if (c?.minimumSubtotal) parts.push(`from ${money(c.minimumSubtotal, d.currency)}`);
  if (c?.minimumItems) parts.push(`${c.minimumItems}+ items`);
  const required = [...(c?.requires?.skus ?? []), ...(c?.requires?.categories ?? [])];
  if (required.length) parts.push(`needs ${required.join(' or ')}`);
  if (c?.startsAt) parts.push(`from ${c.startsAt.slice(0, 16).replace('T', ' ')}`);
  if (c?.endsAt) parts.push(`until ${c.endsAt.slice(0, 16).replace('T', ' ')}`);
  return parts.length ? parts.join(' · ') : 'always';
}

/** What an admin types into the promotion form: text, as inputs hold it. */
export interface PromotionForm {
  name: string;
  trigger: PromotionDefinition['trigger'];
  stacking: 'STACKABLE' | 'EXCLUSIVE';
  priority: string;
  type: RewardType;
  /** In percent, for PERCENT_OFF and BUY_GET. */
  percent: string;
  /** In major units of the currency, for AMOUNT_OFF. */
  amount: string;
  buy: string;
  get: string;
  market: string;
  currency: string;
  /** Comma-separated SKUs and categories the reward is off; empty: every item. */
  targetSkus: string;
  targetCategories: string;
  /** In major units. */
  minimumSubtotal: string;
  uses: string;
  usesPerCustomer: string;
}

export const EMPTY_FORM: PromotionForm = {
  name: '',
  trigger: 'AUTOMATIC',
  stacking: 'STACKABLE',
  priority: '0',
  type: 'PERCENT_OFF',
  percent: '10',
  amount: '',
  buy: '2',
  get: '1',
  market: '',
  currency: '',
  targetSkus: '',
  targetCategories: '',
  minimumSubtotal: '',
  uses: '',
  usesPerCustomer: '',
};

function list(text: string): string[] | null {
  const names = text
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  return names.length ? names : null;
}

function whole(text: string): number | null {
  return text.trim() === '' ? null : Number(text.trim());
}

/** Major units as the API's minor units: "49,90" or "49.90" in SEK is 4990. */
function minor(text: string, currency: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '' || !currency) return null;
  return Math.round(Number(t) * 10 ** fractionDigits(currency));
}

/**
 * The definition the form stands for, as the API takes it. It checks nothing the store checks
 * itself: a wrong field comes back as the store's problem, naming it.
 */
export function definitionOf(f: PromotionForm): PromotionDefinition {
  const currency = f.currency.trim().toUpperCase() || null;
  const percentTypes: RewardType[] = ['PERCENT_OFF', 'BUY_GET'];
  const target =
    f.type === 'FREE_SHIPPING'
      ? null
      : { skus: list(f.targetSkus), categories: list(f.targetCategories) };
  const minimumSubtotal = minor(f.minimumSubtotal, currency ?? '');
  const uses = whole(f.uses);
  const usesPerCustomer = whole(f.usesPerCustomer);
  return {
    name: f.name,
    trigger: f.trigger,
    priority: whole(f.priority),
    stacking: f.stacking,
    currency,
    conditions: {
      startsAt: null,
      endsAt: null,
      markets: f.market ? [f.market] : null,
      minimumSubtotal,
      minimumItems: null,
      requires: null,
    },
    reward: {
      type: f.type,
      percent: percentTypes.includes(f.type) ? Number(f.percent.trim().replace(',', '.')) : null,
      amount: f.type === 'AMOUNT_OFF' ? minor(f.amount, currency ?? '') : null,
      buy: f.type === 'BUY_GET' ? whole(f.buy) : null,
      get: f.type === 'BUY_GET' ? whole(f.get) : null,
      tiers: null,
      target,
    },
    limits:
      uses === null && usesPerCustomer === null ? null : { uses, usesPerCustomer, budget: null },
  };
}
