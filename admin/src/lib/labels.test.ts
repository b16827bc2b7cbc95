import { describe, expect, it } from 'vitest';
import {
  CART_STATUS_LABELS,
  FULFILLMENT_STATUS_LABELS,
  ORDER_STAGE_LABELS,
  ORDER_STATUS_LABELS,
  PAYMENT_STATUS_LABELS,
} from './labels';
import { ORDER_STAGES } from './types';

describe('where an order stands, in words', () => {
  it('names every stage the store answers, never as its code', () => {
    for (const stage of ORDER_STAGES) {
      const label = ORDER_STAGE_LABELS[stage];
      expect(label, stage).toMatch(/^[A-Z][a-z ,]+$/);
      expect(label).not.toContain('_');
    }
  });

  it('tells apart the stages a status alone hides', () => {
    expect(ORDER_STAGE_LABELS.PAYMENT_DECLINED).toBe('Payment declined');
    expect(ORDER_STAGE_LABELS.DELIVERED).toBe('Delivered');
    expect(ORDER_STAGE_LABELS.PAID).not.toBe(ORDER_STAGE_LABELS.TO_BE_PICKED);
  });

  it('has words for each status of carts, orders, payments and fulfilments', () => {
    for (const labels of [
      CART_STATUS_LABELS,
      ORDER_STATUS_LABELS,
      PAYMENT_STATUS_LABELS,
      FULFILLMENT_STATUS_LABELS,
    ]) {
      for (const [code, label] of Object.entries(labels)) {
        expect(label, code).not.toContain('_');
      }
    }
  });
});
