import { describe, expect, it } from 'vitest';
import { orderStage } from './labels';
import type { Order } from './types';

type Stage = Pick<Order, 'status' | 'payments' | 'fulfillment'>;

function payment(status: Order['payments'][number]['status']): Order['payments'][number] {
  return {
    id: 'p',
    method: 'card',
    amount: { amount: 100, currency: 'SEK' },
    status,
    outcome: null,
    createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z',
  } as Order['payments'][number];
}

function fulfilment(status: NonNullable<Order['fulfillment']>['status']): Order['fulfillment'] {
  return { status } as Order['fulfillment'];
}

describe('where an order stands, in words', () => {
  it('names what its latest payment says while the order waits for one', () => {
    const declined: Stage = {
      status: 'PAYMENT_ADDED',
      payments: [payment('FAILED'), payment('DECLINED')],
      fulfillment: null,
    };
    expect(orderStage(declined)).toEqual({ code: 'DECLINED', label: 'Payment declined' });
    expect(
      orderStage({ status: 'PAYMENT_ADDED', payments: [payment('INITIATED')], fulfillment: null }),
    ).toEqual({ code: 'PAYMENT_ADDED', label: 'Awaiting authorization' });
  });

  it('follows the parcel once the order is in fulfilment', () => {
    const paid = [payment('AUTHORIZED')];
    const at = (status: NonNullable<Order['fulfillment']>['status']) =>
      orderStage({ status: 'FULFILLMENT_CREATED', payments: paid, fulfillment: fulfilment(status) })
        .label;
    expect(at('CREATED')).toBe('Paid, to be picked');
    expect(at('SHIPPED')).toBe('Shipped');
    expect(at('DELIVERED')).toBe('Delivered');
  });

  it('says the rest as the shop does, never as a code', () => {
    expect(orderStage({ status: 'CONTACT_GIVEN', payments: [], fulfillment: null }).label).toBe(
      'Awaiting payment',
    );
    expect(
      orderStage({
        status: 'PAYMENT_AUTHORIZED',
        payments: [payment('AUTHORIZED')],
        fulfillment: null,
      }).label,
    ).toBe('Paid');
  });
});
