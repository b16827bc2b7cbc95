import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';
import { cartEditsSince, readableDetail, readableTimeline } from './timeline';

describe('cartEditsSince', () => {
  const cartTimeline = [
    { at: '2026-12-02T10:00:00Z', event: 'ItemAdded', by: null, detail: 'BOOK-000001 × 2' },
    { at: '2026-12-02T10:30:00Z', event: 'CartEditedByAdmin', by: 'dana', detail: null },
    { at: '2026-12-02T10:30:00Z', event: 'ItemAdded', by: 'dana', detail: 'MUG-000001 × 1' },
    {
      at: '2026-12-02T11:15:00Z',
      event: 'CartEditedByAdmin',
      by: 'dana',
      detail: "overriding the order's lock",
    },
    {
      at: '2026-12-02T11:15:00Z',
      event: 'ItemQuantityChanged',
      by: 'dana',
      detail: 'BOOK-000001 × 3',
    },
  ];

  it("keeps the admin's changes since the order was placed, as the cart's rows", () => {
    const rows = cartEditsSince(cartTimeline, '2026-12-02T11:00:00Z');

    expect(rows.map((r) => [r.event, r.source])).toEqual([
      ['CartEditedByAdmin', 'cart'],
      ['ItemQuantityChanged', 'cart'],
    ]);
  });

  it("reads in the order's timeline as one change by its admin, with why", () => {
    const order = [
      { at: '2026-12-02T11:00:00Z', event: 'OrderCreated', by: 'customer', source: 'order' },
    ];

    const shown = readableTimeline([
      ...order,
      ...cartEditsSince(cartTimeline, '2026-12-02T11:00:00Z'),
    ]);

    expect(shown.map((r) => [r.event, r.by, r.detail])).toEqual([
      ['ItemQuantityChanged', 'dana', 'BOOK-000001 × 3'],
      ['OrderCreated', 'customer', undefined],
    ]);
  });

  it('is nothing before the cart is known', () => {
    expect(cartEditsSince(undefined, '2026-12-02T11:00:00Z')).toEqual([]);
  });
});

describe('readableDetail', () => {
  it("writes the store's amounts as their market writes money", () => {
    expect(readableDetail('1296.00 NOK by card')).toBe(
      `${formatMoney({ amount: 129600, currency: 'NOK' })} by card`,
    );
    expect(readableDetail('now 449.99 EUR')).toBe(
      `now ${formatMoney({ amount: 44999, currency: 'EUR' })}`,
    );
  });

  it('leaves what is not an amount of a currency as the store said it', () => {
    expect(readableDetail('code AUTH-42')).toBe('code AUTH-42');
    expect(readableDetail('BOOK-000001 × 3')).toBe('BOOK-000001 × 3');
    expect(readableDetail('The card has expired')).toBe('The card has expired');
    expect(readableDetail('12.5 EUR')).toBe('12.5 EUR');
    expect(readableDetail(null)).toBe('');
  });
});
