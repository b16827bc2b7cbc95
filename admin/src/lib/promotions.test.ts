import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, definitionOf, describeConditions, describeReward } from './promotions';
import type { PromotionDefinition } from './types';

const base: PromotionDefinition = {
  name: 'Test',
  trigger: 'AUTOMATIC',
  priority: 0,
  stacking: 'STACKABLE',
  currency: 'SEK',
  conditions: null,
  reward: {
    type: 'PERCENT_OFF',
    percent: 10,
    amount: null,
    buy: null,
    get: null,
    tiers: null,
    target: { skus: null, categories: ['Books'] },
  },
  limits: null,
};

describe('describeReward', () => {
  it('names the percentage and the items', () => {
    expect(describeReward(base)).toBe('10 % off Books');
  });

  it('writes an amount in the promotion currency', () => {
    const d = {
      ...base,
      reward: { ...base.reward, type: 'AMOUNT_OFF' as const, amount: 5000, target: null },
    };
    expect(describeReward(d)).toMatch(/^50,00\s?kr off every item$/);
  });

  it('says 3 for 2 when the cheapest is free', () => {
    const d = {
      ...base,
      reward: { ...base.reward, type: 'BUY_GET' as const, buy: 2, get: 1, percent: 100 },
    };
    expect(describeReward(d)).toBe('3 for 2 on Books');
  });

  it('lists spend tiers from the lowest', () => {
    const d = {
      ...base,
      reward: {
        ...base.reward,
        type: 'SPEND_TIERS' as const,
        percent: null,
        target: null,
        tiers: [
          { threshold: 100000, percent: 10 },
          { threshold: 200000, percent: 15 },
        ],
      },
    };
    expect(describeReward(d)).toMatch(
      /^10 % from 1\s000,00\s?kr, 15 % from 2\s000,00\s?kr of every item$/,
    );
  });
});

describe('describeConditions', () => {
  it('is always when nothing is asked', () => {
    expect(describeConditions(base)).toBe('always');
  });

  it('joins the market, the minimum and what the cart must hold', () => {
    const d = {
      ...base,
      conditions: {
        startsAt: null,
        endsAt: null,
        markets: ['SE'],
        minimumSubtotal: 50000,
        minimumItems: null,
        requires: { skus: null, categories: ['Books'] },
      },
    };
    expect(describeConditions(d)).toMatch(/^SE · from 500,00\s?kr · needs Books$/);
  });
});

describe('definitionOf', () => {
  it('sends amounts in minor units and lists without blanks', () => {
    const d = definitionOf({
      ...EMPTY_FORM,
      name: 'Kitchen deal',
      type: 'AMOUNT_OFF',
      amount: '49,90',
      currency: 'sek',
      market: 'SE',
      targetCategories: 'Kitchen, , Home',
      minimumSubtotal: '500',
      uses: '100',
    });
    expect(d.currency).toBe('SEK');
    expect(d.reward.amount).toBe(4990);
    expect(d.reward.percent).toBeNull();
    expect(d.reward.target).toEqual({ skus: null, categories: ['Kitchen', 'Home'] });
    expect(d.conditions?.markets).toEqual(['SE']);
    expect(d.conditions?.minimumSubtotal).toBe(50000);
    expect(d.limits).toEqual({ uses: 100, usesPerCustomer: null, budget: null });
  });

  it('sends no target for free shipping and no limits when none are typed', () => {
    const d = definitionOf({ ...EMPTY_FORM, name: 'Ship free', type: 'FREE_SHIPPING' });
    expect(d.reward.target).toBeNull();
    expect(d.reward.percent).toBeNull();
    expect(d.limits).toBeNull();
    expect(d.conditions?.markets).toBeNull();
  });
});
